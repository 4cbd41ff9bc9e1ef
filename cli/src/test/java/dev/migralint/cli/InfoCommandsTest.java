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
    void versionComesFromTheBuildWithCommitJavaAndLibraries() {
        CliRun run = CliRun.in(dir, "--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(3);
        // The commit is unknown only when the build ran outside a git checkout.
        boolean checkout = java.nio.file.Files.exists(
                Path.of(System.getProperty("migralint.repo.root", "..")).resolve(".git"));
        assertThat(lines[0]).matches("migralint \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit "
                + (checkout ? "[0-9a-f]{12}" : "unknown") + "\\)");
        assertThat(lines[1]).startsWith("Java " + System.getProperty("java.version") + " (");
        assertThat(lines[2]).matches("JSqlParser [0-9.]+, picocli [0-9.]+, Jackson [0-9.]+, java-sarif [0-9.]+");
        assertThat(lines[2]).contains("picocli " + picocli.CommandLine.VERSION);
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommandsAndOptionValues() {
        CliRun run = CliRun.in(dir, "completion");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("check").contains("explain").contains("--stdin-filename").contains("sarif")
                .contains("always");
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
