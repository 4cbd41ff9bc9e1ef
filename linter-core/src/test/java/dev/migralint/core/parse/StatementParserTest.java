package dev.migralint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
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

    static RecognizedStatement recognized(String text) {
        ParsedStatement p = one(text, Dialect.POSTGRESQL);
        assertThat(p).isInstanceOf(ParsedStatement.Recognized.class);
        return ((ParsedStatement.Recognized) p).what();
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
    void transactionControlJSqlParserLacksIsRecognized() {
        assertThat(recognized("BEGIN;")).isEqualTo(new RecognizedStatement.Transaction(TransactionKind.BEGIN));
        assertThat(recognized("BEGIN ISOLATION LEVEL SERIALIZABLE;"))
                .isEqualTo(new RecognizedStatement.Transaction(TransactionKind.BEGIN));
        assertThat(recognized("START TRANSACTION;")).isEqualTo(new RecognizedStatement.Transaction(TransactionKind.BEGIN));
        assertThat(recognized("END;")).isEqualTo(new RecognizedStatement.Transaction(TransactionKind.COMMIT));
        assertThat(recognized("RELEASE SAVEPOINT s;")).isEqualTo(new RecognizedStatement.Transaction(TransactionKind.RELEASE));
    }

    @Test
    void statementsJSqlParserReadsStayParsed() {
        for (String sql : List.of("COMMIT;", "ROLLBACK;", "SAVEPOINT s;", "SET LOCAL lock_timeout = '1s';",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);", "DROP INDEX i;")) {
            assertThat(one(sql, Dialect.POSTGRESQL)).as(sql).isInstanceOf(ParsedStatement.Parsed.class);
        }
    }

    @Test
    void setToAStringIsRecognized() {
        assertThat(recognized("SET lock_timeout TO '2s';"))
                .isEqualTo(new RecognizedStatement.SetSetting("lock_timeout", "2s", false));
    }

    @Test
    void dropIndexConcurrentlyIsRecognizedWithNamesAndTheirRanges() {
        String text = "DROP INDEX CONCURRENTLY IF EXISTS a, s.\"B\" CASCADE;";
        RecognizedStatement.DropIndex d = (RecognizedStatement.DropIndex) recognized(text);
        assertThat(d.concurrently()).isTrue();
        assertThat(d.ifExists()).isTrue();
        assertThat(d.cascade()).isTrue();
        assertThat(d.indexes()).extracting(RecognizedStatement.Name::qualified).containsExactly("a", "s.B");
        assertThat(text.substring(d.indexes().get(1).range().start(), d.indexes().get(1).range().end())).isEqualTo("s.\"B\"");
    }

    @Test
    void truncateOnlyWithManyTablesIsRecognized() {
        RecognizedStatement.Truncate t = (RecognizedStatement.Truncate) recognized("TRUNCATE TABLE ONLY a, b CASCADE;");
        assertThat(t.tables()).extracting(RecognizedStatement.Name::name).containsExactly("a", "b");
        assertThat(t.cascade()).isTrue();
    }

    @Test
    void lockWithoutTableKeywordIsRecognized() {
        assertThat(recognized("LOCK a;")).isEqualTo(new RecognizedStatement.LockTable(
                List.of(new RecognizedStatement.Name(null, "a", new dev.migralint.core.source.TextRange(5, 6))),
                "ACCESS EXCLUSIVE"));
    }

    @Test
    void createIndexJSqlParserFailsOnIsRecognizedByItsHead() {
        RecognizedStatement.CreateIndex c = (RecognizedStatement.CreateIndex) recognized(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t (a) WHERE (a @? '$.x');");
        assertThat(c.index().name()).isEqualTo("i");
        assertThat(c.table().qualified()).isEqualTo("s.t");
        assertThat(c.unique()).isTrue();
        assertThat(c.concurrently()).isTrue();
        assertThat(c.ifNotExists()).isTrue();
    }

    @Test
    void reindexAndAddConstraintUsingIndexAreRecognized() {
        assertThat(recognized("REINDEX INDEX CONCURRENTLY i;")).isInstanceOfSatisfying(RecognizedStatement.Reindex.class,
                r -> assertThat(r.concurrently()).isTrue());
        assertThat(recognized("ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i;"))
                .isInstanceOfSatisfying(RecognizedStatement.AddConstraintUsingIndex.class, a -> {
                    assertThat(a.constraint()).isEqualTo("c");
                    assertThat(a.primaryKey()).isFalse();
                    assertThat(a.index().name()).isEqualTo("i");
                });
    }

    @Test
    void dropTypeAndCreateSequenceIfNotExistsAreRecognized() {
        assertThat(recognized("DROP TYPE mood;")).isInstanceOf(RecognizedStatement.DropType.class);
        assertThat(recognized("CREATE SEQUENCE IF NOT EXISTS s;")).isInstanceOf(RecognizedStatement.CreateSequence.class);
        assertThat(one("CREATE SEQUENCE s;", Dialect.POSTGRESQL)).isInstanceOf(ParsedStatement.Parsed.class);
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
        ParsedStatement.Unparsed u = unparsed("CREATE RULE r AS ON INSERT TO t DO INSTEAD INSERT INTO u VALUES (1)",
                Dialect.POSTGRESQL);
        assertThat(u.message()).matches("unexpected \"INSERT\"; expected one of (\"[A-Z ]+\", ){6}\\.\\.\\. \\(\\d+ more\\)");
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
