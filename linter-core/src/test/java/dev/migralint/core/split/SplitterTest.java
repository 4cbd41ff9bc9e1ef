package dev.migralint.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitterTest {

    static List<ScriptStatement> split(String text, Dialect dialect) {
        SourceFile file = SourceFile.of("test.sql", text);
        return Splitter.split(file, Lexer.lex(text, LexOptions.of(dialect)));
    }

    static List<String> texts(List<ScriptStatement> statements) {
        return statements.stream().map(ScriptStatement::text).toList();
    }

    @Test
    void splitsOnTerminatorsAndSkipsEmptyStatements() {
        List<ScriptStatement> s = split("SELECT 1;;\n ; SELECT 2 ;\nSELECT 3", Dialect.POSTGRESQL);
        assertThat(texts(s)).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        assertThat(s).extracting(ScriptStatement::index).containsExactly(0, 1, 2);
        assertThat(s.get(1).range()).isEqualTo(new TextRange(14, 22));
        assertThat(s).extracting(ScriptStatement::kind).containsOnly(ScriptStatement.Kind.SQL);
    }

    @Test
    void commentsBeforeAStatementAreItsLeadingComments() {
        String text = "-- first\nSELECT 1; -- about the next\n/* block */\nSELECT /* inside */ 2;\n-- trailing";
        List<ScriptStatement> s = split(text, Dialect.POSTGRESQL);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).leadingComments()).extracting(t -> t.text(text)).containsExactly("-- first");
        assertThat(s.get(1).leadingComments()).extracting(t -> t.text(text))
                .containsExactly("-- about the next", "/* block */");
        assertThat(s.get(1).tokens()).extracting(t -> t.text(text)).containsExactly("SELECT", "/* inside */", "2");
        assertThat(s.get(1).significantTokens()).extracting(t -> t.text(text)).containsExactly("SELECT", "2");
    }

    @Test
    void aCommentBeforeTheTerminatorStaysInTheStatement() {
        String text = "SELECT 1 -- why\n;";
        ScriptStatement s = split(text, Dialect.POSTGRESQL).get(0);
        assertThat(s.text()).isEqualTo("SELECT 1 -- why");
        assertThat(s.tokens()).extracting(Token::kind).containsExactly(TokenKind.WORD, TokenKind.NUMBER, TokenKind.LINE_COMMENT);
    }

    @Test
    void sqlIsTheMaskedTextOfTheRange() {
        String text = "CREATE TABLE ${schema}.t (id int);";
        SourceFile file = SourceFile.of("V1__t.sql", text);
        ScriptStatement s = Splitter.split(file, Lexer.lex(text, new LexOptions(Dialect.POSTGRESQL, Map.of("schema", "app"), false))).get(0);
        assertThat(s.text()).isEqualTo("CREATE TABLE ${schema}.t (id int)");
        assertThat(s.sql()).isEqualTo("CREATE TABLE app      .t (id int)");
    }

    @Test
    void beginAtomicBodyKeepsItsSemicolons() {
        String text = """
                CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                  SELECT a + 1;
                END;
                SELECT f(1);
                """;
        List<ScriptStatement> s = split(text, Dialect.POSTGRESQL);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).text()).startsWith("CREATE FUNCTION").endsWith("SELECT a + 1;\nEND");
        assertThat(s.get(1).text()).isEqualTo("SELECT f(1)");
    }

    @Test
    void aTransactionBeginIsNotAnAtomicBody() {
        assertThat(texts(split("BEGIN; CREATE TABLE atomic (a int); COMMIT;", Dialect.POSTGRESQL)))
                .containsExactly("BEGIN", "CREATE TABLE atomic (a int)", "COMMIT");
    }

    @Test
    void aMysqlProcedureBodyWithoutDelimiterLineIsOneStatement() {
        // authelia's driver sends each file's procedure as one statement; the mysql client is not involved.
        String text = """
                CREATE PROCEDURE p(IN t VARCHAR(64))
                BEGIN
                    IF EXISTS(SELECT 1 FROM information_schema.tables WHERE table_name = t) THEN
                        SET @q = CASE WHEN t = 'a' THEN 'x' ELSE 'y' END;
                        PREPARE stmt FROM @q;
                        BEGIN
                          EXECUTE stmt;
                        END;
                    END IF;
                    CASE t WHEN 'a' THEN SELECT 1; ELSE SELECT 2; END CASE;
                    WHILE 0 DO SELECT 3; END WHILE;
                END;
                CALL p('a');
                """;
        List<ScriptStatement> s = split(text, Dialect.MYSQL);
        assertThat(texts(s)).hasSize(2);
        assertThat(s.get(0).text()).startsWith("CREATE PROCEDURE").endsWith("END WHILE;\nEND");
        assertThat(s.get(1).text()).isEqualTo("CALL p('a')");
    }

    @Test
    void aBeginInsideParenthesesOrOutsideARoutineOpensNoBody() {
        assertThat(texts(split("CREATE TABLE event (begin int, y int); BEGIN; SELECT 1;", Dialect.MYSQL)))
                .containsExactly("CREATE TABLE event (begin int, y int)", "BEGIN", "SELECT 1");
        assertThat(texts(split("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1; BEGIN; SELECT 1;",
                Dialect.MYSQL))).hasSize(3);
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        // psql sends nothing while a parenthesis is open: a rule's action list is one statement.
        String text = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));\nSELECT 1;";
        assertThat(texts(split(text, Dialect.POSTGRESQL))).containsExactly(
                "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))", "SELECT 1");
    }

    @Test
    void metaCommandIsAStatementOfItsOwnAndEndsTheOneInProgress() {
        List<ScriptStatement> s = split("\\set ON_ERROR_STOP on\nSELECT 1 AS x \\gset\nSELECT 2;", Dialect.POSTGRESQL);
        assertThat(texts(s)).containsExactly("\\set ON_ERROR_STOP on", "SELECT 1 AS x", "\\gset", "SELECT 2");
        assertThat(s).extracting(ScriptStatement::kind).containsExactly(
                ScriptStatement.Kind.META_COMMAND, ScriptStatement.Kind.SQL, ScriptStatement.Kind.META_COMMAND,
                ScriptStatement.Kind.SQL);
    }

    @Test
    void copyDataIsNotAStatement() {
        String text = "COPY t (a) FROM stdin;\n1\n2;\n\\.\nSELECT 1;";
        List<ScriptStatement> s = split(text, Dialect.POSTGRESQL);
        assertThat(texts(s)).containsExactly("COPY t (a) FROM stdin", "SELECT 1");
    }

    @Test
    void unterminatedQuoteMakesAnUnterminatedStatement() {
        List<ScriptStatement> s = split("SELECT 1;\nSELECT 'oops;\nSELECT 2;", Dialect.POSTGRESQL);
        assertThat(s).extracting(ScriptStatement::kind).containsExactly(
                ScriptStatement.Kind.SQL, ScriptStatement.Kind.UNTERMINATED);
        assertThat(s.get(1).text()).isEqualTo("SELECT 'oops;\nSELECT 2;");
    }

    @Test
    void mySqlDelimiterBlocksHoldWholeProcedures() {
        String text = """
                DROP PROCEDURE IF EXISTS p;
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM t) THEN
                    ALTER TABLE t ADD c int;
                  END IF;
                END$$
                DELIMITER ;
                CALL p();
                """;
        List<ScriptStatement> s = split(text, Dialect.MYSQL);
        assertThat(s).hasSize(3);
        assertThat(s.get(0).text()).isEqualTo("DROP PROCEDURE IF EXISTS p");
        assertThat(s.get(1).text()).startsWith("CREATE PROCEDURE p()").endsWith("END IF;\nEND");
        assertThat(s.get(2).text()).isEqualTo("CALL p()");
    }

    @Test
    void crlfInsideAStatementIsKept() {
        String text = "SELECT 1\r\n  FROM t;\r\nSELECT 2;\r\n";
        List<ScriptStatement> s = split(text, Dialect.POSTGRESQL);
        assertThat(texts(s)).containsExactly("SELECT 1\r\n  FROM t", "SELECT 2");
        assertThat(s.get(1).range().start()).isEqualTo(21);
    }

    @Test
    void commentsAfterTheLastStatementBelongToNone() {
        String text = "SELECT 1;\n-- the end\n";
        List<ScriptStatement> s = split(text, Dialect.POSTGRESQL);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).leadingComments()).isEmpty();
        assertThat(s.get(0).tokens()).noneMatch(Token::isComment);
    }

    @Test
    void anEmptyOrCommentOnlyFileHasNoStatements() {
        assertThat(split("", Dialect.POSTGRESQL)).isEmpty();
        assertThat(split("-- nothing\n/* here */ ;", Dialect.MYSQL)).isEmpty();
    }
}
