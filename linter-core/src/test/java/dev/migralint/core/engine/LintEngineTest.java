package dev.migralint.core.engine;

import dev.migralint.core.rule.UnusedSuppression;
import dev.migralint.core.rule.ParseError;
import dev.migralint.core.input.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigException;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.source.Position;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintEngineTest {

    /** Reports every DROP TABLE, and whether the table was created earlier in the file. */
    static final class NoDrop implements ChangeRule<SchemaChange.DropTable> {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("no-drop", Category.REVERSIBILITY, Severity.WARNING, "Drops a table");
        }

        @Override
        public Class<SchemaChange.DropTable> changeType() {
            return SchemaChange.DropTable.class;
        }

        @Override
        public void check(SchemaChange.DropTable change, RuleContext ctx) {
            boolean created = ctx.facts().createdInThisMigration(change.tables().get(0));
            boolean known = ctx.schemaBefore().table(change.tables().get(0)).isPresent();
            ctx.report(change, "drop " + change.tables().get(0) + (created ? " (created here)" : "")
                    + (known && !created ? " (known)" : "")
                    + (ctx.facts().inTransaction() ? " in transaction" : "")
                    + (ctx.facts().inDownScript() ? " in down" : "")).help("keep it");
        }
    }

    /** Reports every table of the final schema where it was defined. */
    static final class EveryTable implements SchemaRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("every-table", Category.INTEGRITY, Severity.INFO, "Lists tables");
        }

        @Override
        public void check(SchemaContext ctx) {
            ctx.schema().tables().forEach(t -> ctx.report(t.definedAt(), "table " + t.name().name()));
        }
    }

    /** Reports a migration whose down does not give back the tables its up started from. */
    static final class DownRestores implements MigrationRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("down-restores", Category.REVERSIBILITY, Severity.ERROR, "Checks downs");
        }

        @Override
        public void check(MigrationContext ctx) {
            if (ctx.schemaAfterDown() != null
                    && ctx.schemaAfterDown().tables().size() != ctx.schemaBefore().tables().size()) {
                ctx.report(new Location.WholeFile(ctx.migration().down().file()),
                        ctx.schemaBefore().tables().size() + " tables before up, "
                                + ctx.schemaAfter().tables().size() + " after up, "
                                + ctx.schemaAfterDown().tables().size() + " after down");
            }
        }
    }

    /** Reports every column handed to column rules, with its type. */
    static final class EveryColumn implements dev.migralint.core.rule.ColumnRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("every-column", Category.TYPES, Severity.INFO, "Lists columns");
        }

        @Override
        public void check(dev.migralint.core.change.TableColumn c, dev.migralint.core.rule.RuleContext ctx) {
            ctx.report(c.column().typeRange(), c.label() + " " + c.column().type().text() + (c.retype() ? " (retype)" : ""));
        }
    }

    private static Rule meta(String id) {
        return Rule.of(RuleMeta.of(id, Category.META, Severity.WARNING, "Engine rule " + id));
    }

    private final LintEngine engine = new LintEngine(new RuleRegistry(List.of(new NoDrop(), new EveryTable(), new DownRestores(),
            meta(ParseError.ID), meta(UnusedSuppression.ID))));

    private List<Finding> lint(String sql) {
        return lint(sql, Config.defaults());
    }

    private List<Finding> lint(String sql, Config config) {
        Config withoutTables = config.rules().containsKey("every-table") ? config
                : config.withRules(merge(config.rules(), "every-table", new RuleSetting(false, null, Map.of())));
        return engine.lintSources(List.of(SourceFile.of("m.sql", sql)), withoutTables).findings();
    }

    private static Map<String, RuleSetting> merge(Map<String, RuleSetting> rules, String id, RuleSetting setting) {
        Map<String, RuleSetting> m = new java.util.HashMap<>(rules);
        m.put(id, setting);
        return m;
    }

    private List<Finding> run(Path dir) {
        return engine.run(new LintRequest(List.of(dir), dir, Config.defaults())).findings();
    }

    @Test
    void laterFilesOfAChainSeeTheSchemaEarlierOnesBuilt() {
        Report report = engine.lintSources(List.of(SourceFile.of("1.sql", "CREATE TABLE a (id int);"),
                SourceFile.of("2.sql", "DROP TABLE a;\nDROP TABLE zz;")), Config.defaults());
        assertThat(report.findings()).extracting(Finding::message)
                .containsExactly("drop a (known)", "drop zz");
        assertThat(report.stats().files()).isEqualTo(2);
    }

    @Test
    void flywayWrapsAMigrationUnlessEveryStatementIsNonTransactional(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        Files.writeString(dir.resolve("V2__drop.sql"), "DROP TABLE a;\n");
        Files.writeString(dir.resolve("V10__drop.sql"), "CREATE INDEX CONCURRENTLY i ON b (id);\n");
        assertThat(run(dir)).filteredOn(f -> f.ruleId().equals("no-drop")).extracting(Finding::message)
                .containsExactly("drop a (known) in transaction");
        assertThat(run(dir)).filteredOn(f -> f.ruleId().equals("every-table")).extracting(Finding::message)
                .containsExactly("table b");
    }

    @Test
    void aDownScriptIsLintedAgainstItsUpsSchemaAndNeverReplayedForward(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_users.up.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.resolve("1_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("2_more.up.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("2_more.down.sql"), "CREATE TABLE users (id int);\n");
        List<Finding> findings = run(dir);
        assertThat(findings).filteredOn(f -> f.ruleId().equals("no-drop"))
                .extracting(f -> f.location().file().displayPath() + ": " + f.message())
                .containsExactly("1_users.down.sql: drop users (created here) in down",
                        "2_more.up.sql: drop users (known)");
        // The chain ends without users: the down of 2 was not replayed forward.
        assertThat(findings).filteredOn(f -> f.ruleId().equals("every-table")).isEmpty();
        assertThat(findings).filteredOn(f -> f.ruleId().equals("down-restores")).isEmpty();
    }

    @Test
    void columnRulesSeeRetypesThatChangeTheTypeAndNothingOfADown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_t.up.sql"), "CREATE TABLE t (a int, b int);\n");
        Files.writeString(dir.resolve("1_t.down.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("2_t.up.sql"), "ALTER TABLE t ALTER COLUMN a TYPE timestamp, ALTER COLUMN b TYPE int;\n");
        Files.writeString(dir.resolve("2_t.down.sql"), "ALTER TABLE t ALTER COLUMN a TYPE int;\n");
        LintEngine columns = new LintEngine(new RuleRegistry(List.of(new EveryColumn(), meta(ParseError.ID),
                meta(UnusedSuppression.ID))));
        assertThat(columns.run(new LintRequest(List.of(dir), dir, Config.defaults())).findings())
                .filteredOn(f -> f.ruleId().equals("every-column"))
                .extracting(f -> f.location().file().displayPath() + ": " + f.message())
                .containsExactly("1_t.up.sql: t.a int", "1_t.up.sql: t.b int", "2_t.up.sql: t.a timestamp (retype)");
    }

    @Test
    void migrationRulesSeeTheSchemaBeforeAfterAndAfterTheDown(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("1_a.down.sql"), "DROP TABLE a;\n");
        Files.writeString(dir.resolve("2_b.up.sql"), "CREATE TABLE b (id int);\n");
        Files.writeString(dir.resolve("2_b.down.sql"), "SELECT 1;\n");
        assertThat(run(dir)).filteredOn(f -> f.ruleId().equals("down-restores"))
                .extracting(f -> f.location().file().displayPath() + ": " + f.message())
                .containsExactly("2_b.down.sql: 1 tables before up, 2 after up, 2 after down");
    }

    @Test
    void plainFilesRunOutsideATransactionUnlessConfigSaysOtherwise(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("drop.sql"), "DROP TABLE a;\n");
        assertThat(run(dir)).extracting(Finding::message).containsExactly("drop a");
    }

    @Test
    void schemaRuleFindingsCanBeSuppressedAtTheDefinitionSite() {
        Report report = engine.lintSources(List.of(SourceFile.of("1.sql",
                "-- migralint-ignore every-table\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);")),
                Config.defaults());
        assertThat(report.findings()).extracting(Finding::message, Finding::suppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("table a", true),
                        org.assertj.core.groups.Tuple.tuple("table b", false));
    }

    @Test
    void ddlInsideADoBlockReachesRulesAtItsOwnRange() {
        List<Finding> findings = lint("""
                CREATE TABLE a (id int);
                DO $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'a') THEN
                    DROP TABLE a;
                  END IF;
                END
                $$;
                """);
        assertThat(findings).extracting(Finding::message).containsExactly("drop a (created here)");
        assertThat(start(findings.get(0))).isEqualTo(new Position(5, 5));
    }

    private static Position start(Finding f) {
        return f.location().file().position(f.location().startOffset());
    }

    @Test
    void runsChangeRulesWithFactsFromEarlierStatements() {
        List<Finding> findings = lint("""
                DROP TABLE a;
                CREATE TABLE b (id int);
                BEGIN;
                DROP TABLE b;
                COMMIT;
                """);
        assertThat(findings).extracting(Finding::message)
                .containsExactly("drop a", "drop b (created here) in transaction");
        assertThat(start(findings.get(1))).isEqualTo(new Position(4, 1));
        assertThat(findings.get(0).help()).isEqualTo("keep it");
    }

    @Test
    void assumeInTransactionAppliesToEveryStatement() {
        Config config = ConfigLoader.parse(Path.of("c.yaml"), "assume-in-transaction: true\n");
        assertThat(lint("DROP TABLE a;", config)).extracting(Finding::message).containsExactly("drop a in transaction");
    }

    @Test
    void suppressesTheNextStatementAndKeepsTheFindingMarked() {
        List<Finding> findings = lint("""
                -- migralint-ignore no-drop -- legacy table, nobody reads it
                DROP TABLE a;
                DROP TABLE b;
                """);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).suppression()).isNotNull();
        assertThat(findings.get(0).suppression().kind()).isEqualTo(Suppression.Kind.INLINE);
        assertThat(findings.get(0).suppression().justification()).isEqualTo("legacy table, nobody reads it");
        assertThat(findings.get(1).suppressed()).isFalse();
    }

    @Test
    void fileSuppressionWorksFromAnywhereInTheFile() {
        List<Finding> findings = lint("DROP TABLE a;\nDROP TABLE b;\n/* migralint-ignore-file no-drop */\n");
        assertThat(findings).hasSize(2).allMatch(Finding::suppressed);
    }

    @Test
    void unusedAndUnknownSuppressionsAreFindings() {
        List<Finding> findings = lint("""
                -- migralint-ignore no-drop, no-such-rule
                CREATE TABLE t (id int);
                """);
        assertThat(findings).extracting(Finding::ruleId).containsOnly(UnusedSuppression.ID);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "Suppression of no-drop matches no finding on the next statement",
                "migralint-ignore names unknown rule 'no-such-rule'");
        // Each points at the rule id inside the comment.
        assertThat(start(findings.get(0))).isEqualTo(new Position(1, 21));
        assertThat(start(findings.get(1))).isEqualTo(new Position(1, 30));
    }

    @Test
    void unusedSuppressionCanItselfBeSilencedForTheFile() {
        List<Finding> findings = lint("""
                -- migralint-ignore-file unused-suppression
                -- migralint-ignore no-drop
                SELECT 1;
                """);
        assertThat(findings).hasSize(1).allMatch(Finding::suppressed);
    }

    @Test
    void parseErrorsPointAtTheOffendingToken() {
        List<Finding> findings = lint("SELECT 1;\nCREATE TABLE t (id int,, x int);\nDROP TABLE z;\n");
        assertThat(findings).extracting(Finding::ruleId).containsExactly(ParseError.ID, "no-drop");
        assertThat(start(findings.get(0)).line()).isEqualTo(2);
        assertThat(findings.get(0).message()).startsWith("Cannot parse statement: ");
    }

    @Test
    void configDisablesRulesAndOverridesSeverity() {
        Config off = Config.defaults().withRules(Map.of("no-drop", new RuleSetting(false, null, Map.of())));
        assertThat(lint("DROP TABLE a;", off)).isEmpty();
        Config error = Config.defaults().withRules(Map.of("no-drop", new RuleSetting(null, Severity.ERROR, Map.of())));
        assertThat(lint("DROP TABLE a;", error)).extracting(Finding::severity).containsExactly(Severity.ERROR);
        Report report = engine.lintSources(List.of(SourceFile.of("m.sql", "SELECT 1;")), error);
        assertThat(report.rules()).filteredOn(m -> m.id().equals("no-drop"))
                .extracting(RuleMeta::defaultSeverity).containsExactly(Severity.ERROR);
    }

    @Test
    void fingerprintsSurviveLineShiftsAndDistinguishRepeats() {
        List<Finding> before = lint("DROP TABLE a;\nDROP TABLE a;\n");
        List<Finding> after = lint("-- a comment\n\n\nDROP   TABLE a;\nDROP TABLE a;\n");
        assertThat(before).extracting(Finding::fingerprint).doesNotHaveDuplicates()
                .containsExactlyElementsOf(after.stream().map(Finding::fingerprint).toList());
        assertThat(lint("DROP TABLE b;\n").get(0).fingerprint()).isNotEqualTo(before.get(0).fingerprint());
    }

    @Test
    void runReadsFilesReportsUnreadableOnesAndRejectsMissingPaths(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "DROP TABLE a;\n");
        Files.write(dir.resolve("b.sql"), new byte[] {1, 0, 2});
        Report report = engine.run(new LintRequest(List.of(dir), dir, Config.defaults()));
        assertThat(report.findings()).extracting(f -> f.location().file().displayPath()).containsExactly("a.sql");
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("binary file"));
        assertThat(report.stats().files()).isEqualTo(2);
        assertThatThrownBy(() -> engine.run(new LintRequest(List.of(dir.resolve("nope")), dir, Config.defaults())))
                .isInstanceOf(InputException.class);
    }

    @Test
    void fingerprintsNameFilesRelativeToTheConfigFolderWhereverTheRunStarts(@TempDir Path dir) throws Exception {
        Path module = Files.createDirectories(dir.resolve("module/db"));
        Files.writeString(module.resolve("a.sql"), "DROP TABLE a;\n");
        Path file = dir.resolve(".migralint.yaml");
        Files.writeString(file, "rules:\n  every-table: off\n");
        Config config = ConfigLoader.load(file);
        Report fromRoot = engine.run(new LintRequest(List.of(Path.of("module/db")), dir, config));
        Report fromModule = engine.run(new LintRequest(List.of(Path.of("db")), dir.resolve("module"), config));
        assertThat(fromRoot.findings()).extracting(f -> f.location().file().displayPath())
                .containsExactly("module/db/a.sql");
        assertThat(fromModule.findings()).extracting(f -> f.location().file().displayPath())
                .containsExactly("db/a.sql");
        assertThat(fromRoot.findings()).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(fromModule.findings().stream().map(Finding::fingerprint).toList());
    }

    @Test
    void runRejectsUnknownRulesInConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".migralint.yaml");
        Files.writeString(file, "rules:\n  nope: off\n");
        Config config = ConfigLoader.load(file);
        assertThatThrownBy(() -> engine.run(new LintRequest(List.of(dir), dir, config)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown rule 'nope'");
    }
}
