package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixPreviewTest {

    /** The preview of inserting {@code insert} after the first occurrence of {@code after} in the last statement. */
    private static String preview(String text, String after, String insert) {
        SourceFile file = SourceFile.of("m.sql", text);
        List<ScriptStatement> statements = Splitter.split(file, Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL)));
        ScriptStatement s = statements.get(statements.size() - 1);
        int at = text.indexOf(after, s.range().start()) + after.length();
        return FixPreview.of(text, s.range(), s.tokens(), Fix.insert("f", at, insert), true);
    }

    @Test
    void showsTheStatementAsWrittenWithItsTerminator() {
        assertThat(preview("SELECT 1;\nCREATE INDEX \"MyIdx\" ON \"Users\" (\"Email\" text_pattern_ops) INCLUDE (a);\n",
                "INDEX", " CONCURRENTLY"))
                .isEqualTo("CREATE INDEX CONCURRENTLY \"MyIdx\" ON \"Users\" (\"Email\" text_pattern_ops) INCLUDE (a);");
        assertThat(preview("DROP INDEX i", "INDEX", " CONCURRENTLY")).isEqualTo("DROP INDEX CONCURRENTLY i");
    }

    @Test
    void leavesCommentsOutAndUsesLineFeeds() {
        String text = "-- leading comments are not part of the statement\r\n"
                + "CREATE INDEX -- trailing\r\n"
                + "    -- a line of its own\r\n"
                + "    /* inline */ ON t/**/USING gin (tags); -- after\r\n";
        assertThat(preview(text, "INDEX", " CONCURRENTLY"))
                .isEqualTo("CREATE INDEX CONCURRENTLY\n    ON t USING gin (tags);");
    }

    @Test
    void keepsCommentsInsideStringsAndDollarQuotes() {
        assertThat(preview("CREATE INDEX i ON t (c) WHERE note <> '-- not a comment';", "INDEX", " CONCURRENTLY"))
                .isEqualTo("CREATE INDEX CONCURRENTLY i ON t (c) WHERE note <> '-- not a comment';");
    }

    @Test
    void linesCoverWhatAnEditTouches() {
        String text = "a;\nb c;\nd;\n";
        assertThat(FixPreview.lines(text, new TextRange(5, 5))).isEqualTo(new TextRange(3, 7));
    }
}
