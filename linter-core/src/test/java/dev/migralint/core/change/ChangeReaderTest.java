package dev.migralint.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateSequence;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token grammar: which statements it recognizes (reads to their end), and what it reads. */
class ChangeReaderTest {

    static ScriptStatement statement(String text, LexOptions options) {
        List<ScriptStatement> all = Splitter.split(SourceFile.of("t.sql", text), Lexer.lex(text, options));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static Reading read(String text, Dialect dialect) {
        return ChangeReader.read(statement(text, LexOptions.of(dialect)), dialect);
    }

    static boolean recognized(String text, Dialect dialect) {
        return read(text, dialect).complete();
    }

    /** The one change of a statement the grammar recognizes in PostgreSQL. */
    static SchemaChange pg(String text) {
        Reading r = read(text, Dialect.POSTGRESQL);
        assertThat(r.complete()).as(text).isTrue();
        assertThat(r.changes()).as(text).hasSize(1);
        return r.changes().get(0);
    }

    static TransactionKind tx(String text) {
        return ((Transaction) pg(text)).kind();
    }

    @Test
    void transactionControl() {
        assertThat(tx("BEGIN WORK")).isEqualTo(TransactionKind.BEGIN);
        assertThat(tx("BEGIN TRANSACTION READ ONLY, NOT DEFERRABLE")).isEqualTo(TransactionKind.BEGIN);
        assertThat(tx("START TRANSACTION WITH CONSISTENT SNAPSHOT")).isEqualTo(TransactionKind.BEGIN);
        assertThat(tx("COMMIT AND NO CHAIN")).isEqualTo(TransactionKind.COMMIT);
        assertThat(tx("END TRANSACTION")).isEqualTo(TransactionKind.COMMIT);
        assertThat(tx("END AND NO CHAIN")).isEqualTo(TransactionKind.COMMIT);
        assertThat(tx("ABORT")).isEqualTo(TransactionKind.ROLLBACK);
        assertThat(tx("ROLLBACK WORK TO SAVEPOINT s1")).isEqualTo(TransactionKind.ROLLBACK_TO);
        assertThat(tx("SAVEPOINT s1")).isEqualTo(TransactionKind.SAVEPOINT);
        assertThat(tx("RELEASE s1")).isEqualTo(TransactionKind.RELEASE);
    }

    @Test
    void fragmentsOfProcedureBodiesAreNotTransactions() {
        // A MySQL procedure split at its semicolons (no DELIMITER) leaves pieces like these.
        assertThat(recognized("BEGIN DECLARE x INT", Dialect.MYSQL)).isFalse();
        assertThat(recognized("END IF", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("START SLAVE", Dialect.MYSQL)).isFalse();
        assertThat(recognized("SAVEPOINT", Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void mysqlEndIsNoTransactionAtAll() {
        Reading end = read("END", Dialect.MYSQL);
        assertThat(end.complete()).isFalse();
        assertThat(end.changes()).noneMatch(c -> c instanceof Transaction);
        assertThat(tx("END")).isEqualTo(TransactionKind.COMMIT);
    }

    @Test
    void setForms() {
        assertThat(pg("SET statement_timeout = 0")).isInstanceOfSatisfying(SetSetting.class,
                s -> assertThat(s.value()).isEqualTo("0"));
        assertThat(pg("SET LOCAL Lock_Timeout TO '5s'")).isInstanceOfSatisfying(SetSetting.class, s -> {
            assertThat(s.name()).isEqualTo("lock_timeout");
            assertThat(s.value()).isEqualTo("5s");
            assertThat(s.local()).isTrue();
        });
        assertThat(pg("SET SESSION search_path TO app, public")).isInstanceOfSatisfying(SetSetting.class,
                s -> assertThat(s.value()).isEqualTo("app, public"));
        assertThat(pg("SET myapp.user_id = 'it''s'")).isInstanceOfSatisfying(SetSetting.class, s -> {
            assertThat(s.name()).isEqualTo("myapp.user_id");
            assertThat(s.value()).isEqualTo("it's");
        });
        assertThat(pg("SET TIME ZONE 'UTC'")).isInstanceOfSatisfying(SetSetting.class,
                s -> assertThat(s.name()).isEqualTo("timezone"));
        assertThat(recognized("SET CONSTRAINTS ALL DEFERRED", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("SET x TO", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("SET @x := 1", Dialect.MYSQL)).isFalse();
    }

    @Test
    void resetIsSetToDefault() {
        assertThat(pg("RESET lock_timeout")).isInstanceOfSatisfying(SetSetting.class,
                s -> assertThat(s.value()).isEqualTo("DEFAULT"));
        assertThat(pg("RESET SESSION AUTHORIZATION")).isInstanceOfSatisfying(SetSetting.class,
                s -> assertThat(s.name()).isEqualTo("session_authorization"));
    }

    @Test
    void dropIndexNamesMayBeQuotedAndQualified() {
        DropIndex d = (DropIndex) pg("DROP INDEX \"My Schema\".\"Idx\"\"1\", plain RESTRICT");
        assertThat(d.indexes()).extracting(ObjectName::schema, ObjectName::name)
                .containsExactly(tuple("My Schema", "Idx\"1"), tuple(null, "plain"));
        assertThat(d.concurrently()).isFalse();
        assertThat(d.cascade()).isFalse();
        assertThat(((DropIndex) pg("DROP INDEX db.s.i")).indexes().get(0).qualified()).isEqualTo("s.i");
        assertThat(recognized("DROP INDEX i ON t", Dialect.MYSQL)).isTrue();
        assertThat(recognized("DROP INDEX i ON t ALGORITHM = INPLACE", Dialect.MYSQL)).isFalse();
    }

    @Test
    void namesReadThroughPlaceholders() {
        String text = "DROP INDEX ${schema}.idx_${suffix}";
        ScriptStatement s = statement(text, new LexOptions(Dialect.POSTGRESQL, Map.of("schema", "app", "suffix", "a"), false));
        Reading r = ChangeReader.read(s, Dialect.POSTGRESQL);
        assertThat(r.complete()).isTrue();
        assertThat(((DropIndex) r.changes().get(0)).indexes()).containsExactly(new ObjectName("${schema}", "idx_${suffix}"));
    }

    @Test
    void truncateOptions() {
        Truncate t = (Truncate) pg("TRUNCATE ONLY a, b * RESTART IDENTITY CASCADE");
        assertThat(t.tables()).extracting(ObjectName::name).containsExactly("a", "b");
        assertThat(t.cascade()).isTrue();
        assertThat(recognized("TRUNCATE a RESTART", Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void lockModes() {
        LockTable l = (LockTable) pg("LOCK TABLE a, s.b IN share update exclusive MODE NOWAIT");
        assertThat(l.mode()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(l.tables()).extracting(ObjectName::qualified).containsExactly("a", "s.b");
        assertThat(recognized("LOCK TABLE a IN FRIENDLY MODE", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("LOCK TABLES a WRITE", Dialect.MYSQL)).isFalse();
    }

    @Test
    void createIndex() {
        CreateIndex c = (CreateIndex) pg("CREATE INDEX ON t USING weird (a) WITH (x = y)");
        assertThat(c.name()).isNull();
        assertThat(c.table().name()).isEqualTo("t");
        assertThat(c.method()).isEqualTo("weird");
        assertThat(recognized("CREATE TABLE t (a int)", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("CREATE INDEX i", Dialect.POSTGRESQL)).isFalse();
        assertThat(pg("CREATE INDEX sequence ON t USING x")).isInstanceOf(CreateIndex.class);
    }

    @Test
    void reindexForms() {
        assertThat(pg("REINDEX TABLE s.t")).isInstanceOfSatisfying(Reindex.class, r -> {
            assertThat(r.target()).isEqualTo("TABLE");
            assertThat(r.name().qualified()).isEqualTo("s.t");
            assertThat(r.concurrently()).isFalse();
        });
        assertThat(pg("REINDEX (VERBOSE, CONCURRENTLY) INDEX i")).isInstanceOfSatisfying(Reindex.class,
                r -> assertThat(r.concurrently()).isTrue());
        assertThat(pg("REINDEX (CONCURRENTLY false) INDEX i")).isInstanceOfSatisfying(Reindex.class,
                r -> assertThat(r.concurrently()).isFalse());
        assertThat(pg("REINDEX DATABASE")).isInstanceOfSatisfying(Reindex.class, r -> assertThat(r.name()).isNull());
        assertThat(recognized("REINDEX INDEX", Dialect.POSTGRESQL)).isFalse();
        assertThat(recognized("REINDEX VIEW v", Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void addConstraintUsingIndex() {
        assertThat(pg("ALTER TABLE IF EXISTS ONLY s.t ADD PRIMARY KEY USING INDEX t_pkey_new DEFERRABLE INITIALLY DEFERRED"))
                .isInstanceOfSatisfying(AddConstraint.class, a -> {
                    assertThat(a.table().qualified()).isEqualTo("s.t");
                    assertThat(a.constraint().name()).isNull();
                    assertThat(a.constraint()).isInstanceOf(Constraint.PrimaryKey.class);
                    assertThat(a.constraint().usingIndex()).isEqualTo(ObjectName.of("t_pkey_new"));
                });
        assertThat(recognized("ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)", Dialect.POSTGRESQL)).isFalse();
        // crates.io swaps a key in one statement: with plain DROPs beside it the form is still read whole
        assertThat(recognized("ALTER TABLE t DROP CONSTRAINT t_pkey, ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX i, "
                + "DROP COLUMN id", Dialect.POSTGRESQL)).isTrue();
        assertThat(recognized("ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i, ADD COLUMN b int", Dialect.POSTGRESQL))
                .isFalse();
        assertThat(recognized("ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i, DROP COLUMN b garbage",
                Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void dropTypeAndDomain() {
        assertThat(pg("DROP TYPE IF EXISTS a, s.b CASCADE")).isInstanceOfSatisfying(DropType.class, d -> {
            assertThat(d.types()).extracting(ObjectName::qualified).containsExactly("a", "s.b");
            assertThat(d.ifExists()).isTrue();
            assertThat(d.cascade()).isTrue();
        });
        assertThat(pg("DROP DOMAIN d")).isInstanceOf(SchemaChange.Opaque.class);
        assertThat(recognized("DROP TYPE", Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void createSequenceHead() {
        assertThat(pg("CREATE UNLOGGED SEQUENCE IF NOT EXISTS s.seq START 10 INCREMENT BY 2"))
                .isInstanceOfSatisfying(CreateSequence.class, c -> {
                    assertThat(c.name()).isEqualTo(new ObjectName("s", "seq"));
                    assertThat(c.ifNotExists()).isTrue();
                });
        assertThat(recognized("CREATE SEQUENCE IF EXISTS s", Dialect.POSTGRESQL)).isFalse();
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
        return ChangeReader.notAnalysed(statement(text, LexOptions.of(dialect)), dialect);
    }
}
