package dev.migralint.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts of a script that a migration tool sends as one statement. */
class UnsplitPartsTest {

    private static List<ScriptStatement> split(String text, boolean splitStatements, List<TextRange> blocks) {
        SourceFile file = SourceFile.of("t.sql", text);
        return Splitter.split(file, Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL)), splitStatements, blocks);
    }

    @Test
    void withoutSplittingTheScriptIsOneStatement() {
        String text = "-- lead\nINSERT INTO t VALUES (1);\n-- between\nINSERT INTO t VALUES (2);\n-- trailing\n";
        List<ScriptStatement> s = split(text, false, List.of());
        assertThat(s).singleElement().satisfies(st -> {
            assertThat(st.text()).isEqualTo("INSERT INTO t VALUES (1);\n-- between\nINSERT INTO t VALUES (2)");
            assertThat(st.leadingComments()).extracting(t -> t.text(text)).containsExactly("-- lead");
        });
    }

    @Test
    void aBlockIsOneStatementAndTheRestIsSplitAsUsual() {
        String text = "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS 'x' LANGUAGE sql;\nSELECT 2;\nSELECT 3;\nSELECT 4;";
        int blockStart = text.indexOf("CREATE");
        int blockEnd = text.indexOf("SELECT 3");
        List<ScriptStatement> s = split(text, true, List.of(new TextRange(blockStart, blockEnd)));
        assertThat(s).extracting(ScriptStatement::text).containsExactly(
                "SELECT 1",
                "CREATE FUNCTION f() RETURNS int AS 'x' LANGUAGE sql;\nSELECT 2",
                "SELECT 3",
                "SELECT 4");
        assertThat(s).extracting(ScriptStatement::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aStatementRunningIntoABlockEndsWhereTheBlockStarts() {
        String text = "SELECT 1\nSELECT 2;\nSELECT 3;";
        int blockStart = text.indexOf("SELECT 2");
        List<ScriptStatement> s = split(text, true, List.of(new TextRange(blockStart, text.length())));
        assertThat(s).extracting(ScriptStatement::text).containsExactly("SELECT 1", "SELECT 2;\nSELECT 3");
    }

    @Test
    void commentsAfterTheLastTerminatorOfABlockLeadTheNextStatement() {
        String text = "SELECT 1; -- after\nSELECT 2;";
        List<ScriptStatement> s = split(text, true, List.of(new TextRange(0, text.indexOf("SELECT 2"))));
        assertThat(s).hasSize(2);
        assertThat(s.get(0).text()).isEqualTo("SELECT 1");
        assertThat(s.get(1).leadingComments()).extracting(t -> t.text(text)).containsExactly("-- after");
    }

    @Test
    void defaultSplittingIsUnchanged() {
        String text = "SELECT 1; SELECT 2;";
        SourceFile file = SourceFile.of("t.sql", text);
        var lexed = Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL));
        assertThat(Splitter.split(file, lexed, true, List.of())).isEqualTo(Splitter.split(file, lexed));
    }
}
