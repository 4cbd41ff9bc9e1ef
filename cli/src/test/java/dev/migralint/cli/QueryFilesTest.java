package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query files through the real entry point: given with --queries or named by the config's queries. */
class QueryFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write("db/migration/V1__create_users.sql", """
                SET lock_timeout = '2s';
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy_code text);
                """);
        write("db/migration/V2__drop_legacy_code.sql", """
                SET lock_timeout = '2s';
                ALTER TABLE users DROP COLUMN legacy_code;
                """);
        write("sql/users.sql", """
                -- name: GetUser :one
                SELECT id, email FROM users WHERE id = $1;

                -- name: FindLegacy :many
                SELECT id FROM users WHERE legacy_code = $1;
                """);
    }

    @Test
    void queryFilesAreJudgedAgainstTheSchemaTheMigrationsEndWith() {
        CliRun run = CliRun.in(dir, "check", "db/migration", "--queries", "sql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("sql/users.sql:5:28: error[unknown-column] FindLegacy: Column users.legacy_code"
                + " no longer exists: db/migration/V2__drop_legacy_code.sql dropped it");
        // the query file is not replayed as a migration: the SELECT that is fine reports nothing
        assertThat(run.out()).doesNotContain("sql/users.sql:2");
    }

    @Test
    void theConfigsQueriesAreCheckedWhenNoPathIsGiven() throws IOException {
        write(".migralint.yaml", "migrations: [db/migration]\nqueries: [sql/users.sql]\n");

        CliRun run = CliRun.in(dir, "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("sql/users.sql:5:28: error[unknown-column] FindLegacy:");
    }

    @Test
    void aMissingQueryPathIsAnInputError() {
        CliRun run = CliRun.in(dir, "check", "db/migration", "--queries", "nowhere");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("nowhere");
    }

    /**
     * With placeholders declared, a union in parentheses over an {@code @name::type} operand gave Calcite
     * nodes with no position, and reading their text ended the whole run with an internal error.
     */
    @Test
    void aQueryWhoseValidatedTreeHasNodesWithoutPositionDoesNotEndTheRun() throws IOException {
        write(".migralint.yaml", "placeholders: {schema: app}\n");
        write("sql/union.sql", """
                SELECT (
                    (SELECT id FROM users WHERE email = @mail::char(4) ORDER BY id LIMIT 1)
                    UNION
                    SELECT id FROM users WHERE email = 'a@b' ORDER BY id LIMIT 1
                ) LIMIT 1;
                SELECT id FROM users WHERE id = 'abc';
                """);

        CliRun run = CliRun.in(dir, "check", "db/migration", "--queries", "sql/union.sql");

        assertThat(run.err()).as(run.toString()).doesNotContain("internal error");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("sql/union.sql:6:").contains("query-type-mismatch");
    }

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
