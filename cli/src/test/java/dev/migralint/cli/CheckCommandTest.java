package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final String CREATE_USERS = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL
            );
            """;
    /** users exists from V1, so a plain CREATE INDEX on it blocks writes. */
    private static final String INDEX_USERS = """
            -- look-ups by e-mail
            CREATE INDEX users_email_idx ON users (email);
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void migrations() throws IOException {
        Files.createDirectories(dir.resolve("db/clean"));
        Files.createDirectories(dir.resolve("db/findings"));
        write("db/clean/V1__create_users.sql", CREATE_USERS);
        write("db/findings/V1__create_users.sql", CREATE_USERS);
        write("db/findings/V2__index_users.sql", INDEX_USERS);
    }

    @Test
    void cleanMigrationsExitZero() {
        CliRun run = CliRun.in(dir, "check", "db/clean");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("No problems found");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void findingsExitOneWithPositionAndCodeFrame() {
        CliRun run = CliRun.in(dir, "check", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("db/findings/V2__index_users.sql:2:1: warning[require-concurrent-index]")
                .contains("2 | CREATE INDEX users_email_idx ON users (email);")
                .containsPattern("\\| \\^{10,}");
        assertThat(run.out()).doesNotContain("\u001b[");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void pathsDefaultToTheConfigsMigrationsRelativeToTheConfigFolder() throws Exception {
        Files.writeString(dir.resolve(".migralint.yaml"), "migrations: [db/clean]\n");
        Path sub = Files.createDirectories(dir.resolve("src/deep"));
        CliRun run = CliRun.in(sub, "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("No problems found");
    }

    @Test
    void pathsDefaultToTheWorkingDirectory() {
        CliRun run = CliRun.in(dir, "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("db/findings/V2__index_users.sql:2:1");
    }

    @Test
    void failOnNeverExitsZeroAndStillReports() {
        CliRun run = CliRun.in(dir, "check", "--fail-on", "never", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("require-concurrent-index");
    }

    @Test
    void failOnErrorIgnoresWarnings() {
        CliRun run = CliRun.in(dir, "check", "--fail-on", "error", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void jsonFormatParses() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "json", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.toString()).contains("require-concurrent-index").contains("V2__index_users.sql");
    }

    @Test
    void sarifFormatIsSarif210() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "sarif", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode result = sarif.path("runs").path(0).path("results").path(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("require-concurrent-index");
        assertThat(sarif.path("runs").path(0).path("tool").path("driver").path("version").asText())
                .isEqualTo(ToolVersion.get());
    }

    @Test
    void githubFormatWritesWorkflowCommands() {
        CliRun run = CliRun.in(dir, "check", "--format", "github", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).startsWith("::warning file=db/findings/V2__index_users.sql,line=2,");
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "json", "-o", "reports/lint.json", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        String written = Files.readString(dir.resolve("reports/lint.json"));
        assertThat(new ObjectMapper().readTree(written).toString()).contains("require-concurrent-index");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() throws IOException {
        Environment terminal = new Environment(dir, Map.of(), true);
        Environment noColor = new Environment(dir, Map.of("NO_COLOR", "1"), true);

        assertThat(CliRun.with(terminal, "check", "db/findings").out()).contains("\u001b[");
        assertThat(CliRun.with(noColor, "check", "db/findings").out()).doesNotContain("\u001b[");
        CliRun toFile = CliRun.with(terminal, "check", "-o", "out.txt", "db/findings");
        assertThat(toFile.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("require-concurrent-index")
                .doesNotContain("\u001b[");
    }

    @Test
    void configFileIsFoundFromTheWorkingDirectoryAndFlagsOverrideIt() throws IOException {
        write(".migralint.yaml", "fail-on: error\n");
        Path nested = Files.createDirectories(dir.resolve("sub/deeper"));

        CliRun fromConfig = CliRun.in(nested, "check", "../../db/findings");
        CliRun overridden = CliRun.in(nested, "check", "--fail-on", "warning", "../../db/findings");

        assertThat(fromConfig.exitCode()).as(fromConfig.toString()).isEqualTo(ExitCodes.OK);
        assertThat(overridden.exitCode()).as(overridden.toString()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void configOptionNamesTheFile() throws IOException {
        write("conf/strict.yaml", "rules:\n  require-concurrent-index: off\n  require-lock-timeout: off\n");

        CliRun run = CliRun.in(dir, "check", "--config", "conf/strict.yaml", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("require-concurrent-index");
    }

    @Test
    void unterminatedDollarQuoteIsAParseErrorWithItsPosition() throws IOException {
        write("broken/V1__function.sql", """
                CREATE TABLE t (id bigint PRIMARY KEY);
                CREATE FUNCTION f() RETURNS int AS $body$
                  SELECT 1;
                """);

        CliRun run = CliRun.in(dir, "check", "broken");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).containsPattern("broken/V1__function\\.sql:2:\\d+: warning\\[parse-error]");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void binaryFileIsAnInputProblemWithExitTwo() throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.write(dir.resolve("bin/V1__dump.sql"), new byte[] {'S', 'E', 'L', 0, 0, 1, 2, (byte) 0xFF});

        CliRun run = CliRun.in(dir, "check", "bin");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("bin/V1__dump.sql").contains("binary file");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void invalidUtf8IsAnInputProblemWithItsPosition() throws IOException {
        Files.createDirectories(dir.resolve("latin1"));
        byte[] text = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1/q.sql"), text);

        CliRun run = CliRun.in(dir, "check", "latin1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("latin1/q.sql:2:").contains("not valid UTF-8");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void inputProblemsStillPrintTheWholeReport() throws IOException {
        Files.write(dir.resolve("db/findings/V3__blob.sql"), new byte[] {0, 1, 2});

        CliRun run = CliRun.in(dir, "check", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("require-concurrent-index").contains("V3__blob.sql");
    }

    @Test
    void debugPrintsRunStatisticsWhereverItIsGiven() {
        CliRun after = CliRun.in(dir, "check", "--debug", "db/findings");
        CliRun before = CliRun.in(dir, "--debug", "check", "db/findings");

        for (CliRun run : new CliRun[] {after, before}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(run.err()).contains("migralint: debug: config (defaults), dialect postgresql, fail-on warning")
                    .containsPattern("migralint: debug: 2 files, 2 statements \\(1 parsed, 1 recognized, .*2 findings");
        }
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
