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
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryLogContext;
import dev.migralint.core.rule.QueryLogRule;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sf.jsqlparser.statement.delete.Delete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A query rule that throws on every DELETE. */
    static final class NoDeletes implements QueryRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("no-deletes", Category.QUERY, Severity.WARNING, "Throws on DELETE");
        }

        @Override
        public void check(QueryContext ctx) {
            if (ctx.ast() instanceof Delete) {
                throw new IllegalArgumentException("no");
            }
            ctx.report(ctx.statementRange(), "read");
        }
    }

    /** A query-log rule that throws on the second statement of a log and counts the rest. */
    static final class CountsToOne implements QueryLogRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("counts-to-one", Category.N_PLUS_ONE, Severity.INFO, "Throws on the second statement");
        }

        @Override
        public LogCheck start(QueryLogContext ctx) {
            int[] seen = new int[1];
            return statement -> {
                if (++seen[0] == 2) {
                    throw new IllegalStateException("two");
                }
            };
        }
    }

    private final LintEngine engine = new LintEngine(new RuleRegistry(List.of(new Brittle(), new BrokenSchemaRule(),
            new NoDeletes(), new CountsToOne())));

    @Test
    void aRuleThatThrowsIsSkippedThereAndReportedWhereItFailed() {
        String sql = "DROP TABLE a;\nDROP TABLE boom;\nDROP TABLE c;\n";
        Report report = engine.lintSources(List.of(SourceFile.of("m.sql", sql)), Config.defaults());

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("brittle")).extracting(Finding::message)
                .containsExactly("drop a", "drop c");
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

    @Test
    void aRuleThatFailsOnAMapperStatementIsReportedInTheMapper(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        Path mapper = dir.resolve("TMapper.xml");
        String xml = """
                <mapper namespace="t.T">
                  <select id="all" resultType="long">SELECT id FROM t</select>
                  <delete id="clear">DELETE FROM t WHERE id = #{id}</delete>
                </mapper>
                """;
        Files.writeString(mapper, xml);

        Report report = engine.run(new LintRequest(List.of(dir.resolve("V1__t.sql")), List.of(mapper), dir,
                Config.defaults()));

        // the mapper's other statement was still read by the rule
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("no-deletes")
                        && f.location().file().displayPath().endsWith("TMapper.xml"))
                .extracting(f -> f.location().startOffset()).containsExactly(xml.indexOf("SELECT id"));
        assertThat(report.problems()).filteredOn(p -> p.message().startsWith("rule no-deletes")).singleElement()
                .satisfies(p -> {
                    assertThat(p.location().file().displayPath()).endsWith("TMapper.xml");
                    assertThat(p.location().file().text()).isEqualTo(xml);
                    assertThat(p.location().startOffset()).isEqualTo(xml.indexOf("DELETE FROM t"));
                });
    }

    @Test
    void aQueryLogRuleThatThrowsIsStoppedForThatLog(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        Path log = dir.resolve("app.log");
        Files.writeString(log, """
                2026-11-22 06:18:24.240 UTC [6596] a@b LOG:  statement: SELECT 1;
                2026-11-22 06:18:24.241 UTC [6596] a@b LOG:  statement: SELECT 2;
                2026-11-22 06:18:24.242 UTC [6596] a@b LOG:  statement: SELECT 3;
                """);

        Report report = engine.run(new LintRequest(List.of(dir.resolve("V1__t.sql")), dir,
                Config.defaults().withQueryLogs(List.of(log.toString()))));

        assertThat(report.problems()).filteredOn(p -> p.message().startsWith("rule counts-to-one")).singleElement()
                .satisfies(p -> {
                    assertThat(p.internal()).isTrue();
                    assertThat(p.location().file().displayPath()).isEqualTo("app.log");
                    assertThat(p.message()).contains("java.lang.IllegalStateException: two");
                });
    }
}
