package dev.migralint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateSequence;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.Position;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    static List<ParsedStatement> parse(String text, Dialect dialect) {
        return parse(text, new LexOptions(dialect, Map.of(), false));
    }

    static List<ParsedStatement> parse(String text, LexOptions options) {
        SourceFile file = SourceFile.of("test.sql", text);
        StatementParser parser = new StatementParser(options.dialect());
        return Splitter.split(file, Lexer.lex(text, options)).stream().map(parser::parse).toList();
    }

    static ParsedStatement one(String text, Dialect dialect) {
        List<ParsedStatement> all = parse(text, dialect);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static SchemaChange recognized(String text) {
        return recognized(text, Dialect.POSTGRESQL);
    }

    static SchemaChange recognized(String text, Dialect dialect) {
        ParsedStatement p = one(text, dialect);
        assertThat(p).as(text).isInstanceOf(ParsedStatement.Recognized.class);
        assertThat(p.changes()).as(text).hasSize(1);
        return p.changes().get(0);
    }

    static ParsedStatement.Unparsed unparsed(String text, Dialect dialect) {
        List<ParsedStatement> all = parse(text, dialect);
        ParsedStatement last = all.get(all.size() - 1);
        assertThat(last).isInstanceOf(ParsedStatement.Unparsed.class);
        return (ParsedStatement.Unparsed) last;
    }

    static Position position(ParsedStatement.Unparsed u) {
        return u.statement().file().position(u.errorOffset());
    }

    @Test
    void parsesDdlWithJSqlParser() {
        ParsedStatement p = one("CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);", Dialect.POSTGRESQL);
        assertThat(p).isInstanceOfSatisfying(ParsedStatement.Parsed.class,
                parsed -> assertThat(parsed.ast()).isInstanceOf(CreateTable.class));
    }

    @Test
    void onlyTheTerminatorIsLeftOutOfWhatIsParsed() {
        List<ParsedStatement> all = parse("SELECT 1;\nSELECT 2 -- note\n;", Dialect.POSTGRESQL);
        assertThat(all).hasSize(2).allMatch(p -> p instanceof ParsedStatement.Parsed);
    }

    @Test
    void mySqlBackslashEscapesBackticksAndDoubleQuotedStrings() {
        List<ParsedStatement> all = parse(
                "INSERT INTO `t` (`a`, b) VALUES ('it\\'s', \"x\");\nCREATE TABLE `u` (id int) ENGINE=InnoDB;",
                Dialect.MYSQL);
        assertThat(all).hasSize(2).allMatch(p -> p instanceof ParsedStatement.Parsed);
    }

    @Test
    void parsingContinuesCleanlyAfterAFailure() {
        List<ParsedStatement> all = parse("SELECT CASE WHEN 1 FROM t;\nSELECT CASE WHEN a THEN (1) END FROM t;", Dialect.POSTGRESQL);
        assertThat(all.get(0)).isInstanceOf(ParsedStatement.Unparsed.class);
        assertThat(all.get(1)).isInstanceOf(ParsedStatement.Parsed.class);
    }

    @Test
    void manyStatementsInARowAllParse() {
        String text = "ALTER TABLE t ADD COLUMN c int;\n".repeat(300);
        assertThat(parse(text, Dialect.POSTGRESQL)).hasSize(300).allMatch(p -> p instanceof ParsedStatement.Parsed);
    }

    @Test
    void metaCommandsAreSkipped() {
        ParsedStatement p = one("\\connect mydb", Dialect.POSTGRESQL);
        assertThat(p).isInstanceOfSatisfying(ParsedStatement.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo("psql meta-command"));
    }

    @Test
    void copyAndCommentsOnOtherObjectsAreSkippedNotErrors() {
        List<ParsedStatement> all = parse(
                "COPY t (a) FROM stdin;\n1\n\\.\nCOMMENT ON FUNCTION f() IS 'x';\nVACUUM t;", Dialect.POSTGRESQL);
        assertThat(all).extracting(p -> ((ParsedStatement.Skipped) p).reason()).containsExactly(
                "COPY is not analysed", "COMMENT ON is not analysed", "VACUUM is not analysed");
    }

    @Test
    void mysqldumpTableLocksAreSkipped() {
        List<ParsedStatement> all = parse("LOCK TABLES `t` WRITE;\nUNLOCK TABLES;", Dialect.MYSQL);
        assertThat(all).allMatch(p -> p instanceof ParsedStatement.Skipped);
    }

    @Test
    void blankLinesInsideAStatementDoNotEndItForJSqlParser() {
        List<ParsedStatement> all = parse("CREATE TABLE s (\n  x int,\n\n\n  y int);\n"
                + "SELECT a,\r\n\r\n\r\n  b FROM s -- note\n\n\n WHERE a = 1;\n", Dialect.POSTGRESQL);
        assertThat(all).hasSize(2).allSatisfy(p -> assertThat(p).isNotInstanceOf(ParsedStatement.Unparsed.class));
        assertThat(all.get(0).changes()).singleElement().isInstanceOfSatisfying(SchemaChange.CreateTable.class,
                t -> assertThat(t.columns()).hasSize(2));
        // A real error after a blank-line gap is still placed where it is.
        ParsedStatement.Unparsed u = unparsed("SELECT a\n\n\nFROM t WHERE WHERE b = 1;", Dialect.POSTGRESQL);
        assertThat(position(u).line()).as(u.message()).isEqualTo(4);
    }

    @Test
    void anEscapeStringWithABackslashQuoteParses() {
        assertThat(one("SELECT E'it\\'s; fine' AS a, e'\\\\' AS b;", Dialect.POSTGRESQL))
                .isInstanceOf(ParsedStatement.Parsed.class);
    }

    @Test
    void statementsAboutObjectsNoRuleReadsAreSkippedNotErrors() {
        for (String sql : List.of("ALTER SEQUENCE seq AS bigint;", "DROP FUNCTION f(integer[]);",
                "DROP AGGREGATE myagg(integer);", "CREATE RULE r AS ON INSERT TO s DO INSTEAD NOTHING;",
                "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);",
                "ALTER VIEW v ALTER COLUMN x SET DEFAULT 1;", "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql STABLE PARALLEL SAFE LEAKPROOF;")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isNotInstanceOf(ParsedStatement.Unparsed.class);
        }
        assertThat(one("GRANT ALL PRIVILEGES ON *.* TO 'u'@'%' WITH GRANT OPTION;", Dialect.MYSQL))
                .isNotInstanceOf(ParsedStatement.Unparsed.class);
        // Tables are modelled: a broken CREATE TABLE is still an error.
        unparsed("CREATE TABLE t (a int,, b int);", Dialect.POSTGRESQL);
    }

    @Test
    void aDoBlockWithALanguageClauseIsRecognized() {
        assertThat(recognized("DO LANGUAGE 'plpgsql' $$ BEGIN CREATE INDEX i ON t (c); END $$;"))
                .isInstanceOfSatisfying(SchemaChange.ProceduralDdl.class, d -> assertThat(d.changes()).hasSize(1));
        assertThat(recognized("DO $$ BEGIN NULL; END $$ LANGUAGE plpgsql;")).isInstanceOf(SchemaChange.ProceduralDdl.class);
    }

    @Test
    void transactionControlIsRecognized() {
        assertThat(recognized("BEGIN;")).isInstanceOfSatisfying(Transaction.class,
                t -> assertThat(t.kind()).isEqualTo(TransactionKind.BEGIN));
        assertThat(recognized("BEGIN ISOLATION LEVEL SERIALIZABLE;")).isInstanceOf(Transaction.class);
        assertThat(recognized("START TRANSACTION;")).isInstanceOf(Transaction.class);
        assertThat(recognized("END;")).isInstanceOfSatisfying(Transaction.class,
                t -> assertThat(t.kind()).isEqualTo(TransactionKind.COMMIT));
        assertThat(recognized("RELEASE SAVEPOINT s;")).isInstanceOfSatisfying(Transaction.class,
                t -> assertThat(t.kind()).isEqualTo(TransactionKind.RELEASE));
        assertThat(recognized("COMMIT AND NO CHAIN;", Dialect.MYSQL)).isInstanceOf(Transaction.class);
    }

    @Test
    void mysqlEndIsNeitherRecognizedNorReplayedAsCommit() {
        // In MySQL, END closes a compound statement (BEGIN ... END); on its own it is a syntax error.
        ParsedStatement p = one("END;", Dialect.MYSQL);
        assertThat(p).isInstanceOf(ParsedStatement.Unparsed.class);
        assertThat(p.changes()).noneMatch(c -> c instanceof Transaction);
    }

    @Test
    void recognizedStatementsNeverReachJSqlParser() {
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        List<String> recognized = List.of("COMMIT;", "ROLLBACK;", "SAVEPOINT s;", "SET LOCAL lock_timeout = '1s';",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);", "DROP INDEX i;", "DROP TABLE a, b CASCADE;",
                "TRUNCATE t;", "LOCK TABLE t IN SHARE MODE NOWAIT;", "REINDEX TABLE t;", "RESET lock_timeout;",
                "CREATE SEQUENCE s START 1;", "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';");
        for (String sql : recognized) {
            SourceFile file = SourceFile.of("t.sql", sql);
            for (ScriptStatement s : Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.POSTGRESQL)))) {
                assertThat(parser.parse(s)).as(sql).isInstanceOf(ParsedStatement.Recognized.class);
            }
        }
        assertThat(parser.jsqlParserCalls()).isZero();
        SourceFile query = SourceFile.of("q.sql", "SELECT 1;");
        parser.parse(Splitter.split(query, Lexer.lex(query.text(), LexOptions.of(Dialect.POSTGRESQL))).get(0));
        assertThat(parser.jsqlParserCalls()).isEqualTo(1);
    }

    @Test
    void aFormReadOnlyInPartIsNotRecognized() {
        // A fragment of something else, or a syntax error, must not pass as the form it starts like.
        for (String sql : List.of("TRUNCATE t garbage;", "LOCK t IN SOME MODE;", "DROP INDEX i j;", "BEGIN foo;",
                "REINDEX TABLE t extra;", "SET lock_timeout;")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isNotInstanceOf(ParsedStatement.Recognized.class);
        }
        ParsedStatement.Unparsed u = unparsed("TRUNCATE t garbage;", Dialect.POSTGRESQL);
        assertThat(u.changes()).singleElement().isInstanceOf(Truncate.class);
    }

    @Test
    void setToAStringIsRecognized() {
        assertThat(recognized("SET lock_timeout TO '2s';"))
                .isEqualTo(new SetSetting("lock_timeout", "2s", false, new TextRange(0, 24)));
    }

    @Test
    void dropIndexConcurrentlyIsRecognizedWithNames() {
        String text = "DROP INDEX CONCURRENTLY IF EXISTS a, s.\"B\" CASCADE;";
        DropIndex d = (DropIndex) recognized(text);
        assertThat(d.concurrently()).isTrue();
        assertThat(d.ifExists()).isTrue();
        assertThat(d.cascade()).isTrue();
        assertThat(d.indexes()).extracting(ObjectName::qualified).containsExactly("a", "s.B");
    }

    @Test
    void truncateOnlyWithManyTablesIsRecognized() {
        Truncate t = (Truncate) recognized("TRUNCATE TABLE ONLY a, b CASCADE;");
        assertThat(t.tables()).extracting(ObjectName::name).containsExactly("a", "b");
        assertThat(t.cascade()).isTrue();
    }

    @Test
    void lockWithoutTableKeywordIsRecognized() {
        assertThat(recognized("LOCK a;")).isEqualTo(new LockTable(List.of(ObjectName.of("a")), "ACCESS EXCLUSIVE",
                new TextRange(0, 6)));
    }

    @Test
    void createIndexTheKeyReaderCannotReadIsRecognizedByItsHead() {
        CreateIndex c = (CreateIndex) recognized("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t USING");
        assertThat(c.name().name()).isEqualTo("i");
        assertThat(c.table().qualified()).isEqualTo("s.t");
        assertThat(c.unique()).isTrue();
        assertThat(c.concurrently()).isTrue();
        assertThat(c.ifNotExists()).isTrue();
        assertThat(c.columns()).isEmpty();
    }

    @Test
    void reindexAndAddConstraintUsingIndexAreRecognized() {
        assertThat(recognized("REINDEX INDEX CONCURRENTLY i;")).isInstanceOfSatisfying(Reindex.class, r -> {
            assertThat(r.concurrently()).isTrue();
            assertThat(r.target()).isEqualTo("INDEX");
            assertThat(r.name()).isEqualTo(ObjectName.of("i"));
        });
        assertThat(recognized("REINDEX (VERBOSE, CONCURRENTLY) DATABASE;")).isInstanceOfSatisfying(Reindex.class,
                r -> assertThat(r.concurrently()).isTrue());
        assertThat(recognized("ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i DEFERRABLE;"))
                .isInstanceOfSatisfying(AddConstraint.class, a -> {
                    assertThat(a.constraint().name()).isEqualTo("c");
                    assertThat(a.constraint().usingIndex()).isEqualTo(ObjectName.of("i"));
                });
    }

    @Test
    void dropTypeDomainAndCreateSequenceAreRecognized() {
        assertThat(recognized("DROP TYPE mood;")).isInstanceOf(DropType.class);
        assertThat(recognized("DROP DOMAIN IF EXISTS d CASCADE;")).isInstanceOf(SchemaChange.Opaque.class);
        assertThat(recognized("CREATE SEQUENCE IF NOT EXISTS s;")).isInstanceOf(CreateSequence.class);
        assertThat(recognized("RESET ALL;")).isEqualTo(new SetSetting("all", "DEFAULT", false, new TextRange(0, 9)));
    }

    @Test
    void setDataTypeIsReadAsType() {
        ParsedStatement p = one("ALTER TABLE t ALTER COLUMN c SET DATA TYPE text USING c::text;", Dialect.POSTGRESQL);
        assertThat(p).isInstanceOfSatisfying(ParsedStatement.Parsed.class, parsed -> {
            assertThat(parsed.ast()).isInstanceOf(Alter.class);
            assertThat(parsed.ast().toString()).contains("ALTER COLUMN c TYPE text");
        });
    }

    @Test
    void namesJSqlParserTakesForKeyWordsAreQuotedOnRetry() {
        ParsedStatement p = one("ALTER TABLE builds ADD COLUMN Errors TEXT;", Dialect.POSTGRESQL);
        assertThat(p).isInstanceOfSatisfying(ParsedStatement.Parsed.class,
                parsed -> assertThat(parsed.ast().toString()).isEqualTo("ALTER TABLE builds ADD COLUMN \"errors\" TEXT"));
    }

    @Test
    void keyWordNamesAreQuotedWhereJSqlParserNoticesThemLate() {
        // harbor: blob.content_type; conductor: a column named key; harbor: SELECT uuid FROM
        for (String sql : List.of(
                "UPDATE artifact AS art SET manifest_media_type=blob.content_type, media_type=(CASE WHEN blob.content_type='a' "
                        + "THEN 'b' WHEN blob.content_type='c' THEN 'd' END) FROM repository AS repo, blob AS blob "
                        + "WHERE art.digest = blob.digest AND blob.x = repo.y;",
                "CREATE TABLE IF NOT EXISTS s (\n    key VARCHAR(512) NOT NULL,\n    PRIMARY KEY (key)\n);",
                "DELETE FROM r WHERE u IN (SELECT uuid FROM s WHERE name='Trivy');")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isInstanceOf(ParsedStatement.Parsed.class);
        }
        assertThat(one("ALTER TABLE cached_data MODIFY value MEDIUMBLOB;", Dialect.MYSQL))
                .isInstanceOf(ParsedStatement.Parsed.class);
    }

    @Test
    void postgresqlFormsJSqlParserLacksAreBridged() {
        for (String sql : List.of(
                "CREATE TABLE projects AS SELECT FROM generate_series(1,5);",
                "CREATE TABLE h (film_id integer, valid_at daterange, PRIMARY KEY (film_id, valid_at WITHOUT OVERLAPS),\n"
                        + "FOREIGN KEY (film_id, PERIOD valid_at) REFERENCES p (film_id, PERIOD valid_at));",
                "ALTER TABLE p ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (\n SEQUENCE NAME s\n START WITH 1\n);")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isInstanceOf(ParsedStatement.Parsed.class);
        }
        assertThat(one("create view v1 as table test.a;", Dialect.POSTGRESQL)).isInstanceOf(ParsedStatement.Recognized.class);
        assertThat(one("CREATE PROPERTY GRAPH g VERTEX TABLES (actor);", Dialect.POSTGRESQL))
                .isInstanceOf(ParsedStatement.Skipped.class);
    }

    @Test
    void mysqlFormsJSqlParserLacksAreBridged() {
        for (String sql : List.of(
                "ALTER TABLE x_db_base ADD (\n  CONSTRAINT fk FOREIGN KEY (added_by_id)\n    REFERENCES x_portal_user (id));",
                "ALTER TABLE x_portal_user ADD (\n  CONSTRAINT uk UNIQUE (email(512)) );",
                "CREATE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW actor_info AS SELECT a.actor_id FROM actor a;")) {
            assertThat(one(sql, Dialect.MYSQL)).as(sql).isNotInstanceOf(ParsedStatement.Unparsed.class);
        }
        ParsedStatement fk = one("ALTER TABLE d ADD (CONSTRAINT fk FOREIGN KEY (u) REFERENCES p (id));", Dialect.MYSQL);
        assertThat(fk.changes()).singleElement().isInstanceOfSatisfying(AddConstraint.class,
                a -> assertThat(a.constraint().name()).isEqualTo("fk"));
        // ranger: once read as a column named CONSTRAINT, which made "Index constraint_2 on x_portal_user (constraint)"
        ParsedStatement uk = one("ALTER TABLE x_portal_user ADD (\n  CONSTRAINT x_portal_user_UK_email UNIQUE (email(512)) );",
                Dialect.MYSQL);
        assertThat(uk.changes()).singleElement().isInstanceOfSatisfying(CreateIndex.class, i -> {
            assertThat(i.name().name()).isEqualToIgnoringCase("x_portal_user_UK_email");
            assertThat(i.unique()).isTrue();
            assertThat(i.columns()).hasSize(1);
        });
    }

    @Test
    void mySqlDropForeignKeyIsReadAsDropConstraint() {
        ParsedStatement p = one("ALTER TABLE t DROP FOREIGN KEY `fk_t_u`;", Dialect.MYSQL);
        assertThat(p).isInstanceOfSatisfying(ParsedStatement.Parsed.class,
                parsed -> assertThat(parsed.ast().toString()).isEqualTo("ALTER TABLE t DROP CONSTRAINT `fk_t_u`"));
    }

    @Test
    void psqlVariableInterpolationIsReadAsALiteral() {
        assertThat(one("SELECT :'month'::date;", Dialect.POSTGRESQL)).isInstanceOf(ParsedStatement.Parsed.class);
    }

    @Test
    void unparsedPointsAtTheOffendingTokenOnALaterLine() {
        ParsedStatement.Unparsed u = unparsed("SELECT 1;\nSELECT a\n  FROM t\n WHERE x = 1 BAR;", Dialect.POSTGRESQL);
        assertThat(position(u)).isEqualTo(new Position(4, 14));
        assertThat(u.message()).isEqualTo("unexpected \"BAR\"; expected one of end of statement, \";\"");
    }

    @Test
    void unparsedOffsetsAfterCrlfAndTabs() {
        String text = "SELECT 1;\r\nSELECT a\r\n\tFROM\tt\r\n WHERE\t\tx = 'a''b' BAR;\r\n";
        ParsedStatement.Unparsed u = unparsed(text, Dialect.POSTGRESQL);
        assertThat(u.errorOffset()).isEqualTo(text.indexOf("BAR"));
    }

    @Test
    void unparsedOffsetsAfterLoneCarriageReturns() {
        String text = "SELECT a\r  FROM t\r WHERE x = 1 BAR";
        assertThat(unparsed(text, Dialect.POSTGRESQL).errorOffset()).isEqualTo(text.indexOf("BAR"));
    }

    @Test
    void unparsedOffsetAfterAPlaceholderAndItsWrittenText() {
        String text = "SELECT ${col} FROM ${schema}.t WHERE x = 1 ${col}";
        List<ParsedStatement> all = parse(text, new LexOptions(Dialect.POSTGRESQL, Map.of("col", "c"), false));
        ParsedStatement.Unparsed u = (ParsedStatement.Unparsed) all.get(0);
        assertThat(u.errorOffset()).isEqualTo(text.lastIndexOf("${col}"));
        assertThat(u.message()).startsWith("unexpected \"${col}\"");
    }

    @Test
    void unexpectedEndPointsAtTheStatementEnd() {
        ParsedStatement.Unparsed u = unparsed("CREATE TABLE t (a int", Dialect.POSTGRESQL);
        assertThat(u.errorOffset()).isEqualTo(21);
        assertThat(u.message()).startsWith("unexpected end of statement; expected one of ");
    }

    @Test
    void longExpectedListsAreCut() {
        ParsedStatement.Unparsed u = unparsed("CREATE TABLE t (a int) INSERT INTO u VALUES (1)", Dialect.POSTGRESQL);
        assertThat(u.message()).matches("unexpected \"INSERT\"; expected one of ((\"[A-Z ]+\"|end of statement), ){6}\\.\\.\\. \\(\\d+ more\\)");
    }

    @Test
    void unterminatedStatementPointsAtTheOpeningQuote() {
        String text = "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;";
        ParsedStatement.Unparsed u = unparsed(text, Dialect.POSTGRESQL);
        assertThat(u.errorOffset()).isEqualTo(text.indexOf("$body$"));
        assertThat(u.message()).isEqualTo("unterminated dollar-quoted string $body$ starting here");
    }

    @Test
    void semanticErrorsFromJSqlParserBecomeUnparsedAtTheStatement() {
        ParsedStatement.Unparsed u = unparsed("SELECT \"........pg.dropped.1........\" FROM t;", Dialect.POSTGRESQL);
        assertThat(u.errorOffset()).isZero();
        assertThat(u.message()).contains("pg.dropped");
    }
}
