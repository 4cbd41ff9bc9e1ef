package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many times the fixer lints the run again: it must not grow with the number of withheld fixes. */
class FixerTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load(FixerTest.class.getClassLoader());

    @Test
    void withholdingManyFixesTakesAFixedNumberOfRuns(@TempDir Path dir) throws IOException {
        // Each migration also adds a column, so Flyway runs it in a transaction and CONCURRENTLY would fail.
        int files = 40;
        writeMigrations(dir, files, "text");
        Fixer.Plan plan = plan(dir, "require-lock-timeout: off\n");

        assertThat(plan.applied()).isEmpty();
        assertThat(plan.withheld()).hasSize(files).allSatisfy(w -> assertThat(w.reason())
                .isEqualTo("it would introduce concurrent-index-in-transaction"));
        assertThat(plan.lints()).isLessThanOrEqualTo(3);
    }

    @Test
    void harmlessFixesNextToWithheldOnesAreAppliedInTheSameRuns(@TempDir Path dir) throws IOException {
        int files = 30;
        writeMigrations(dir, files, "timestamp");
        Fixer.Plan plan = plan(dir, "require-lock-timeout: off\n");

        assertThat(plan.applied()).hasSize(files).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("prefer-timestamptz"));
        assertThat(plan.withheld()).hasSize(files);
        assertThat(plan.after().values()).allSatisfy(text -> assertThat(text).contains(" timestamptz;")
                .doesNotContain("CONCURRENTLY"));
        assertThat(plan.lints()).isLessThanOrEqualTo(6);
    }

    /** Migration i adds column ci of {@code type} to t and indexes it without CONCURRENTLY. */
    private static void writeMigrations(Path dir, int files, String type) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db/migration"));
        for (int i = 1; i <= files; i++) {
            Files.writeString(folder.resolve("V" + i + "__c" + i + ".sql"), "ALTER TABLE t ADD COLUMN c" + i + " " + type
                    + ";\nCREATE INDEX t_c" + i + "_idx ON t (c" + i + ");\n");
        }
    }

    private static Fixer.Plan plan(Path dir, String rules) throws IOException {
        Config config = ConfigLoader.parse(dir.resolve(".migralint.yaml"),
                "dialect: postgresql\ntarget-version: 16\nmigrations: [db/migration]\nrules:\n  " + rules);
        LintEngine engine = new LintEngine(REGISTRY);
        LintRequest request = new LintRequest(List.of(dir), dir, config);
        Report initial = engine.run(request);
        return new Fixer(engine, request, Set.of()).plan(initial);
    }
}
