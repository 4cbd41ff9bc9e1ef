package dev.migralint.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryValidatorTest {
    private static final String PG_SCHEMA = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, created_at timestamptz);
            CREATE INDEX users_email_idx ON users (email);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), status text, total numeric);
            CREATE VIEW active_users AS SELECT * FROM users;
            """;

    /** The facts of the last statement of {@code sql}, judged on the schema the statements before it built. */
    private static QueryFacts facts(Dialect dialect, String sql) {
        SourceFile file = SourceFile.of("q.sql", sql);
        StatementParser parser = new StatementParser(dialect);
        SchemaReplayer replayer = new SchemaReplayer();
        Schema schema = Schema.empty(dialect);
        List<ScriptStatement> statements = Splitter.split(file, Lexer.lex(sql, LexOptions.of(dialect)));
        List<SchemaTimeline.Step> steps = new ArrayList<>();
        for (ScriptStatement s : statements.subList(0, statements.size() - 1)) {
            List<SchemaChange> changes = parser.parse(s).changes();
            schema = replayer.applyAll(schema, changes, new ReplayContext(file)).schema();
            steps.add(new SchemaTimeline.Step("step " + (s.index() + 1), schema));
        }
        ScriptStatement last = statements.get(statements.size() - 1);
        ParsedStatement p = parser.parse(last);
        assertThat(p).isInstanceOf(ParsedStatement.Parsed.class);
        return QueryValidator.validate(last, ((ParsedStatement.Parsed) p).ast(), dialect,
                new SchemaTimeline(steps, schema, null));
    }

    private static QueryFacts pg(String query) {
        return facts(Dialect.POSTGRESQL, PG_SCHEMA + query);
    }

    @Test
    void knownColumnsValidate() {
        QueryFacts f = pg("SELECT u.id, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE u.email = $1 ORDER BY o.status;");
        assertThat(f.validated()).as(String.valueOf(f.skipReason())).isTrue();
        assertThat(f.unknownNames()).isEmpty();
        assertThat(f.predicateColumns()).extracting(c -> c.table().name().name() + "." + c.column() + ":" + c.clause())
                .containsExactlyInAnyOrder("orders.user_id:JOIN", "users.id:JOIN", "users.email:WHERE", "orders.status:ORDER_BY");
    }

    @Test
    void unknownColumnIsFound() {
        QueryFacts f = pg("SELECT id FROM users WHERE emial = $1;");
        assertThat(f.unknownNames()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("emial");
            assertThat(u.kind()).isEqualTo(UnknownName.Kind.COLUMN);
        });
    }

    @Test
    void aCastBlankedForCalciteStillWrapsItsColumn() {
        QueryFacts f = pg("SELECT id FROM users WHERE created_at::date = $1;");
        assertThat(f.validated()).as(String.valueOf(f.skipReason())).isTrue();
        assertThat(f.predicateColumns()).singleElement().satisfies(c -> {
            assertThat(c.column()).isEqualTo("created_at");
            assertThat(c.wrapper()).isEqualTo("created_at::date");
        });
    }

    @Test
    void namesNotFullyInViewAreNotUnknown() {
        for (String q : List.of("SELECT x FROM active_users;", "SELECT a FROM unknown_table;",
                "SELECT nope FROM information_schema.tables;", "SELECT current_schema, xmin FROM users;",
                "WITH t AS (SELECT id AS uid FROM users) SELECT uid FROM t;")) {
            assertThat(pg(q).unknownNames()).as(q).isEmpty();
        }
    }

    @Test
    void whatCalciteCannotReadIsSkippedWithAReason() {
        QueryFacts f = pg("SELECT DISTINCT ON (email) id FROM users ORDER BY email, id;");
        assertThat(f.validated()).isFalse();
        // Calcite's own parser fails on it; QuietCalciteParser words no expected tokens, and nothing throws.
        assertThat(f.skipReason()).isEqualTo("Calcite cannot parse it");
    }

    @Test
    void aLiteralWithATimeZoneIsNotHandedToCalcite() {
        // Calcite would look 'PST' up with java.util.TimeZone, which on JDK 25 prints a warning on stderr
        QueryFacts f = pg("SELECT id FROM users WHERE created_at > date '1991-02-03' + time with time zone '04:05:06 PST';");
        assertThat(f.validated()).isFalse();
        assertThat(f.skipReason()).isEqualTo("a literal with a time zone");
        assertThat(pg("SELECT id FROM users WHERE created_at > timestamp '1991-02-03 04:05:06';").validated()).isTrue();
    }
}
