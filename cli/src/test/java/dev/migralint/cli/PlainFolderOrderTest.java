package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data model shipped as ddl, keys and constraints files: name order is wrong; the files' contents or
 * order: fix it.
 */
class PlainFolderOrderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void model() throws IOException {
        write("cdm/cdm_constraints.sql", """
                ALTER TABLE visit ADD CONSTRAINT fpk_visit_person FOREIGN KEY (person_id) REFERENCES person (id);
                ALTER TABLE visit ADD CONSTRAINT fpk_visit_location FOREIGN KEY (location_id) REFERENCES location (id);
                """);
        write("cdm/cdm_ddl.sql", """
                CREATE TABLE location (id bigint NOT NULL);
                CREATE TABLE person (id bigint NOT NULL);
                CREATE TABLE visit (id bigint NOT NULL, person_id bigint, location_id bigint);
                """);
        write("cdm/cdm_primary_keys.sql", """
                ALTER TABLE location ADD CONSTRAINT xpk_location PRIMARY KEY (id);
                ALTER TABLE person ADD CONSTRAINT xpk_person PRIMARY KEY (id);
                ALTER TABLE visit ADD CONSTRAINT xpk_visit PRIMARY KEY (id);
                """);
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void withoutAnOrderUnnumberedFilesReplayAfterTheFilesThatCreateAndKeyTheirTables() {
        CliRun run = CliRun.in(dir, "check", "--fail-on", "never", "cdm");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("forward-reference").doesNotContain("foreign-key-target-not-unique")
                .contains("warning[unindexed-foreign-key] Foreign key visit");
    }

    @Test
    void numberedFilesKeepTheirOrderAndTheRefusedStatementsAreReportedOnce() throws IOException {
        write("numbered/1_constraints.sql", Files.readString(dir.resolve("cdm/cdm_constraints.sql")));
        write("numbered/2_ddl.sql", Files.readString(dir.resolve("cdm/cdm_ddl.sql")));

        CliRun run = CliRun.in(dir, "check", "--fail-on", "never", "numbered");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsOnlyOnce("info[forward-reference]")
                .contains("numbered/1_constraints.sql:1:19: info[forward-reference] 2 statements of this file refer to"
                        + " tables before they are created (visit)")
                .doesNotContain("unindexed-foreign-key");
    }

    @Test
    void anOrderInTheConfigReplaysTablesKeysThenConstraints() throws IOException {
        write(".migralint.yaml", """
                migrations:
                  - path: cdm
                    order: ["*_ddl.sql", "*_primary_keys.sql", "*_constraints.sql"]
                """);

        CliRun run = CliRun.in(dir, "check", "--fail-on", "never");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("forward-reference")
                .contains("warning[unindexed-foreign-key] Foreign key visit");
    }
}
