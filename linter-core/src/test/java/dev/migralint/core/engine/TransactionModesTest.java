package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.Splitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionModesTest {

    private static boolean wraps(TransactionMode mode, String sql) {
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        SourceFile file = SourceFile.of("m.sql", sql);
        List<ParsedStatement> parsed = Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.POSTGRESQL)))
                .stream().map(parser::parse).toList();
        List<List<SchemaChange>> changes = parsed.stream().map(ParsedStatement::changes).toList();
        return TransactionModes.wrapsInTransaction(mode, changes, parsed, Config.defaults());
    }

    @Test
    void aStatementSkippedForAnalysisStillRunsInTheImplicitTransaction() {
        // GRANT is skipped (no rule reads it), but the server still gets two statements in one string.
        assertThat(wraps(TransactionMode.IMPLICIT_TRANSACTION,
                "CREATE INDEX CONCURRENTLY i ON t (a);\nGRANT SELECT ON t TO reader;")).isTrue();
        assertThat(wraps(TransactionMode.FLYWAY_AUTO,
                "CREATE INDEX CONCURRENTLY i ON t (a);\nGRANT SELECT ON t TO reader;")).isTrue();
    }

    @Test
    void aPsqlMetaCommandIsNotSentToTheServer() {
        assertThat(wraps(TransactionMode.IMPLICIT_TRANSACTION, "\\set ON_ERROR_STOP on\nCREATE INDEX CONCURRENTLY i ON t (a);"))
                .isFalse();
        assertThat(wraps(TransactionMode.FLYWAY_AUTO, "\\set ON_ERROR_STOP on\nCREATE INDEX CONCURRENTLY i ON t (a);"))
                .isFalse();
    }
}
