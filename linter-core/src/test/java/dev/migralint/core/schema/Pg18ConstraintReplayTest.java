package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL 18's table-level NOT NULL constraints and ALTER CONSTRAINT attributes: they parse (or are
 * recognized) and replay the way the database applies them.
 */
class Pg18ConstraintReplayTest {

    private record Result(List<ParsedStatement> statements, Schema schema, List<ReplayNote> notes) {
        boolean notNull(String table, String column) {
            return schema.table(ObjectName.of(table)).orElseThrow().column(column).orElseThrow().notNull();
        }
    }

    private static Result run(String sql) {
        SourceFile file = SourceFile.of("t.sql", sql);
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        SchemaReplayer replayer = new SchemaReplayer();
        ReplayContext context = new ReplayContext(file);
        Schema schema = Schema.empty(Dialect.POSTGRESQL);
        List<ParsedStatement> statements = new ArrayList<>();
        List<ReplayNote> notes = new ArrayList<>();
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.POSTGRESQL)))) {
            ParsedStatement p = parser.parse(s);
            statements.add(p);
            Replay r = replayer.applyAll(schema, p.changes(), context);
            schema = r.schema();
            notes.addAll(r.notes());
        }
        return new Result(statements, schema, notes);
    }

    @Test
    void tableLevelNotNullMakesItsColumnNotNull() {
        Result r = run("""
                CREATE TABLE parent (p int, q int);
                CREATE TABLE t (
                    a int,
                    CONSTRAINT a_nn NOT NULL a,
                    NOT NULL b NO INHERIT,
                    b text,
                    c int,
                    CONSTRAINT "C nn" NOT NULL "C"
                ) INHERITS (parent);
                CREATE TABLE u (LIKE parent, CONSTRAINT q_nn NOT NULL q);
                """);
        assertThat(r.statements()).noneMatch(s -> s instanceof ParsedStatement.Unparsed);
        assertThat(r.notNull("t", "a")).isTrue();
        assertThat(r.notNull("t", "b")).as("declared after its constraint").isTrue();
        assertThat(r.notNull("t", "c")).isFalse();
        assertThat(r.notNull("u", "q")).as("a column of the LIKE source").isTrue();
        assertThat(r.notNull("u", "p")).isFalse();
    }

    @Test
    void addedNotNullConstraintIsSetNotNullUnlessNotValid() {
        Result r = run("""
                CREATE TABLE t (a int, b int, c int);
                ALTER TABLE t ADD CONSTRAINT a_nn NOT NULL a;
                ALTER TABLE ONLY t ADD NOT NULL b NO INHERIT;
                ALTER TABLE t ADD CONSTRAINT c_nn NOT NULL c NOT VALID;
                """);
        assertThat(r.statements().subList(1, 4)).allMatch(s -> s instanceof ParsedStatement.Recognized);
        // validated, it scans the table like SET NOT NULL (set-not-null-scan reads the same change)
        assertThat(r.statements().get(1).changes()).singleElement().isInstanceOf(SchemaChange.SetNotNull.class);
        assertThat(r.notNull("t", "a")).isTrue();
        assertThat(r.notNull("t", "b")).isTrue();
        assertThat(r.notNull("t", "c")).as("NOT VALID leaves existing rows unchecked").isFalse();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void alterConstraintAttributesAreRecognizedAndChangeNothingModelled() {
        Result r = run("""
                CREATE TABLE t (id int PRIMARY KEY, r int REFERENCES t (id));
                ALTER TABLE t ALTER CONSTRAINT t_r_fkey DEFERRABLE INITIALLY DEFERRED;
                ALTER TABLE t ALTER CONSTRAINT t_r_fkey NOT DEFERRABLE;
                ALTER TABLE t ALTER CONSTRAINT t_r_fkey NOT ENFORCED DEFERRABLE, ALTER CONSTRAINT t_id_not_null NO INHERIT;
                ALTER TABLE t ALTER CONSTRAINT t_id_not_null INHERIT;
                """);
        assertThat(r.statements().subList(1, 5)).allSatisfy(s -> {
            assertThat(s).isInstanceOf(ParsedStatement.Recognized.class);
            assertThat(s.changes()).allMatch(c -> c instanceof SchemaChange.Opaque);
        });
        assertThat(r.schema().table(ObjectName.of("t")).orElseThrow().foreignKeys()).hasSize(1);
    }

    @Test
    void mysqlAltersOnlyWhetherAConstraintIsEnforced() {
        StatementParser parser = new StatementParser(Dialect.MYSQL);
        for (String sql : List.of("ALTER TABLE t ALTER CONSTRAINT c NOT ENFORCED;", "ALTER TABLE t ALTER CONSTRAINT c ENFORCED;",
                "ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE;")) {
            SourceFile file = SourceFile.of("t.sql", sql);
            ParsedStatement p = parser.parse(Splitter.split(file, Lexer.lex(sql, LexOptions.of(Dialect.MYSQL))).get(0));
            assertThat(p).as(sql).isInstanceOf(sql.contains("ENFORCED") ? ParsedStatement.Recognized.class
                    : ParsedStatement.Unparsed.class);
        }
    }

    @Test
    void brokenFormsStayUnparsed() {
        for (String sql : List.of(
                "ALTER TABLE t ALTER CONSTRAINT DEFERRABLE;",
                "ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE LATER;",
                "ALTER TABLE t ALTER CONSTRAINT c NOT DEFERRABLE INITIALLY DEFERRED;",
                "ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE NOT DEFERRABLE;",
                "ALTER TABLE t ALTER CONSTRAINT c NOT VALID;",
                "ALTER TABLE t ALTER CONSTRAINT c ENFORCED NOT ENFORCED;",
                "ALTER TABLE t ADD CONSTRAINT c NOT NULL;",
                "ALTER TABLE t ADD CONSTRAINT c NOT NULL a b;",
                "CREATE TABLE t (a int, CONSTRAINT c NOT NULL);",
                "CREATE TABLE t (a int, NOT NULL a b);",
                "CREATE TABLE t (a int, CONSTRAINT c NOT NULL a DEFERRABLE);")) {
            assertThat(run(sql).statements()).as(sql).singleElement().isInstanceOf(ParsedStatement.Unparsed.class);
        }
    }
}
