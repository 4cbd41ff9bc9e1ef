package dev.migralint.core.parse;

import static dev.migralint.core.parse.StatementParserTest.one;
import static dev.migralint.core.parse.StatementParserTest.parse;
import static dev.migralint.core.parse.StatementParserTest.position;
import static dev.migralint.core.parse.StatementParserTest.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DropTable;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.function.Consumer;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

/** The PostgreSQL statement groups that used to end in parse-error on valid SQL (docs/parse-coverage.md). */
class PostgresqlCoverageTest {

    @Test
    void utilityStatementsNoRuleReadsAreSkippedWithoutJSqlParser() {
        String sql = """
                DECLARE c1 SCROLL CURSOR WITH HOLD FOR SELECT * FROM orders;
                FETCH BACKWARD 2 FROM c1;
                MOVE FORWARD ALL IN c1;
                CLOSE c1;
                PREPARE recent (int) AS SELECT * FROM orders WHERE id > $1;
                EXECUTE recent(10);
                DEALLOCATE recent;
                EXPLAIN (COSTS OFF, VERBOSE) SELECT * FROM orders o1 WHERE o1.a &< o1.b;
                PREPARE TRANSACTION 'tx1';
                COMMIT PREPARED 'tx1';
                REASSIGN OWNED BY old_owner TO new_owner;
                LOAD 'auto_explain';
                IMPORT FOREIGN SCHEMA remote LIMIT TO (t1) FROM SERVER s1 INTO local_schema;
                REPACK orders USING INDEX orders_pkey;
                CREATE TEMP PROPERTY GRAPH g VERTEX TABLES (orders);
                GRANT SELECT ON orders TO reporting;
                COMMENT ON TABLE orders IS 'orders';
                """;
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        SourceFile file = SourceFile.of("t.sql", sql);
        List<ScriptStatement> statements = Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.POSTGRESQL)));
        assertThat(statements).hasSize(17);
        for (ScriptStatement s : statements) {
            assertThat(parser.parse(s)).as(s.sql()).isInstanceOf(ParsedStatement.Skipped.class);
        }
        assertThat(parser.jsqlParserCalls()).isZero();
    }

    @Test
    void setFormsThatAssignNoParameterAreSkipped() {
        // The token grammar reads these as settings in part, so JSqlParser decides first; they are
        // skipped when it cannot read them.
        for (String sql : List.of("SET CONSTRAINTS ALL DEFERRED;", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY;",
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;", "SET LOCAL SESSION AUTHORIZATION app_user;",
                "SET XML OPTION DOCUMENT;")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isNotInstanceOf(ParsedStatement.Unparsed.class);
        }
    }

    @Test
    void statementsRulesReadAreNotSkippedByTheirFirstWord() {
        // SET of a parameter is read (lock_timeout); a cursor's query in DECLARE is only skipped with CURSOR.
        assertThat(one("SET lock_timeout = '2s';", Dialect.POSTGRESQL)).isInstanceOf(ParsedStatement.Recognized.class);
        assertThat(one("SELECT * FROM orders WHERE id = 1 ORDER BY id;", Dialect.POSTGRESQL))
                .isInstanceOf(ParsedStatement.Parsed.class);
        unparsed("UPDATE orders SET SET a = 1;", Dialect.POSTGRESQL);
    }

    @Test
    void operatorsJSqlParserLacksParse() {
        assertParsed(
                "SELECT * FROM spans WHERE during &< tstzrange(now(), NULL);",
                "SELECT a -|- b AS adjacent FROM ranges;",
                "SELECT count(*) FROM docs WHERE body @? '$.tags[*] ? (@ == \"x\")';",
                "SELECT * FROM hosts WHERE addr <<= '10.0.0.0/8'::cidr AND addr >>= net;",
                "SELECT * FROM shapes WHERE b |>> a OR b ~= a OR b <<| a;");
        // A comparison JSqlParser knows is left as it is: rules read it.
        ParsedStatement p = one("SELECT * FROM t WHERE a = NULL AND b &< c;", Dialect.POSTGRESQL);
        assertThat(((PlainSelect) ((ParsedStatement.Parsed) p).ast()).getWhere().toString()).startsWith("a = NULL");
        // An operator in a broken statement is still reported, at the real error.
        unparsed("SELECT a &< FROM t WHERE;", Dialect.POSTGRESQL);
    }

    @Test
    void typedLiteralsOrderByUsingAndInheritanceStarsParse() {
        assertParsed(
                "SELECT box '(1,1),(2,2)' && box '(0,0),(3,3)' AS overlaps;",
                "SELECT jsonb '{\"a\": 1}' -> 'a', inet '10.1.2.3' AS host;",
                "SELECT name, age FROM people ORDER BY age USING >, name USING ~<~;",
                "SELECT p.name FROM people* p WHERE p.age > 30;");
    }

    @Test
    void sqlJsonSqlXmlAndGraphQueriesParse() {
        assertParsed(
                "SELECT JSON_VALUE(doc, '$.a' RETURNING int DEFAULT 0 ON EMPTY ERROR ON ERROR) FROM docs;",
                "SELECT jt.* FROM docs, JSON_TABLE(doc, '$[*]' COLUMNS (id int PATH '$.id')) AS jt;",
                "SELECT JSON_OBJECTAGG(k : v WITH UNIQUE KEYS RETURNING jsonb) FROM kv;",
                "SELECT doc IS JSON OBJECT WITH UNIQUE KEYS, doc IS NOT JSON SCALAR FROM docs;",
                "SELECT xmlelement(NAME p, xmlattributes(1 AS id), 'x') AS el;",
                "SELECT name FROM GRAPH_TABLE (shop MATCH (c IS customers)-[IS orders]->(o) COLUMNS (c.name)) g;",
                "SELECT bool 'true' AS true, 1 = 2 AS false;");
    }

    @Test
    void temporalDmlParsesWithItsTable() {
        ParsedStatement update = one("UPDATE bookings FOR PORTION OF valid_at FROM '2024-01-01' TO '2024-02-01' "
                + "SET room = 2 WHERE id = 1;", Dialect.POSTGRESQL);
        assertThat(update).isInstanceOf(ParsedStatement.Parsed.class);
        assertThat(update.changes()).singleElement().isInstanceOfSatisfying(DataChange.class,
                d -> assertThat(d.table().toString()).contains("bookings"));
        assertParsed("DELETE FROM bookings FOR PORTION OF valid_at (daterange('2024-01-01', '2024-02-01'));");
    }

    @Test
    void variadicArgumentsParse() {
        assertParsed(
                "SELECT num_nulls(VARIADIC '{1,2,NULL,3}'::int[]), concat_ws(',', variadic NULL::int[]);",
                "SELECT xleast(1, VARIADIC arr => array[2,3]);");
    }

    @Test
    void onConflictDoSelectParsesAsAnInsertIntoItsTable() {
        for (String sql : List.of("INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT (a) DO SELECT RETURNING b;",
                "INSERT INTO t VALUES (1) ON CONFLICT (a) DO SELECT FOR NO KEY UPDATE RETURNING a, b;")) {
            assertParsedDataChange(sql, d -> assertThat(d.table().name()).isEqualTo("t"));
        }
        // DO SELECT outside ON CONFLICT is no statement
        unparsed("INSERT INTO t VALUES (1) DO SELECT RETURNING a;", Dialect.POSTGRESQL);
    }

    @Test
    void constraintAttributesAndCreateTableAsWithDataParse() {
        assertParsed(
                "CREATE TABLE c2 (CONSTRAINT p2chk CHECK (ff1 > 10) NO INHERIT) INHERITS (p1);",
                "ALTER TABLE p1 ADD CONSTRAINT p1chk CHECK (ff1 > 0) NO INHERIT NOT VALID, DROP COLUMN x;",
                "ALTER TABLE p1 ADD CONSTRAINT c9 CHECK (f1 < 10) NOT VALID ENFORCED, DROP COLUMN x;",
                "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (i) REFERENCES p NOT ENFORCED, DROP COLUMN x;",
                "CREATE TABLE ctas_nodata (ii, jj) AS SELECT i, j FROM ctas_base WITH NO DATA;",
                "CREATE TABLE tbl_withdata (a) AS SELECT generate_series(1,3) WITH DATA;");
        // ALTER TABLE ... NO INHERIT parent is a different action, which the rewrite leaves alone
        String noInherit = "ALTER TABLE c NO INHERIT p1, ADD CONSTRAINT k CHECK (a > 0) NO INHERIT;";
        ScriptStatement s = Splitter.split(SourceFile.of("t.sql", noInherit),
                Lexer.lex(noInherit, LexOptions.of(Dialect.POSTGRESQL))).get(0);
        assertThat(ParseRewrites.rewrite(s, s.sql(), Dialect.POSTGRESQL))
                .isEqualTo("ALTER TABLE c NO INHERIT p1, ADD CONSTRAINT k CHECK (a > 0)           ");
    }

    @Test
    void errorsAfterARewrittenNotNullConstraintKeepTheirPosition() {
        String sql = "CREATE TABLE t (\n  a int,\n  CONSTRAINT a_nn NOT NULL a NO INHERIT,\n  b int DEFAULT (100, ));";
        ParsedStatement.Unparsed u = unparsed(sql, Dialect.POSTGRESQL);
        assertThat(u.errorOffset()).isEqualTo(sql.indexOf(", )"));
        assertThat(position(u).line()).isEqualTo(4);
    }

    /** The statement parses, and its one change is a data change that {@code check} accepts. */
    private static void assertParsedDataChange(String sql, Consumer<DataChange> check) {
        ParsedStatement p = one(sql, Dialect.POSTGRESQL);
        assertThat(p).as(sql).isInstanceOf(ParsedStatement.Parsed.class);
        assertThat(p.changes()).singleElement().isInstanceOfSatisfying(DataChange.class, check);
    }

    private static void assertParsed(String... statements) {
        for (String sql : statements) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isInstanceOf(ParsedStatement.Parsed.class);
        }
    }

    @Test
    void positionedUpdateAndDeleteParseWithTheirWhere() {
        for (String sql : List.of("UPDATE orders SET total = total + 1 WHERE CURRENT OF c1;",
                "DELETE FROM orders WHERE CURRENT OF c1;")) {
            assertParsedDataChange(sql, d -> assertThat(d.hasWhere()).as("a positioned change touches one row").isTrue());
        }
    }

    @Test
    void dropForeignTableIsRecognizedAsATableDrop() {
        ParsedStatement p = one("DROP FOREIGN TABLE IF EXISTS ft1, remote.ft2 CASCADE;", Dialect.POSTGRESQL);
        assertThat(p).isInstanceOf(ParsedStatement.Recognized.class);
        assertThat(p.changes()).singleElement().isInstanceOfSatisfying(DropTable.class,
                d -> assertThat(d.tables()).hasSize(2));
        assertThat(parse("DROP FOREIGN TABLE;", Dialect.POSTGRESQL)).singleElement()
                .isInstanceOf(ParsedStatement.Unparsed.class);
    }
}
