package dev.migralint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.RecognizedStatement.Name;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRecognizerTest {

    static ScriptStatement statement(String text, LexOptions options) {
        List<ScriptStatement> all = Splitter.split(SourceFile.of("t.sql", text), Lexer.lex(text, options));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static Optional<RecognizedStatement> recognize(String text, Dialect dialect) {
        return TokenRecognizer.recognize(statement(text, LexOptions.of(dialect)), dialect);
    }

    static RecognizedStatement pg(String text) {
        Optional<RecognizedStatement> r = recognize(text, Dialect.POSTGRESQL);
        assertThat(r).as(text).isPresent();
        return r.get();
    }

    static RecognizedStatement.Transaction tx(TransactionKind kind) {
        return new RecognizedStatement.Transaction(kind);
    }

    @Test
    void transactionControl() {
        assertThat(pg("BEGIN WORK")).isEqualTo(tx(TransactionKind.BEGIN));
        assertThat(pg("BEGIN TRANSACTION READ ONLY, NOT DEFERRABLE")).isEqualTo(tx(TransactionKind.BEGIN));
        assertThat(pg("START TRANSACTION WITH CONSISTENT SNAPSHOT")).isEqualTo(tx(TransactionKind.BEGIN));
        assertThat(pg("COMMIT AND NO CHAIN")).isEqualTo(tx(TransactionKind.COMMIT));
        assertThat(pg("END TRANSACTION")).isEqualTo(tx(TransactionKind.COMMIT));
        assertThat(pg("ABORT")).isEqualTo(tx(TransactionKind.ROLLBACK));
        assertThat(pg("ROLLBACK WORK TO SAVEPOINT s1")).isEqualTo(tx(TransactionKind.ROLLBACK_TO));
        assertThat(pg("SAVEPOINT s1")).isEqualTo(tx(TransactionKind.SAVEPOINT));
        assertThat(pg("RELEASE s1")).isEqualTo(tx(TransactionKind.RELEASE));
    }

    @Test
    void fragmentsOfProcedureBodiesAreNotTransactions() {
        // A MySQL procedure split at its semicolons (no DELIMITER) leaves pieces like these.
        assertThat(recognize("BEGIN DECLARE x INT", Dialect.MYSQL)).isEmpty();
        assertThat(recognize("END", Dialect.MYSQL)).isEmpty();
        assertThat(recognize("END IF", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("START SLAVE", Dialect.MYSQL)).isEmpty();
        assertThat(recognize("SAVEPOINT", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void setForms() {
        assertThat(pg("SET statement_timeout = 0")).isEqualTo(new RecognizedStatement.SetSetting("statement_timeout", "0", false));
        assertThat(pg("SET LOCAL Lock_Timeout TO '5s'")).isEqualTo(new RecognizedStatement.SetSetting("lock_timeout", "5s", true));
        assertThat(pg("SET SESSION search_path TO app, public"))
                .isEqualTo(new RecognizedStatement.SetSetting("search_path", "app, public", false));
        assertThat(pg("SET myapp.user_id = 'it''s'")).isEqualTo(new RecognizedStatement.SetSetting("myapp.user_id", "it's", false));
        assertThat(pg("SET TIME ZONE 'UTC'")).isEqualTo(new RecognizedStatement.SetSetting("timezone", "UTC", false));
        assertThat(recognize("SET CONSTRAINTS ALL DEFERRED", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("SET x TO", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void resetIsSetToDefault() {
        assertThat(pg("RESET lock_timeout")).isEqualTo(new RecognizedStatement.SetSetting("lock_timeout", "DEFAULT", false));
        assertThat(pg("RESET ALL")).isEqualTo(new RecognizedStatement.SetSetting("all", "DEFAULT", false));
        assertThat(pg("RESET SESSION AUTHORIZATION"))
                .isEqualTo(new RecognizedStatement.SetSetting("session_authorization", "DEFAULT", false));
    }

    @Test
    void dropIndexNamesMayBeQuotedAndQualified() {
        String text = "DROP INDEX \"My Schema\".\"Idx\"\"1\", plain RESTRICT";
        RecognizedStatement.DropIndex d = (RecognizedStatement.DropIndex) pg(text);
        assertThat(d.indexes()).extracting(Name::schema, Name::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("My Schema", "Idx\"1"),
                        org.assertj.core.groups.Tuple.tuple(null, "plain"));
        assertThat(d.concurrently()).isFalse();
        assertThat(d.cascade()).isFalse();
        Name first = d.indexes().get(0);
        assertThat(text.substring(first.range().start(), first.range().end())).isEqualTo("\"My Schema\".\"Idx\"\"1\"");
    }

    @Test
    void threePartNamesKeepTheLastTwo() {
        RecognizedStatement.DropIndex d = (RecognizedStatement.DropIndex) pg("DROP INDEX db.s.i");
        assertThat(d.indexes().get(0).qualified()).isEqualTo("s.i");
    }

    @Test
    void namesReadThroughPlaceholders() {
        String text = "DROP INDEX ${schema}.idx_${suffix}";
        ScriptStatement s = statement(text, new LexOptions(Dialect.POSTGRESQL, Map.of("schema", "app", "suffix", "a"), false));
        RecognizedStatement.DropIndex d = (RecognizedStatement.DropIndex) TokenRecognizer.recognize(s, Dialect.POSTGRESQL).orElseThrow();
        Name name = d.indexes().get(0);
        assertThat(name.schema()).isEqualTo("app");
        assertThat(name.name()).isEqualTo("idx_a");
        assertThat(text.substring(name.range().start(), name.range().end())).isEqualTo(text.substring(11));
    }

    @Test
    void truncateOptions() {
        RecognizedStatement.Truncate t = (RecognizedStatement.Truncate) pg("TRUNCATE ONLY a, b * RESTART IDENTITY CASCADE");
        assertThat(t.tables()).extracting(Name::name).containsExactly("a", "b");
        assertThat(t.cascade()).isTrue();
        assertThat(recognize("TRUNCATE a RESTART", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void lockModes() {
        RecognizedStatement.LockTable l = (RecognizedStatement.LockTable) pg("LOCK TABLE a, s.b IN share update exclusive MODE NOWAIT");
        assertThat(l.mode()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(l.tables()).extracting(Name::qualified).containsExactly("a", "s.b");
        assertThat(recognize("LOCK TABLE a IN FRIENDLY MODE", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("LOCK TABLES a WRITE", Dialect.MYSQL)).isEmpty();
    }

    @Test
    void createIndexHead() {
        RecognizedStatement.CreateIndex c = (RecognizedStatement.CreateIndex) pg("CREATE INDEX ON t USING weird (a) WITH (x = y)");
        assertThat(c.index()).isNull();
        assertThat(c.table().name()).isEqualTo("t");
        assertThat(c.unique()).isFalse();
        assertThat(c.concurrently()).isFalse();
        assertThat(recognize("CREATE TABLE t (a int)", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("CREATE INDEX i", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void reindexForms() {
        assertThat(pg("REINDEX TABLE s.t")).isInstanceOfSatisfying(RecognizedStatement.Reindex.class, r -> {
            assertThat(r.target()).isEqualTo("TABLE");
            assertThat(r.name().qualified()).isEqualTo("s.t");
            assertThat(r.concurrently()).isFalse();
        });
        assertThat(pg("REINDEX (VERBOSE, CONCURRENTLY) INDEX i")).isInstanceOfSatisfying(RecognizedStatement.Reindex.class,
                r -> assertThat(r.concurrently()).isTrue());
        assertThat(pg("REINDEX (CONCURRENTLY false) INDEX i")).isInstanceOfSatisfying(RecognizedStatement.Reindex.class,
                r -> assertThat(r.concurrently()).isFalse());
        assertThat(pg("REINDEX DATABASE")).isInstanceOfSatisfying(RecognizedStatement.Reindex.class,
                r -> assertThat(r.name()).isNull());
        assertThat(recognize("REINDEX INDEX", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("REINDEX VIEW v", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void addConstraintUsingIndex() {
        assertThat(pg("ALTER TABLE IF EXISTS ONLY s.t ADD PRIMARY KEY USING INDEX t_pkey_new DEFERRABLE INITIALLY DEFERRED"))
                .isInstanceOfSatisfying(RecognizedStatement.AddConstraintUsingIndex.class, a -> {
                    assertThat(a.table().qualified()).isEqualTo("s.t");
                    assertThat(a.constraint()).isNull();
                    assertThat(a.primaryKey()).isTrue();
                    assertThat(a.index().name()).isEqualTo("t_pkey_new");
                });
        assertThat(recognize("ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)", Dialect.POSTGRESQL)).isEmpty();
        assertThat(recognize("ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i, DROP COLUMN b", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void dropTypeAndDomain() {
        assertThat(pg("DROP TYPE IF EXISTS a, s.b CASCADE")).isInstanceOfSatisfying(RecognizedStatement.DropType.class, d -> {
            assertThat(d.types()).extracting(Name::qualified).containsExactly("a", "s.b");
            assertThat(d.ifExists()).isTrue();
            assertThat(d.cascade()).isTrue();
        });
        assertThat(pg("DROP DOMAIN d")).isInstanceOfSatisfying(RecognizedStatement.DropType.class,
                d -> assertThat(d.ifExists()).isFalse());
        assertThat(recognize("DROP TYPE", Dialect.POSTGRESQL)).isEmpty();
    }

    @Test
    void createSequenceHead() {
        assertThat(pg("CREATE UNLOGGED SEQUENCE IF NOT EXISTS s.seq START 10 INCREMENT BY 2"))
                .isEqualTo(new RecognizedStatement.CreateSequence(
                        new Name("s", "seq", new dev.migralint.core.source.TextRange(39, 44)), true));
        assertThat(recognize("CREATE SEQUENCE IF EXISTS s", Dialect.POSTGRESQL)).isEmpty();
        assertThat(pg("CREATE INDEX sequence ON t USING x")).isInstanceOf(RecognizedStatement.CreateIndex.class);
    }

    @Test
    void statementsLeftOutOfAnalysis() {
        assertThat(notAnalysed("DROP POLICY IF EXISTS p ON t", Dialect.POSTGRESQL)).contains("DROP POLICY is not analysed");
        assertThat(notAnalysed("COPY t TO stdout", Dialect.POSTGRESQL)).contains("COPY is not analysed");
        assertThat(notAnalysed("comment on schema s is 'x'", Dialect.POSTGRESQL)).contains("COMMENT ON is not analysed");
        assertThat(notAnalysed("CLUSTER t USING i", Dialect.POSTGRESQL)).contains("CLUSTER is not analysed");
        assertThat(notAnalysed("UNLOCK TABLES", Dialect.MYSQL)).contains("UNLOCK TABLES is not analysed");
        assertThat(notAnalysed("FLUSH PRIVILEGES", Dialect.MYSQL)).contains("FLUSH is not analysed");
        assertThat(notAnalysed("DELIMITER //\nCREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN WHILE x DO SET x = 0; END WHILE; END//\n"
                + "DELIMITER ;", Dialect.MYSQL)).contains("stored program bodies are not analysed");
        assertThat(notAnalysed("SET @exist := (SELECT COUNT(*) FROM information_schema.statistics)", Dialect.MYSQL))
                .contains("user variable assignments are not analysed");
        assertThat(notAnalysed("PREPARE stmt FROM @sqlstmt", Dialect.MYSQL)).contains("dynamic SQL (PREPARE) is not analysed");
        assertThat(notAnalysed("DEALLOCATE PREPARE stmt", Dialect.MYSQL)).contains("dynamic SQL (DEALLOCATE) is not analysed");
        assertThat(notAnalysed("SET @@session.sql_mode = ''", Dialect.MYSQL)).isEmpty();
        assertThat(notAnalysed("SET lock_timeout = '1s'", Dialect.POSTGRESQL)).isEmpty();
        assertThat(notAnalysed("CREATE TABLE t (a int)", Dialect.MYSQL)).isEmpty();
        assertThat(notAnalysed("COMMENT 'x'", Dialect.MYSQL)).isEmpty();
        assertThat(notAnalysed("SELECT 1", Dialect.POSTGRESQL)).isEmpty();
        assertThat(notAnalysed("ANALYZE TABLE t", Dialect.MYSQL)).isEmpty();
    }

    static Optional<String> notAnalysed(String text, Dialect dialect) {
        return TokenRecognizer.notAnalysed(statement(text, LexOptions.of(dialect)), dialect);
    }
}
