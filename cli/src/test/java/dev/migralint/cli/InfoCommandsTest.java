package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --version, rules, explain and init. */
class InfoCommandsTest {
    @TempDir
    Path dir;

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.in(dir, "--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches("migralint \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void rulesListsEveryRegisteredRule() {
        CliRun run = CliRun.in(dir, "rules");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("ID ").contains("CATEGORY").contains("SEVERITY");
        RuleRegistry registry = RuleRegistry.load();
        assertThat(registry.all()).isNotEmpty();
        registry.all().forEach(rule -> assertThat(run.out())
                .containsPattern("(?m)^" + rule.meta().id() + " +" + rule.meta().category().id() + " +"
                        + rule.meta().defaultSeverity().id() + " +(on|off) +"));
        assertThat(run.out()).contains(registry.all().size() + " rules");
    }

    @Test
    void explainPrintsTheRulePage() {
        CliRun run = CliRun.in(dir, "explain", "require-concurrent-index");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("require-concurrent-index").contains("## Problem").contains("## Solution");
    }

    @Test
    void explainUnknownRuleSuggestsTheClosestId() {
        CliRun run = CliRun.in(dir, "explain", "require-concurent-index");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("migralint: error: unknown rule 'require-concurent-index'; did you mean"
                + " 'require-concurrent-index'? (run `migralint rules` for the list)\n");
    }

    @Test
    void initWritesAConfigThatLoadsAndNeverOverwritesIt() throws IOException {
        CliRun first = CliRun.in(dir, "init");
        Path file = dir.resolve(".migralint.yaml");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isEqualTo("wrote .migralint.yaml\n");
        Config config = ConfigLoader.load(file);
        assertThat(config.source()).isEqualTo(file);
        ConfigLoader.validateRules(config, RuleRegistry.load());

        Files.writeString(file, "fail-on: error\n");
        CliRun second = CliRun.in(dir, "init");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).isEqualTo("migralint: error: .migralint.yaml already exists; not overwriting it\n");
        assertThat(Files.readString(file)).isEqualTo("fail-on: error\n");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.in(dir, "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("check").contains("rules").contains("explain").contains("init")
                .contains("Exit codes");
    }
}
