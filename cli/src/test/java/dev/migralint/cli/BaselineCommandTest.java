package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migralint baseline} records findings; {@code check} with the baseline reports only new ones. */
class BaselineCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                country char(2)
            );
            """;
    private static final String TIMEOUT = "SET lock_timeout = '5s';\n";
    private static final String INDEX = "CREATE INDEX users_country_idx ON users (country);\n";
    private static final String V2 = TIMEOUT + INDEX;

    @TempDir
    Path dir;

    @BeforeEach
    void migrations() throws IOException {
        write("db/V1__users.sql", V1);
        write("db/V2__index.sql", V2);
    }

    @Test
    void recordsEveryActiveFindingAndCheckThenReportsNothing() throws IOException {
        CliRun record = CliRun.in(dir, "baseline", "db");

        assertThat(record.exitCode()).as(record.toString()).isEqualTo(ExitCodes.OK);
        assertThat(record.out()).isEqualTo("Recorded 2 findings in .migralint-baseline.json.\n");
        JsonNode baseline = JSON.readTree(dir.resolve(".migralint-baseline.json").toFile());
        assertThat(baseline.get("version").asInt()).isEqualTo(1);
        assertThat(ruleIds(baseline.get("entries"))).containsExactly("ban-char", "require-concurrent-index");

        CliRun check = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "db");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).isEqualTo("No problems found in 2 files (2 suppressed).\n");
    }

    @Test
    void lineShiftsKeepFindingsBaselinedAndANewOneIsReported() throws IOException {
        CliRun.in(dir, "baseline", "db");
        write("db/V1__users.sql", "-- users and where they live\n\n" + V1);
        write("db/V3__more.sql", TIMEOUT + "CREATE INDEX users_id_country_idx ON users (id, country);\n");

        CliRun check = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "db");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(check.out()).contains("db/V3__more.sql:2:1: warning[require-concurrent-index]")
                .doesNotContain("V1__users.sql").doesNotContain("V2__index.sql")
                .endsWith("1 warning in 3 files (2 suppressed)\n");
    }

    @Test
    void aFixedFindingDisappearsAndReRecordingDropsIt() throws IOException {
        CliRun.in(dir, "baseline", "db");
        write("db/V1__users.sql", V1.replace("char(2)", "text"));

        CliRun check = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "--format", "json", "db");
        assertThat(check.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ruleIds(JSON.readTree(check.out()).get("findings"))).containsExactly("require-concurrent-index");

        CliRun again = CliRun.in(dir, "baseline", "db");
        assertThat(again.out()).isEqualTo("Recorded 1 finding in .migralint-baseline.json.\n");
    }

    @Test
    void configBaselineIsRelativeToTheConfigFileAndNoBaselineIgnoresIt() throws IOException {
        write("lint/.migralint.yaml", "baseline: known.json\n");
        CliRun record = CliRun.in(dir, "baseline", "--config", "lint/.migralint.yaml", "db");
        assertThat(record.out()).isEqualTo("Recorded 2 findings in lint/known.json.\n");
        assertThat(dir.resolve("lint/known.json")).exists();

        CliRun check = CliRun.in(dir, "check", "--config", "lint/.migralint.yaml", "db");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);

        CliRun all = CliRun.in(dir, "check", "--config", "lint/.migralint.yaml", "--no-baseline", "db");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(all.out()).contains("warning[ban-char]").contains("warning[require-concurrent-index]");
    }

    @Test
    void baselinedFindingsAreSuppressedInSarifAndJson() throws IOException {
        CliRun.in(dir, "baseline", "db");

        CliRun sarif = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "--format", "sarif", "db");
        JsonNode results = JSON.readTree(sarif.out()).at("/runs/0/results");
        assertThat(results).hasSize(2).allSatisfy(r ->
                assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("external"));

        CliRun json = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "--format", "json", "db");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(2);
        assertThat(report.get("findings")).allSatisfy(f -> {
            assertThat(f.get("suppressed").asBoolean()).isTrue();
            assertThat(f.at("/suppression/kind").asText()).isEqualTo("baseline");
        });

        CliRun gitlab = CliRun.in(dir, "check", "--baseline", ".migralint-baseline.json", "--format", "gitlab", "db");
        assertThat(gitlab.out()).isEqualTo("[]\n");
    }

    @Test
    void inlineSuppressedFindingsAreNotRecorded() throws IOException {
        write("db/V2__index.sql", TIMEOUT + "-- migralint-ignore require-concurrent-index -- table is tiny\n" + INDEX);

        CliRun record = CliRun.in(dir, "baseline", "-o", "b.json", "db");

        assertThat(record.out()).isEqualTo("Recorded 1 finding in b.json.\n");
    }

    @Test
    void missingBaselineIsExitTwoWithOneLine() {
        CliRun run = CliRun.in(dir, "check", "--baseline", "nope.json", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("migralint: error: baseline file not found: "
                + dir.resolve("nope.json") + " (record one with `migralint baseline`)");
    }

    @Test
    void missingConfiguredBaselineIsExitTwo() throws IOException {
        write(".migralint.yaml", "baseline: known.json\n");

        CliRun run = CliRun.in(dir, "check", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("baseline file not found: " + dir.resolve("known.json"));
    }

    @Test
    void invalidBaselineIsExitTwoWithOneLine() throws IOException {
        write("bad.json", "{\"version\": 1, \"entries\": [}\n");

        CliRun run = CliRun.in(dir, "check", "--baseline", "bad.json", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).startsWith("migralint: error: " + dir.resolve("bad.json") + ":1:")
                .contains("not a migralint baseline");
    }

    @Test
    void baselineAndNoBaselineTogetherIsAUsageError() {
        CliRun run = CliRun.in(dir, "check", "--baseline", "x.json", "--no-baseline", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("migralint: error: --baseline and --no-baseline cannot be used together");
    }

    @Test
    void anUnreadableFileMeansNoBaselineIsWritten() throws IOException {
        // NUL bytes make it binary (FF FE would now be read as UTF-16).
        Files.write(dir.resolve("db/V3__binary.sql"), new byte[] {0x41, 0, 1, 2});

        CliRun run = CliRun.in(dir, "baseline", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("db/V3__binary.sql").endsWith("baseline not written: 1 file could not be read\n");
        assertThat(dir.resolve(".migralint-baseline.json")).doesNotExist();
    }

    private static List<String> ruleIds(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.get("ruleId").asText()));
        return ids;
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
