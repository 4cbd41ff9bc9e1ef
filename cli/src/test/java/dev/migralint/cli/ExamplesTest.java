package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example migrations in {@code examples/} show what migralint finds; this keeps them honest: each
 * rule their README-level promise names still fires, and the suppressed statement stays suppressed.
 */
class ExamplesTest {
    private static final Path EXAMPLES =
            Path.of(System.getProperty("migralint.repo.root", "..")).resolve("examples").toAbsolutePath().normalize();

    @Test
    void examplesTripTheRulesTheyShowcase() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "skipped: no examples folder at " + EXAMPLES);

        CliRun run = CliRun.with(new Environment(EXAMPLES, Map.of(), false), "check", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> active = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            // Named from the repository root in a git checkout (examples/db/...), else from examples/'s config folder.
            String file = f.path("file").asText().replaceFirst("^examples/", "");
            String where = f.path("ruleId").asText() + "@" + file + ":" + f.path("start").path("line");
            (f.path("suppressed").asBoolean() ? suppressed : active).add(where);
        }
        assertThat(active).contains(
                "null-comparison@db/migration/V1.1__fix_unknown_countries.sql:4",
                "ban-char@db/migration/V1__create_users.sql:6",
                "prefer-timestamptz@db/migration/V1__create_users.sql:7",
                "require-concurrent-index@db/migration/V3__index_users_by_signup_date.sql:2",
                "concurrent-index-in-transaction@db/migration/V4__index_orders_by_status.sql:3",
                "missing-where@db/migration/V5__prices_in_cents.sql:7",
                "select-star@db/migration/V5__prices_in_cents.sql:10",
                "unindexed-foreign-key@db/migration/V2__create_products_and_orders.sql:18");
        assertThat(active).noneMatch(f -> f.startsWith("require-concurrent-index@db/migration/V2"));
        assertThat(suppressed).containsExactly("missing-where@db/migration/V5__prices_in_cents.sql:4");
    }

    @Test
    void exampleConfigOverridesSeverities() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "skipped: no examples folder at " + EXAMPLES);

        CliRun run = CliRun.with(new Environment(EXAMPLES, Map.of(), false), "check");

        assertThat(run.out()).contains("error[ban-char]").contains("warning[select-star]");
    }
}
