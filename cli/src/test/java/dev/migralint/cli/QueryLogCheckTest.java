package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --query-log} and the config's {@code query-logs:}, end to end through the real entry point. */
class QueryLogCheckTest {
    /** An N+1 in pid 6596: the parent on line 2, three children from line 3, pid 6597 in between. */
    private static final String LOG = """
            2026-11-22 06:18:24.238 UTC [6596] app@shop LOG:  connection authorized: user=app database=shop
            2026-11-22 06:18:24.247 UTC [6596] app@shop LOG:  statement: SELECT id FROM orders WHERE customer_id = 7;
            2026-11-22 06:18:24.279 UTC [6596] app@shop LOG:  statement: SELECT qty FROM order_items WHERE order_id = 16;
            2026-11-22 06:18:24.290 UTC [6597] app@shop LOG:  statement: SELECT count(*) FROM customers;
            2026-11-22 06:18:24.311 UTC [6596] app@shop LOG:  statement: SELECT qty FROM order_items WHERE order_id = 17;
            2026-11-22 06:18:24.342 UTC [6596] app@shop LOG:  statement: SELECT qty FROM order_items WHERE order_id = 18;
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void log() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/postgresql.log"), LOG);
    }

    @Test
    void textShowsTheFirstChildsLineBothFingerprintsTheCountAndTheParentsLine() {
        CliRun run = CliRun.in(dir, "check", "--query-log", "logs/postgresql.log");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("logs/postgresql.log:3:1: warning[n-plus-one-log] 3 executions of "
                        + "`SELECT qty FROM order_items WHERE order_id = ?` follow "
                        + "`SELECT id FROM orders WHERE customer_id = ?` in one session")
                .contains("3 | 2026-11-22 06:18:24.279 UTC [6596]")
                .contains("note: logs/postgresql.log:2:1: The statement whose rows the loop walks")
                .contains("1 warning in 1 file");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonAndSarifCarryTheCountAsAProperty() throws IOException {
        JsonNode json = new ObjectMapper().readTree(
                CliRun.in(dir, "check", "--format", "json", "--query-log", "logs/postgresql.log").out());
        JsonNode finding = json.path("findings").path(0);
        assertThat(finding.path("ruleId").asText()).isEqualTo("n-plus-one-log");
        assertThat(finding.path("properties").path("count").asInt()).isEqualTo(3);
        assertThat(finding.path("start").path("line").asInt()).isEqualTo(3);
        assertThat(finding.path("related").path(0).path("start").path("line").asInt()).isEqualTo(2);

        JsonNode sarif = new ObjectMapper().readTree(
                CliRun.in(dir, "check", "--format", "sarif", "--query-log", "logs/postgresql.log").out());
        JsonNode result = sarif.path("runs").path(0).path("results").path(0);
        assertThat(result.path("properties").path("count").asInt()).isEqualTo(3);
        assertThat(result.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(3);
        assertThat(result.path("relatedLocations").path(0).path("physicalLocation").path("region").path("startLine")
                .asInt()).isEqualTo(2);
    }

    @Test
    void theConfigsLogLinePrefixNamesTheSessionWhereInferenceCannot() throws IOException {
        // '%m %l %p ': the line number comes first, so inference takes it for the session and every
        // line is a session of its own; with the prefix from the config the pid groups them.
        Files.writeString(dir.resolve("logs/numbered.log"), """
                2026-11-22 06:18:24.238 UTC 1 6596 LOG:  connection authorized: user=app database=shop
                2026-11-22 06:18:24.247 UTC 2 6596 LOG:  statement: SELECT id FROM orders WHERE customer_id = 7;
                2026-11-22 06:18:24.279 UTC 3 6596 LOG:  statement: SELECT qty FROM order_items WHERE order_id = 16;
                2026-11-22 06:18:24.290 UTC 1 6597 LOG:  statement: SELECT count(*) FROM customers;
                2026-11-22 06:18:24.311 UTC 4 6596 LOG:  statement: SELECT qty FROM order_items WHERE order_id = 17;
                2026-11-22 06:18:24.342 UTC 5 6596 LOG:  statement: SELECT qty FROM order_items WHERE order_id = 18;
                """);
        Files.writeString(dir.resolve("inferred.yaml"), "query-logs: [logs/numbered.log]\n");
        Files.writeString(dir.resolve("configured.yaml"), "query-logs: [logs/numbered.log]\nlog-line-prefix: '%m %l %p '\n");

        CliRun inferred = CliRun.in(dir, "check", "--config", "inferred.yaml");
        CliRun configured = CliRun.in(dir, "check", "--config", "configured.yaml");

        assertThat(inferred.exitCode()).as(inferred.toString()).isEqualTo(ExitCodes.OK);
        assertThat(configured.exitCode()).as(configured.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(configured.out()).contains("logs/numbered.log:3:1: warning[n-plus-one-log] 3 executions of");
    }

    @Test
    void theConfigsQueryLogsAreCheckedRelativeToTheConfigFolder() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve(".migralint.yaml"), "migrations: [db]\nquery-logs: [logs/postgresql.log]\n");

        CliRun run = CliRun.in(dir, "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("logs/postgresql.log:3:1: warning[n-plus-one-log]");
    }

    @Test
    void aMissingLogIsAnInputProblemWithExitTwo() {
        CliRun run = CliRun.in(dir, "check", "--query-log", "logs/absent.log");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("logs/absent.log").contains("query log not found");
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
