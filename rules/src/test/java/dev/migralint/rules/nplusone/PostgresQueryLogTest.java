package dev.migralint.rules.nplusone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.schema.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Log formats drift between versions, so the readers are checked against what a real server writes,
 * not only against stored text: a throw-away PostgreSQL cluster (as the replay differential test
 * starts one) logs to stderr, csvlog and jsonlog at once, psql runs a scripted N+1 (simple protocol,
 * then SQL-level PREPARE/EXECUTE) next to a clean batched query, and each of the three logs must give
 * exactly the two N+1 findings with their counts. Skips, saying why, without PostgreSQL binaries.
 */
@Tag("slow")
@Tag("postgres")
class PostgresQueryLogTest {
    private static final String SCHEMA = """
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL);
            CREATE TABLE order_items (order_id int NOT NULL, qty int NOT NULL);
            INSERT INTO orders SELECT g, g % 3 FROM generate_series(1, 9) g;
            INSERT INTO order_items SELECT g % 9 + 1, g FROM generate_series(1, 40) g;
            """;
    /** One session: an N+1 of 3 lookups, a batched query, then an N+1 of 4 EXECUTEs of a prepared statement. */
    private static final String WORKLOAD = """
            SELECT id FROM orders WHERE customer_id = 1 ORDER BY id;
            SELECT qty FROM order_items
             WHERE order_id = 1;
            SELECT qty FROM order_items
             WHERE order_id = 4;
            SELECT qty FROM order_items
             WHERE order_id = 7;
            SELECT order_id, qty FROM order_items WHERE order_id = ANY('{1,4,7}');
            PREPARE lines (int) AS SELECT sum(qty) FROM order_items WHERE order_id = $1;
            SELECT id FROM orders WHERE customer_id = 2 ORDER BY id;
            EXECUTE lines(2);
            EXECUTE lines(5);
            EXECUTE lines(8);
            EXECUTE lines(2);
            """;

    @Test
    void findsTheScriptedNPlusOneInEveryLogDestination() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        Optional<Path> bin = PostgresServer.findBinaries(why);
        assumeTrue(bin.isPresent(), () -> "PostgreSQL query-log test skipped: " + why);
        if (PostgresServer.isRoot()) {
            assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                    "PostgreSQL query-log test skipped: running as root and runuser is missing (initdb refuses root)");
        }
        List<String> settings = List.of("logging_collector = on", "log_directory = 'pg_log'",
                "log_filename = 'queries'", "log_destination = 'stderr,csvlog,jsonlog'", "log_statement = 'all'",
                "log_line_prefix = '%m [%p] %q%u@%d '", "log_connections = on", "log_disconnections = on",
                "lc_messages = 'C'");
        Path logs;
        Path copies = Files.createTempDirectory("migralint-pg-logs");
        try (PostgresServer server = PostgresServer.start(bin.get(), settings)) {
            server.createDatabase("shop");
            assertThat(server.psql("shop", SCHEMA).exit()).isZero();
            PostgresServer.Result run = server.psql("shop", WORKLOAD);
            assertThat(run.exit()).as(run.output()).isZero();
            logs = server.dataDirectory().resolve("pg_log");
            // The collector writes asynchronously: wait until the last statement is in every file.
            for (int i = 0; i < 100 && !allHold(logs, "lines(2)", 2); i++) {
                Thread.sleep(100);
            }
            for (String name : List.of("queries", "queries.csv", "queries.json")) {
                Files.copy(logs.resolve(name), copies.resolve(name));
            }
        }
        LintEngine engine = new LintEngine(RuleRegistry.load(getClass().getClassLoader()));
        try {
            for (String name : List.of("queries", "queries.csv", "queries.json")) {
                Report report = engine.run(new LintRequest(List.of(), copies,
                        Config.defaults().withQueryLogs(List.of(copies.resolve(name).toString()))));
                assertThat(report.problems()).as(name).isEmpty();
                assertThat(report.findings()).as(name).extracting(Finding::ruleId).containsOnly("n-plus-one-log");
                assertThat(report.findings()).as(name).extracting(f -> f.properties().get("count"))
                        .containsExactly(3, 4);
                assertThat(report.findings().get(0).message()).as(name)
                        .contains("`SELECT qty FROM order_items WHERE order_id = ?` follow "
                                + "`SELECT id FROM orders WHERE customer_id = ? ORDER BY id`");
                assertThat(report.findings().get(1).message()).as(name)
                        .contains("`SELECT sum(qty) FROM order_items WHERE order_id = ?`");
            }
        } finally {
            for (String name : List.of("queries", "queries.csv", "queries.json")) {
                Files.deleteIfExists(copies.resolve(name));
            }
            Files.deleteIfExists(copies);
        }
    }

    private static boolean allHold(Path logs, String text, int times) throws IOException {
        for (String name : List.of("queries", "queries.csv", "queries.json")) {
            Path f = logs.resolve(name);
            if (!Files.exists(f) || Files.readString(f).split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
                return false;
            }
        }
        return true;
    }
}
