package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make ends in one line on standard error and exit code 2. */
class UsageErrorTest {
    @TempDir
    Path dir;

    @Test
    void missingPath() {
        CliRun run = CliRun.in(dir, "check", "no/such/dir");

        assertOneLineError(run);
        assertThat(run.err()).isEqualTo("migralint: error: path not found: no/such/dir\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownFlag() {
        CliRun run = CliRun.in(dir, "check", "--frobnicate", ".");

        assertOneLineError(run);
        assertThat(run.err()).contains("--frobnicate").contains("migralint check --help");
    }

    @Test
    void badFormatValueListsTheValidOnes() {
        CliRun run = CliRun.in(dir, "check", "--format", "xml", ".");

        assertOneLineError(run);
        assertThat(run.err()).contains("'xml' is not one of text, json, sarif, github");
    }

    @Test
    void badFailOnAndDialectValues() {
        assertOneLineError(CliRun.in(dir, "check", "--fail-on", "sometimes", "."));
        assertOneLineError(CliRun.in(dir, "check", "--dialect", "oracle", "."));
    }

    @Test
    void unknownConfigKeyNamesFileLineAndKey() throws IOException {
        Files.writeString(dir.resolve(".migralint.yaml"), "dialect: postgresql\nfail_on: warning\n");
        Files.writeString(dir.resolve("a.sql"), "SELECT 1;\n");

        CliRun run = CliRun.in(dir, "check", "a.sql");

        assertOneLineError(run);
        assertThat(run.err()).contains(".migralint.yaml:2").contains("fail_on");
    }

    @Test
    void unknownRuleInConfig() throws IOException {
        Files.writeString(dir.resolve("cfg.yaml"), "rules:\n  no-such-rule: off\n");
        Files.writeString(dir.resolve("a.sql"), "SELECT 1;\n");

        CliRun run = CliRun.in(dir, "check", "--config", "cfg.yaml", "a.sql");

        assertOneLineError(run);
        assertThat(run.err()).contains("cfg.yaml:2").contains("no-such-rule");
    }

    @Test
    void aRuleOptionOfTheWrongKindIsAUsageErrorNamingFileLineOptionAndValues() throws IOException {
        Files.writeString(dir.resolve("cfg.yaml"), "rules:\n  too-many-indexes: {max: lots}\n");
        Files.writeString(dir.resolve("a.sql"), "SELECT 1;\n");

        CliRun run = CliRun.in(dir, "check", "--config", "cfg.yaml", "a.sql");

        assertOneLineError(run);
        assertThat(run.err()).contains("cfg.yaml:2:22: option max of rule too-many-indexes: 'lots' is not a whole number");
    }

    @Test
    void missingConfigFile() {
        CliRun run = CliRun.in(dir, "check", "--config", "nope.yaml", ".");

        assertOneLineError(run);
        assertThat(run.err()).contains("nope.yaml");
    }

    @Test
    void noCommand() {
        CliRun run = CliRun.in(dir);

        assertOneLineError(run);
        assertThat(run.err()).contains("missing command").contains("check");
    }

    @Test
    void unknownCommand() {
        assertOneLineError(CliRun.in(dir, "lint", "."));
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun run = CliRun.in(dir, "check", "--debug", "no/such/dir");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("\tat ").endsWith("migralint: error: path not found: no/such/dir\n");
    }

    @Test
    void internalErrorsExitThreeWithAHintAndNoStackTrace() {
        StringWriter err = new StringWriter();

        int code = ExceptionMapper.report(new IllegalStateException("index out of step"), new PrintWriter(err), false);

        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).isEqualTo("migralint: internal error: IllegalStateException: index out of step"
                + " (run with --debug for the stack trace)\n");
    }

    @Test
    void internalErrorsWithDebugShowTheStackTrace() {
        StringWriter err = new StringWriter();

        int code = ExceptionMapper.report(new StackOverflowError(), new PrintWriter(err), true);

        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString()).contains("\tat ").contains("migralint: internal error: java.lang.StackOverflowError");
    }

    private static void assertOneLineError(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("migralint: error: ").doesNotContain("\tat ");
    }
}
