package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calcite loads lazily: a run over migrations without queries never loads a Calcite class, and a run
 * with a query does. Each run is a JVM of its own that logs the classes it loads, since the test JVM
 * has long loaded Calcite for other tests.
 */
class CalciteLoadingTest {
    @Test
    void aRunWithoutQueriesLoadsNoCalciteClass(@TempDir Path tmp) throws Exception {
        Path migration = tmp.resolve("V1__create.sql");
        Files.writeString(migration, """
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
                CREATE INDEX users_email_idx ON users (email);
                INSERT INTO users (id, email) VALUES (1, 'a@example.com');
                """);
        assertThat(loadedClasses(migration, List.of())).contains("dev.migralint.core.engine.LintEngine")
                .doesNotContain("org.apache.calcite");
    }

    @Test
    void aRunWithAQueryLoadsCalcite(@TempDir Path tmp) throws Exception {
        Path migration = tmp.resolve("V1__create.sql");
        Files.writeString(migration, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
        Path query = tmp.resolve("query.sql");
        Files.writeString(query, "-- name: GetUser :one\nSELECT id FROM users WHERE id = $1;\n");
        assertThat(loadedClasses(migration, List.of("--queries", query.toString())))
                .contains("org.apache.calcite.sql.validate.SqlValidator")
                // Calcite's SLF4J finds no logging backend in the CLI; it must not say so on stderr.
                .doesNotContain("SLF4J(");
    }

    private static String loadedClasses(Path migration, List<String> more) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--fail-on", "never"));
        command.addAll(more);
        command.add(migration.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out.lines().filter(l -> !l.contains("class,load")).toList().toString()).isZero();
        return out;
    }
}
