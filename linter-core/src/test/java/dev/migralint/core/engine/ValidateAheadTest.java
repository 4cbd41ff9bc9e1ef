package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.query.QueryFacts;
import dev.migralint.core.query.UnknownName;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/**
 * Queries validated on the validator thread, after the script's replay, see the schema before each
 * of them, exactly as when a rule validates on first use.
 */
class ValidateAheadTest {
    /** Reports every name the validator did not find, and every query it skipped. */
    static final class Names implements QueryRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("names", Category.QUERY, Severity.ERROR, "Unknown names");
        }

        @Override
        public boolean readsQueryFacts() {
            return true;
        }

        @Override
        public void check(QueryContext ctx) {
            QueryFacts facts = ctx.queryFacts();
            for (UnknownName u : facts.unknownNames()) {
                ctx.report(ctx.statementRange(), u.kind() + " " + u.name() + (u.gone() == null ? "" : " gone"));
            }
            if (facts.skipReason() != null) {
                ctx.report(ctx.statementRange(), "skipped");
            }
        }
    }

    private static final String SQL = """
            CREATE TABLE t (a int);
            SELECT b FROM t;
            ALTER TABLE t ADD COLUMN b int;
            SELECT b FROM t WHERE a = 1;
            ALTER TABLE t DROP COLUMN a;
            SELECT a FROM t;
            SELECT b FROM t;
            SELECT FROM WHERE;
            """;

    private static List<String> lint(boolean ahead) {
        String before = System.getProperty(ValidateAhead.PROPERTY);
        System.setProperty(ValidateAhead.PROPERTY, String.valueOf(ahead));
        try {
            Report report = new LintEngine(new RuleRegistry(List.of(new Names())))
                    .lintSources(List.of(SourceFile.of("V1__q.sql", SQL)), Config.defaults());
            assertThat(report.problems()).isEmpty();
            return report.findings().stream().filter(f -> f.ruleId().equals("names"))
                    .map(f -> f.location().startOffset() + " " + f.message()).toList();
        } finally {
            if (before == null) {
                System.clearProperty(ValidateAhead.PROPERTY);
            } else {
                System.setProperty(ValidateAhead.PROPERTY, before);
            }
        }
    }

    @Test
    void eachQueryIsValidatedAgainstTheSchemaBeforeIt() {
        assertThat(lint(true)).containsExactly(
                SQL.indexOf("SELECT b FROM t;") + " COLUMN b",
                SQL.indexOf("SELECT a FROM t;") + " COLUMN a gone");
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("migralint-validate"));
    }

    @Test
    void theFindingsAreTheSameAsWhenRulesValidateOnFirstUse() {
        assertThat(lint(true)).isEqualTo(lint(false)).isNotEmpty();
    }

    @Test
    void validationsNotStartedAreDroppedWhenTheScriptIsDone() {
        FutureTask<QueryFacts> queued = new FutureTask<>(() -> QueryFacts.NOT_A_QUERY);
        FutureTask<QueryFacts> done = new FutureTask<>(() -> QueryFacts.NOT_A_QUERY);
        done.run();
        ValidateAhead.cancel(Arrays.asList(null, queued, done));
        ValidateAhead.cancel(null);
        assertThat(queued.isCancelled()).isTrue();
        assertThat(done.isCancelled()).isFalse();
    }
}
