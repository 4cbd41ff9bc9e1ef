package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction facts tell the tool's transaction from the script's own, and what comes later in the script. */
class TransactionFactsTest {
    /** Reports every DROP TABLE with the facts of its statement. */
    static final class Facts implements ChangeRule<SchemaChange.DropTable> {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("facts", Category.LOCKING, Severity.WARNING, "Shows facts");
        }

        @Override
        public Class<SchemaChange.DropTable> changeType() {
            return SchemaChange.DropTable.class;
        }

        @Override
        public void check(SchemaChange.DropTable change, RuleContext ctx) {
            StatementFacts f = ctx.facts();
            ctx.report(change, change.tables().get(0) + (f.toolTransaction() ? " tool" : "")
                    + (f.explicitTransaction() ? " explicit" : "") + (f.transactionEndsLater() ? " ends-later" : "")
                    + (f.createdLaterInThisScript(change.tables().get(0)) ? " recreated" : ""));
        }
    }

    private final LintEngine engine = new LintEngine(new RuleRegistry(List.of(new Facts())));

    @Test
    void plainScriptTracksItsOwnBeginAndCommit() {
        List<Finding> findings = engine.lintSources(List.of(SourceFile.of("m.sql", """
                DROP TABLE a;
                BEGIN;
                DROP TABLE b;
                COMMIT;
                DROP TABLE c;
                CREATE TABLE c (id int);
                """)), Config.defaults()).findings();
        assertThat(findings).extracting(Finding::message)
                .containsExactly("a ends-later", "b explicit ends-later", "c recreated");
    }

    @Test
    void flywayMigrationRunsInTheToolsTransaction(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("V2__drop.sql"), "BEGIN;\nDROP TABLE a;\n");
        List<Finding> findings = engine.run(new LintRequest(List.of(dir), dir, Config.defaults())).findings();
        assertThat(findings).extracting(Finding::message).containsExactly("a tool explicit");
    }
}
