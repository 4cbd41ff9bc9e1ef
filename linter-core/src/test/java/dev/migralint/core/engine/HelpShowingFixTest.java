package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine computes a help from a rule's fix and the source text, for statement and migration rules. */
class HelpShowingFixTest {

    /** Offers " CONCURRENTLY" after the first INDEX of every statement that has one. */
    static final class Concurrently implements StatementRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("concurrently", Category.LOCKING, Severity.WARNING, "Adds CONCURRENTLY");
        }

        @Override
        public void check(RuleContext ctx) {
            String text = ctx.statement().text();
            int at = text.indexOf("INDEX");
            if (at >= 0) {
                int offset = ctx.statement().range().start() + at + "INDEX".length();
                ctx.report("plain index").helpShowingFix("Instead: ", Fix.insert("f", offset, " CONCURRENTLY"));
            }
        }
    }

    /** Offers to replace the first "serial" of the migration's up script, outside any statement's context. */
    static final class NoSerial implements MigrationRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("no-serial", Category.TYPES, Severity.INFO, "Replaces serial");
        }

        @Override
        public void check(MigrationContext ctx) {
            SourceFile file = ctx.migration().up().file();
            int at = file.text().indexOf("serial");
            if (at >= 0) {
                TextRange r = new TextRange(at, at + "serial".length());
                ctx.report(new Location.Span(file, r), "serial")
                        .helpShowingFix("Use: ", new Fix("f", List.of(new Fix.Edit(r, "bigint"))));
            }
        }
    }

    private final LintEngine engine = new LintEngine(new RuleRegistry(List.of(new Concurrently(), new NoSerial())));

    private List<Finding> lint(String sql) {
        return engine.lintSources(List.of(SourceFile.of("V1__m.sql", sql)), Config.defaults()).findings();
    }

    @Test
    void aStatementRuleGetsTheStatementWithItsFixApplied() {
        Finding f = lint("CREATE TABLE t (id int);\nCREATE UNIQUE INDEX \"I\" ON t (id) -- why\n  NULLS NOT DISTINCT;\n")
                .stream().filter(x -> x.ruleId().equals("concurrently")).findFirst().orElseThrow();
        assertThat(f.help()).isEqualTo("Instead: CREATE UNIQUE INDEX CONCURRENTLY \"I\" ON t (id)\n  NULLS NOT DISTINCT;");
        assertThat(f.fix().edits()).singleElement().extracting(Fix.Edit::replacement).isEqualTo(" CONCURRENTLY");
    }

    @Test
    void aMigrationRuleGetsTheLinesItsFixTouches() {
        Finding f = lint("CREATE TABLE t (\n    id serial PRIMARY KEY\n);\n")
                .stream().filter(x -> x.ruleId().equals("no-serial")).findFirst().orElseThrow();
        assertThat(f.help()).isEqualTo("Use: id bigint PRIMARY KEY");
    }
}
