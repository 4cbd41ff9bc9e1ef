package dev.migralint.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the whole pipeline a migration goes through: lexer, splitter, token grammar, JSqlParser,
 * change translation, replay and every rule, in each dialect. Nothing may throw, whatever the text.
 *
 * <p>{@code mvn test} runs the seeds in {@code src/test/resources/dev/migralint/rules/EngineFuzzTestInputs/}
 * as regression tests. A campaign (docs/hostile-input.md):
 * {@code JAZZER_FUZZ=1 mvn -o test -pl rules -Dtest=EngineFuzzTest -Djazzer.instrument=dev.migralint.**}, for up to
 * 12 minutes or the first crash; a crash
 * is saved to that folder, where it stays as a seed once fixed.
 */
class EngineFuzzTest {
    private static final RuleRegistry RULES = RuleRegistry.load(EngineFuzzTest.class.getClassLoader());
    private static final Path BASE = Path.of("fuzz").toAbsolutePath();
    private static final Path FILE = BASE.resolve("V1__fuzz.sql");

    @FuzzTest(maxDuration = "12m")
    void lintsAnyMigration(byte[] input) {
        String sql = new String(input, StandardCharsets.UTF_8);
        for (Dialect dialect : Dialect.values()) {
            Config config = Config.defaults().withDialect(dialect);
            Report report = new LintEngine(RULES).run(new LintRequest(List.of(FILE), BASE, config).withText(FILE, sql));
            // the engine goes on from a rule that throws and reports it: for the fuzzer that is the crash
            for (InputProblem p : report.problems()) {
                if (p.internal()) {
                    throw new IllegalStateException(dialect + ": " + p.message());
                }
            }
        }
    }
}
