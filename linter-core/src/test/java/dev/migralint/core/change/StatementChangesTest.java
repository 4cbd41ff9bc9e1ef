package dev.migralint.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DataChangeKind;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropTable;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementChangesTest {

    /** The file text of the last translated input, to check ranges against. */
    private String text;

    private List<SchemaChange> translate(String sql) {
        return translate(sql, Dialect.POSTGRESQL);
    }

    private List<SchemaChange> translate(String sql, Dialect dialect) {
        text = sql;
        SourceFile file = SourceFile.of("t.sql", sql);
        List<ScriptStatement> statements = Splitter.split(file, Lexer.lex(sql, LexOptions.of(dialect)));
        StatementParser parser = new StatementParser(dialect);
        return statements.stream().flatMap(s -> parser.parse(s).changes().stream()).toList();
    }

    private <T extends SchemaChange> T only(String sql, Class<T> type) {
        return only(sql, Dialect.POSTGRESQL, type);
    }

    private <T extends SchemaChange> T only(String sql, Dialect dialect, Class<T> type) {
        List<SchemaChange> changes = translate(sql, dialect);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).isInstanceOf(type);
        return type.cast(changes.get(0));
    }

    private String at(TextRange range) {
        return text.substring(range.start(), range.end());
    }

    @Test
    void createTableReadsColumnsWithTheirClauses() {
        CreateTable t = only("""
                CREATE TABLE IF NOT EXISTS app.users (
                    id bigint PRIMARY KEY,
                    email character varying(255) NOT NULL,
                    created_at timestamp without time zone DEFAULT now() NOT NULL,
                    CONSTRAINT users_email_key UNIQUE (email)
                );""", CreateTable.class);

        assertThat(t.table()).isEqualTo(new ObjectName("app", "users"));
        assertThat(t.ifNotExists()).isTrue();
        assertThat(t.temporary()).isFalse();
        assertThat(t.columns()).extracting(ColumnDef::name).containsExactly("id", "email", "created_at");

        ColumnDef id = t.columns().get(0);
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.notNull()).isTrue();
        assertThat(at(id.range())).isEqualTo("id bigint PRIMARY KEY");

        ColumnDef email = t.columns().get(1);
        assertThat(email.type()).isEqualTo(new DataType("varchar", List.of("255"), false, "character varying(255)"));
        assertThat(email.notNull()).isTrue();
        assertThat(email.primaryKey()).isFalse();
        assertThat(at(email.typeRange())).isEqualTo("character varying(255)");

        ColumnDef created = t.columns().get(2);
        assertThat(created.type().name()).isEqualTo("timestamp");
        assertThat(created.defaultExpression()).isEqualTo("now()");
        assertThat(created.notNull()).isTrue();
        assertThat(at(created.range())).isEqualTo("created_at timestamp without time zone DEFAULT now() NOT NULL");
        assertThat(at(t.range())).startsWith("CREATE TABLE").endsWith(")");
    }

    @Test
    void typeSpellingsGetOneCanonicalName() {
        CreateTable t = only("""
                CREATE TABLE t (
                    a int4, b integer, c INT, d int8, e int2, f serial8,
                    g timestamp(3) with time zone, h timestamptz, i time without time zone,
                    j double precision, k float(10), l float, m numeric(10, 2), n decimal,
                    o bool, p text, q bpchar, r character(2), s int[], t2 varchar ARRAY,
                    u "char", v bit varying(8), w interval day to second, x pg_catalog.int4
                );""", CreateTable.class);

        assertThat(t.columns()).extracting(c -> c.type().name()).containsExactly(
                "integer", "integer", "integer", "bigint", "smallint", "bigserial",
                "timestamptz", "timestamptz", "time",
                "double precision", "real", "double precision", "numeric", "numeric",
                "boolean", "text", "char", "char", "integer", "varchar",
                "\"char\"", "varbit", "interval", "integer");
        assertThat(t.columns().get(6).type().args()).containsExactly("3");
        assertThat(t.columns().get(6).type().text()).isEqualTo("timestamp(3) with time zone");
        assertThat(t.columns().get(12).type().args()).containsExactly("10", "2");
        assertThat(t.columns().get(18).type().array()).isTrue();
        assertThat(t.columns().get(19).type().array()).isTrue();
        assertThat(t.columns().get(2).type().text()).isEqualTo("INT");
    }

    @Test
    void mysqlColumnsKeepTheirAttributesOutOfTheType() {
        List<SchemaChange> changes = translate("""
                CREATE TABLE `Orders` (
                  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
                  `state` enum('new','paid') DEFAULT 'new' COMMENT 'a, b',
                  `code` varchar(10) CHARACTER SET ascii NOT NULL,
                  `price` float,
                  `updated_at` datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  PRIMARY KEY (`id`),
                  KEY `idx_state` (`state`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;""", Dialect.MYSQL);
        assertThat(changes).hasSize(2);
        CreateTable t = (CreateTable) changes.get(0);
        // MySQL's KEY element is an index of its own, following the table
        assertThat(changes.get(1)).isInstanceOf(CreateIndex.class);

        assertThat(t.table().name()).isEqualTo("orders");
        assertThat(t.columns()).extracting(ColumnDef::name).containsExactly("id", "state", "code", "price", "updated_at");
        assertThat(t.columns().get(0).type()).isEqualTo(new DataType("integer", List.of("11"), false, "int(11) unsigned"));
        assertThat(t.columns().get(0).notNull()).isTrue();
        assertThat(t.columns().get(1).type().args()).containsExactly("'new'", "'paid'");
        assertThat(t.columns().get(1).defaultExpression()).isEqualTo("'new'");
        assertThat(t.columns().get(2).type().text()).isEqualTo("varchar(10)");
        assertThat(t.columns().get(2).notNull()).isTrue();
        assertThat(t.columns().get(3).type().name()).isEqualTo("real");
        assertThat(t.columns().get(4).defaultExpression()).isEqualTo("CURRENT_TIMESTAMP");
    }

    @Test
    void quotedNamesKeepTheirCaseInPostgresql() {
        CreateTable t = only("CREATE TEMP TABLE \"App\".\"Users\" (\"Email\" text);", CreateTable.class);
        assertThat(t.table()).isEqualTo(new ObjectName("App", "Users"));
        assertThat(t.temporary()).isTrue();
        assertThat(t.columns().get(0).name()).isEqualTo("Email");
    }

    @Test
    void createTableAsSelectHasNoColumnList() {
        CreateTable t = only("CREATE TABLE users_copy AS SELECT * FROM users;", CreateTable.class);
        assertThat(t.table().name()).isEqualTo("users_copy");
        assertThat(t.columns()).isEmpty();
    }

    @Test
    void createIndexReadsEveryPart() {
        CreateIndex i = only("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON ONLY public.users "
                + "USING btree (lower(email), created_at DESC, name text_pattern_ops) WHERE deleted_at IS NULL;",
                CreateIndex.class);
        assertThat(i.name()).isEqualTo(new ObjectName("public", "users_email_idx"));
        assertThat(i.table()).isEqualTo(new ObjectName("public", "users"));
        assertThat(i.unique()).isTrue();
        assertThat(i.concurrently()).isTrue();
        assertThat(i.ifNotExists()).isTrue();
        assertThat(i.method()).isEqualTo("btree");
        assertThat(i.columns()).containsExactly(
                new IndexColumn(null, "lower(email)", false),
                new IndexColumn("created_at", null, true),
                new IndexColumn("name", null, false, "text_pattern_ops"));
        assertThat(i.where()).isEqualTo("deleted_at is null");
    }

    @Test
    void expressionsAndPredicatesHaveOneSpelling() {
        List<SchemaChange> changes = translate("CREATE INDEX a ON t (LOWER( email )) WHERE Status='open' AND (x+1)>2;"
                + "CREATE INDEX b ON t (lower(email)) WHERE status = 'open' and ( x + 1 ) > 2;");
        CreateIndex a = (CreateIndex) changes.get(0);
        CreateIndex b = (CreateIndex) changes.get(1);
        assertThat(a.columns()).isEqualTo(b.columns()).containsExactly(new IndexColumn(null, "lower(email)", false));
        assertThat(a.where()).isEqualTo(b.where()).isEqualTo("status = 'open' and (x + 1) > 2");
    }

    @Test
    void placeholdersStayAsWrittenInNames() {
        List<SchemaChange> changes = new ArrayList<>();
        text = "CREATE INDEX idx_${name} ON ${schema}.users (email);";
        SourceFile file = SourceFile.of("t.sql", text);
        LexOptions options = new LexOptions(Dialect.POSTGRESQL, Map.of("name", "x", "schema", "public"), false);
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(text, options))) {
            changes.addAll(parser.parse(s).changes());
        }
        assertThat(changes).hasSize(1).first().isInstanceOf(CreateIndex.class);
        CreateIndex i = (CreateIndex) changes.get(0);
        assertThat(i.name()).isEqualTo(new ObjectName("${schema}", "idx_${name}"));
        assertThat(i.table()).isEqualTo(new ObjectName("${schema}", "users"));
    }

    @Test
    void unnamedIndexWithMethodAndExpression() {
        CreateIndex i = only("CREATE INDEX ON orders USING GIN ((data -> 'tags'));", CreateIndex.class);
        assertThat(i.name()).isNull();
        assertThat(i.method()).isEqualTo("gin");
        assertThat(i.concurrently()).isFalse();
        assertThat(i.columns()).containsExactly(new IndexColumn(null, "data -> 'tags'", false));
    }

    @Test
    void mysqlIndexKeysWithPrefixLengths() {
        CreateIndex i = only("CREATE FULLTEXT INDEX idx_body ON posts (body);", Dialect.MYSQL, CreateIndex.class);
        assertThat(i.method()).isEqualTo("fulltext");
        CreateIndex p = only("CREATE INDEX idx_name ON users (name(10), `Email` DESC);", Dialect.MYSQL, CreateIndex.class);
        assertThat(p.columns()).containsExactly(new IndexColumn("name", null, false, "(10)"),
                new IndexColumn("email", null, true));
    }

    @Test
    void indexKeysKeepCollationAndOperatorClass() {
        CreateIndex i = only("CREATE INDEX t_idx ON t (name COLLATE \"C\" text_pattern_ops DESC NULLS LAST, "
                + "(lower(email)) varchar_pattern_ops, code);", CreateIndex.class);
        assertThat(i.columns()).containsExactly(
                new IndexColumn("name", null, true, "collate \"C\" text_pattern_ops"),
                new IndexColumn(null, "lower(email)", false, "varchar_pattern_ops"),
                new IndexColumn("code", null, false));
    }

    @Test
    void dropIndexInBothDialects() {
        DropIndex pg = only("DROP INDEX CONCURRENTLY IF EXISTS a_idx, app.b_idx CASCADE;", DropIndex.class);
        assertThat(pg.indexes()).containsExactly(ObjectName.of("a_idx"), new ObjectName("app", "b_idx"));
        assertThat(pg.concurrently()).isTrue();
        assertThat(pg.ifExists()).isTrue();
        assertThat(pg.table()).isNull();

        DropIndex my = only("DROP INDEX idx_email ON users;", Dialect.MYSQL, DropIndex.class);
        assertThat(my.indexes()).containsExactly(ObjectName.of("idx_email"));
        assertThat(my.table()).isEqualTo(ObjectName.of("users"));
        assertThat(my.concurrently()).isFalse();
    }

    @Test
    void alterTableGivesOneChangePerAction() {
        List<SchemaChange> changes = translate("""
                ALTER TABLE ONLY users
                    ADD COLUMN IF NOT EXISTS nickname text,
                    ADD score integer DEFAULT 0 NOT NULL,
                    DROP COLUMN IF EXISTS legacy CASCADE,
                    ADD CONSTRAINT users_score_check CHECK (score >= 0),
                    ALTER COLUMN email SET NOT NULL;""");

        assertThat(changes).hasSize(5);
        AddColumn nickname = (AddColumn) changes.get(0);
        assertThat(nickname.table()).isEqualTo(ObjectName.of("users"));
        assertThat(nickname.ifNotExists()).isTrue();
        assertThat(nickname.column().name()).isEqualTo("nickname");
        assertThat(at(nickname.range())).isEqualTo("ADD COLUMN IF NOT EXISTS nickname text");
        assertThat(at(nickname.column().range())).isEqualTo("nickname text");

        AddColumn score = (AddColumn) changes.get(1);
        assertThat(score.ifNotExists()).isFalse();
        assertThat(score.column().defaultExpression()).isEqualTo("0");
        assertThat(score.column().notNull()).isTrue();

        DropColumn legacy = (DropColumn) changes.get(2);
        assertThat(legacy.column()).isEqualTo("legacy");
        assertThat(legacy.ifExists()).isTrue();
        assertThat(at(legacy.range())).isEqualTo("DROP COLUMN IF EXISTS legacy CASCADE");

        assertThat(changes.get(3)).isInstanceOf(SchemaChange.AddConstraint.class);
        assertThat(at(changes.get(3).range())).isEqualTo("ADD CONSTRAINT users_score_check CHECK (score >= 0)");
        assertThat(changes.get(4)).isEqualTo(new SchemaChange.SetNotNull(ObjectName.of("users"), "email",
                changes.get(4).range()));
        assertThat(at(changes.get(4).range())).isEqualTo("ALTER COLUMN email SET NOT NULL");
    }

    @Test
    void mysqlAlterTableAddsColumnListsAndIndexes() {
        List<SchemaChange> changes = translate("ALTER TABLE users ADD COLUMN (a int, b varchar(5)), "
                + "ADD c int AFTER a, ADD UNIQUE KEY uk_c (c), DROP INDEX idx_old, ALGORITHM=INPLACE;", Dialect.MYSQL);

        assertThat(changes).hasSize(6);
        assertThat(changes.subList(0, 3)).allMatch(c -> c instanceof AddColumn)
                .extracting(c -> ((AddColumn) c).column().name()).containsExactly("a", "b", "c");
        assertThat(at(changes.get(1).range())).isEqualTo("b varchar(5)");
        CreateIndex uk = (CreateIndex) changes.get(3);
        assertThat(uk.unique()).isTrue();
        assertThat(uk.name()).isEqualTo(ObjectName.of("uk_c"));
        assertThat(uk.table()).isEqualTo(ObjectName.of("users"));
        DropIndex old = (DropIndex) changes.get(4);
        assertThat(old.table()).isEqualTo(ObjectName.of("users"));
        assertThat(changes.get(5)).isInstanceOf(Opaque.class);
    }

    @Test
    void dropTable() {
        DropTable d = only("DROP TABLE IF EXISTS a, b CASCADE;", DropTable.class);
        assertThat(d.tables()).containsExactly(ObjectName.of("a"), ObjectName.of("b"));
        assertThat(d.ifExists()).isTrue();
        assertThat(d.cascade()).isTrue();
    }

    @Test
    void transactionControl() {
        assertThat(translate("BEGIN; START TRANSACTION; BEGIN ISOLATION LEVEL SERIALIZABLE; COMMIT; END; ROLLBACK; "
                + "ROLLBACK TO SAVEPOINT s1; SAVEPOINT s1; RELEASE SAVEPOINT s1; ABORT;"))
                .extracting(c -> ((Transaction) c).kind())
                .containsExactly(TransactionKind.BEGIN, TransactionKind.BEGIN, TransactionKind.BEGIN,
                        TransactionKind.COMMIT, TransactionKind.COMMIT, TransactionKind.ROLLBACK,
                        TransactionKind.ROLLBACK_TO, TransactionKind.SAVEPOINT, TransactionKind.RELEASE,
                        TransactionKind.ROLLBACK);
    }

    @Test
    void settings() {
        List<SchemaChange> changes = translate("SET lock_timeout = '5s'; SET LOCAL statement_timeout TO 0; "
                + "SET SESSION search_path TO app, public; SET TIME ZONE 'UTC';");
        assertThat(changes).extracting(c -> ((SetSetting) c).name(), c -> ((SetSetting) c).value(),
                c -> ((SetSetting) c).local()).containsExactly(
                        tuple("lock_timeout", "5s", false),
                        tuple("statement_timeout", "0", true),
                        tuple("search_path", "app, public", false),
                        tuple("timezone", "UTC", false));
        assertThat(at(changes.get(1).range())).isEqualTo("SET LOCAL statement_timeout TO 0");
        assertThat(translate("SET @@session.lock_wait_timeout = 5, FOREIGN_KEY_CHECKS = 0;", Dialect.MYSQL))
                .extracting(c -> ((SetSetting) c).name(), c -> ((SetSetting) c).value())
                .containsExactly(tuple("lock_wait_timeout", "5"), tuple("foreign_key_checks", "0"));
    }

    @Test
    void dataChangesKnowWhetherTheyHaveAWhere() {
        List<SchemaChange> changes = translate("""
                UPDATE users SET a = 1;
                UPDATE users SET a = (SELECT max(x) FROM t WHERE t.id = users.id);
                DELETE FROM app.sessions WHERE expires_at < now();
                INSERT INTO users (id) VALUES (1);
                """);
        assertThat(changes).extracting(c -> ((DataChange) c).kind(), c -> ((DataChange) c).table(),
                c -> ((DataChange) c).hasWhere()).containsExactly(
                        tuple(DataChangeKind.UPDATE, ObjectName.of("users"), false),
                        tuple(DataChangeKind.UPDATE, ObjectName.of("users"), false),
                        tuple(DataChangeKind.DELETE, new ObjectName("app", "sessions"), true),
                        tuple(DataChangeKind.INSERT, ObjectName.of("users"), false));
        assertThat(at(changes.get(2).range())).isEqualTo("DELETE FROM app.sessions WHERE expires_at < now()");
    }

    @Test
    void truncateAndLock() {
        Truncate t = only("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE;", Truncate.class);
        assertThat(t.tables()).containsExactly(ObjectName.of("a"), ObjectName.of("b"));
        assertThat(t.cascade()).isTrue();

        LockTable l = only("LOCK TABLE users, orders IN SHARE ROW EXCLUSIVE MODE NOWAIT;", LockTable.class);
        assertThat(l.tables()).containsExactly(ObjectName.of("users"), ObjectName.of("orders"));
        assertThat(l.mode()).isEqualTo("SHARE ROW EXCLUSIVE");
        assertThat(only("LOCK users;", LockTable.class).mode()).isEqualTo("ACCESS EXCLUSIVE");

        // The parser skips MySQL's LOCK TABLES (mysqldump writes them); read from tokens it is a lock too.
        assertThat(translateUnparsed("LOCK TABLES users READ, orders WRITE;", Dialect.MYSQL))
                .containsExactly(new LockTable(List.of(ObjectName.of("users"), ObjectName.of("orders")), "WRITE",
                        new TextRange(0, 36)));
    }

    @Test
    void otherStatementsAreOpaque() {
        Opaque select = only("SELECT 1;", Opaque.class);
        assertThat(select.what()).isEqualTo("PlainSelect");
        assertThat(only("CREATE SEQUENCE s;", SchemaChange.CreateSequence.class).range()).isEqualTo(new TextRange(0, 17));
    }

    @Test
    void ddlTheParserRejectsIsStillReadFromTokens() {
        // Losing a CREATE TABLE would make later statements on it look like they touch an existing table.
        List<SchemaChange> changes = translateUnparsed(
                "CREATE TABLE m (id bigint, \"At\" timestamptz) PARTITION BY RANGE (\"At\");", Dialect.POSTGRESQL);
        assertThat(changes).hasSize(1).first().isInstanceOf(CreateTable.class);
        assertThat(((CreateTable) changes.get(0)).columns()).extracting(ColumnDef::name).containsExactly("id", "At");

        assertThat(translateUnparsed("UPDATE ONLY users SET a = 1 RETURNING *;", Dialect.POSTGRESQL))
                .containsExactly(new DataChange(DataChangeKind.UPDATE, ObjectName.of("users"), false, new TextRange(0, 39)));
        assertThat(translateUnparsed("DELETE FROM users WHERE CURRENT OF c;", Dialect.POSTGRESQL))
                .extracting(c -> ((DataChange) c).hasWhere()).containsExactly(true);
    }

    @Test
    void aCreateIndexTheKeyReaderCannotReadKeepsItsHead() {
        text = "CREATE INDEX CONCURRENTLY \"Idx\" ON app.\"T\" USING";
        SourceFile file = SourceFile.of("t.sql", text);
        ScriptStatement s = Splitter.split(file, Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL))).get(0);

        Reading reading = ChangeReader.read(s, Dialect.POSTGRESQL);

        assertThat(reading.complete()).isTrue();
        assertThat(reading.changes()).containsExactly(new CreateIndex(ObjectName.of("Idx"), new ObjectName("app", "T"),
                List.of(), false, true, false, "btree", null, List.of(), s.range(), new TextRange(7, 12)));
    }

    /** Translates as if JSqlParser had failed, to exercise the token-only path. */
    private List<SchemaChange> translateUnparsed(String sql, Dialect dialect) {
        text = sql;
        SourceFile file = SourceFile.of("t.sql", sql);
        return Splitter.split(file, Lexer.lex(sql, LexOptions.of(dialect))).stream()
                .flatMap(s -> ChangeReader.read(s, dialect).changes().stream())
                .toList();
    }

    @Test
    void neverThrowsOnTruncatedStatements() {
        String sql = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON s.t USING gin ((a->'b') DESC) WHERE x = 1;"
                + "ALTER TABLE t ADD COLUMN a timestamp(3) with time zone DEFAULT now() NOT NULL, DROP b;"
                + "CREATE TABLE t (a numeric(10, 2)[] NOT NULL, CONSTRAINT c PRIMARY KEY (a));"
                + "SET LOCAL x TO 'y'; LOCK TABLE t IN ACCESS EXCLUSIVE MODE; DROP INDEX i ON t;";
        SourceFile file = SourceFile.of("t.sql", sql);
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.POSTGRESQL)))) {
            for (int n = 0; n <= s.tokens().size(); n++) {
                ScriptStatement prefix = new ScriptStatement(file, s.index(), s.range(), s.sql(),
                        s.tokens().subList(0, n), List.of(), s.kind());
                List<SchemaChange> changes = ChangeReader.read(prefix, Dialect.POSTGRESQL).changes();
                assertThat(changes).isNotEmpty().allMatch(c -> s.range().contains(c.range()));
                assertThat(changes).noneMatch(c -> c instanceof Opaque o && o.what().contains("not translated"));
            }
        }
    }
}
