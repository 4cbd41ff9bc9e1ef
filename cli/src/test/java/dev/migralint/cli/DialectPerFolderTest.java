package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project with a MySQL and a PostgreSQL migration folder, linted from its root: each folder in its own dialect. */
class DialectPerFolderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write("db/mysql/V1__init.sql", """
                CREATE TABLE `users` (
                  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
                  `email` varchar(255) NOT NULL,
                  PRIMARY KEY (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8;
                """);
        write("db/mysql/V2__index.sql", "CREATE INDEX users_email_idx ON `users` (`email`);\n");
        write("db/postgres/V1__init.sql", """
                CREATE TABLE users (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  email text NOT NULL
                );
                """);
        write("db/postgres/V2__index.sql", "CREATE INDEX users_email_idx ON users (email);\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** "rule file" of every finding of a JSON report. */
    private static List<String> findings(CliRun run) throws IOException {
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            out.add(f.get("ruleId").asText() + " " + f.get("file").asText());
        }
        return out;
    }

    @Test
    void eachFolderIsLintedInTheDialectItsNameShows() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "json", "--fail-on", "never", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(findings(run)).doesNotContain("parse-error db/mysql/V1__init.sql")
                .contains("require-concurrent-index db/postgres/V2__index.sql")
                .doesNotContain("require-concurrent-index db/mysql/V2__index.sql")
                .contains("mysql-utf8mb3 db/mysql/V1__init.sql")
                .doesNotContain("mysql-utf8mb3 db/postgres/V1__init.sql");
        assertThat(findings(run)).noneMatch(f -> f.startsWith("parse-error"));
    }

    @Test
    void theDialectFlagForcesOneOnEveryFolder() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "json", "--fail-on", "never", "--dialect", "postgresql", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        // MySQL's rules do not run on PostgreSQL
        assertThat(findings(run)).contains("require-concurrent-index db/postgres/V2__index.sql")
                .noneMatch(f -> f.startsWith("mysql-utf8mb3"));
    }

    @Test
    void configSetsTheDialectOfAFolderWhoseNameSaysNothing() throws IOException {
        write("legacy/V1__init.sql", "CREATE TABLE users (id int NOT NULL, email varchar(255));\n");
        write("legacy/V2__index.sql", "CREATE INDEX users_email_idx ON users (email);\n");
        write(".migralint.yaml", "migrations:\n  - {path: legacy, dialect: mysql}\n");

        CliRun configured = CliRun.in(dir, "check", "--format", "json", "--fail-on", "never", "legacy");
        write(".migralint.yaml", "migrations:\n  - legacy\n");
        CliRun detected = CliRun.in(dir, "check", "--format", "json", "--fail-on", "never", "legacy");

        assertThat(findings(configured)).doesNotContain("require-concurrent-index legacy/V2__index.sql");
        assertThat(findings(detected)).contains("require-concurrent-index legacy/V2__index.sql");
    }

    @Test
    void anUnknownDialectInAnEntryIsAOneLineConfigErrorWithItsPosition() throws IOException {
        write(".migralint.yaml", "migrations:\n  - path: db/mysql\n    dialect: sybase\n");

        CliRun run = CliRun.in(dir, "check", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).matches(
                "migralint: .*\\.migralint\\.yaml:3:5: unknown dialect 'sybase' for db/mysql \\(use postgresql, mysql or generic\\)");
        assertThat(run.out()).isEmpty();
    }
}
