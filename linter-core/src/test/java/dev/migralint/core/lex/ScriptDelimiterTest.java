package dev.migralint.core.lex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A migration tool's own statement terminator (Liquibase endDelimiter) given through {@link LexOptions}. */
class ScriptDelimiterTest {

    private static List<String> delimiters(String text, String delimiter, Dialect dialect) {
        LexResult r = Lexer.lex(text, LexOptions.of(dialect).withDelimiter(delimiter));
        return r.tokens().stream().filter(t -> t.kind() == TokenKind.DELIMITER).map(t -> t.text(text)).toList();
    }

    @Test
    void slashEndsAStatementOnlyOnALineOfItsOwn() {
        String text = "SELECT 4 / 2;\n  /  \nSELECT 1\n/\n/* c */";
        LexResult r = Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL).withDelimiter("/"));
        assertThat(r.tokens()).filteredOn(t -> t.kind() == TokenKind.DELIMITER).extracting(Token::start)
                .containsExactly(16, 29);
        // the semicolon is not a terminator while another delimiter is in force
        assertThat(r.tokens()).filteredOn(t -> t.text(text).equals(";")).extracting(Token::kind)
                .containsExactly(TokenKind.OPERATOR);
        assertThat(r.tokens()).filteredOn(t -> t.kind() == TokenKind.BLOCK_COMMENT).hasSize(1);
    }

    @Test
    void aWordDelimiterIsMatchedWithoutCaseAndOnlyAlone() {
        String text = "SELECT 1\ngo\nSELECT 2 AS go\nGOTO\nGO";
        assertThat(delimiters(text, "GO", Dialect.GENERIC)).containsExactly("go", "GO");
    }

    @Test
    void otherDelimitersEndStatementsAnywhere() {
        assertThat(delimiters("SELECT 1$$ SELECT 2 $$", "$$", Dialect.MYSQL)).containsExactly("$$", "$$");
    }

    @Test
    void semicolonOrNothingKeepsTheDefault() {
        assertThat(LexOptions.of(Dialect.POSTGRESQL).withDelimiter(";").delimiter()).isNull();
        assertThat(LexOptions.of(Dialect.POSTGRESQL).withDelimiter(" ").delimiter()).isNull();
        assertThat(delimiters("SELECT 1; SELECT 2;", null, Dialect.POSTGRESQL)).containsExactly(";", ";");
    }

    @Test
    void aMysqlDelimiterDirectiveStillTakesOver() {
        String text = "SELECT 1\n/\nDELIMITER ;;\nSELECT 2;;\n/";
        assertThat(delimiters(text, "/", Dialect.MYSQL)).containsExactly("/", ";;");
    }

    @Test
    void aDelimiterLineAfterAStatementEndedBySemicolonTakesOver() {
        // DolphinScheduler's MySQL scripts: under d//, an UPDATE ends with ';' before the line resetting it.
        String text = "delimiter d//\nCREATE PROCEDURE p() BEGIN SELECT 1; END;\nd//\n"
                + "UPDATE t SET a = 1;\n\ndelimiter ;\nSELECT 1;";
        LexResult r = Lexer.lex(text, LexOptions.of(Dialect.MYSQL));
        assertThat(r.tokens()).filteredOn(t -> t.kind() == TokenKind.DELIMITER_DIRECTIVE).extracting(t -> t.text(text))
                .containsExactly("delimiter d//", "delimiter ;");
        assertThat(delimiters(text, null, Dialect.MYSQL)).containsExactly("d//", ";");
    }

    @Test
    void aDelimiterLineInAPostgresqlScriptEndsOneStatement() {
        // DolphinScheduler's runner reads DELIMITER lines in PostgreSQL scripts too, which never reset it.
        String text = "delimiter d//\nCREATE FUNCTION f() RETURNS void AS $$ BEGIN END; $$ LANGUAGE plpgsql;\nd//\n"
                + "SELECT f();\nDROP FUNCTION f();";
        assertThat(delimiters(text, null, Dialect.POSTGRESQL)).containsExactly("d//", ";", ";");
    }

    @Test
    void aColumnNamedDelimiterIsNoDirective() {
        String text = "CREATE TABLE t (\ndelimiter varchar(3));\nSELECT 1;";
        assertThat(delimiters(text, null, Dialect.MYSQL)).containsExactly(";", ";");
    }

    @Test
    void aMysqlLineOpeningWithDoubleMinusIsAComment() {
        String text = "--DROP PROCEDURE p;\nSELECT 1 --1\n;";
        LexResult r = Lexer.lex(text, LexOptions.of(Dialect.MYSQL));
        assertThat(r.tokens()).filteredOn(t -> t.kind() == TokenKind.LINE_COMMENT).extracting(t -> t.text(text))
                .containsExactly("--DROP PROCEDURE p;");
    }
}
