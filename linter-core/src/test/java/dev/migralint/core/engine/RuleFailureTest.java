package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that throws is skipped where it failed and reported as a bug; the run and the other rules go on. */
class RuleFailureTest {
    /** Throws on a DROP TABLE of {@code boom}, reports every other one. */
    static final class Brittle implements ChangeRule<SchemaChange.DropTable> {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("brittle", Category.REVERSIBILITY, Severity.WARNING, "Throws on one table");
        }

        @Override
        public Class<SchemaChange.DropTable> changeType() {
            return SchemaChange.DropTable.class;
        }

        @Override
        public void check(SchemaChange.DropTable change, RuleContext ctx) {
            if (change.tables().get(0).name().equals("boom")) {
                throw new IllegalStateException("unexpected shape");
            }
            ctx.report(change, "drop " + change.tables().get(0).name());
        }
    }

    /** Always throws. */
    static final class BrokenSchemaRule implements SchemaRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("broken-schema", Category.INTEGRITY, Severity.INFO, "Always throws");
        }

        @Override
        public void check(SchemaContext ctx) {
            throw new StackOverflowError();
        }
    }

    private final LintEngine engine = new LintEngine(new RuleRegistry(List.of(new Brittle(), new BrokenSchemaRule())));

    @Test
    void aRuleThatThrowsIsSkippedThereAndReportedWhereItFailed() {
        String sql = "DROP TABLE a;\nDROP TABLE boom;\nDROP TABLE c;\n";
        Report report = engine.lintSources(List.of(SourceFile.of("m.sql", sql)), Config.defaults());

        assertThat(report.findings()).extracting(Finding::message).containsExactly("drop a", "drop c");
        assertThat(report.problems()).hasSize(2).allMatch(InputProblem::internal);
        InputProblem statement = report.problems().stream()
                .filter(p -> p.message().startsWith("rule brittle")).findFirst().orElseThrow();
        assertThat(statement.message()).contains("java.lang.IllegalStateException: unexpected shape")
                .contains("bug in migralint");
        assertThat(statement.location()).isInstanceOf(Location.Span.class);
        assertThat(statement.location().startOffset()).isEqualTo(sql.indexOf("DROP TABLE boom"));
        assertThat(report.problems()).anyMatch(p -> p.message().startsWith("rule broken-schema failed here")
                && p.message().contains("java.lang.StackOverflowError") && p.location() instanceof Location.WholeFile);
    }
}
