package dev.migralint.core.migration;

import static dev.migralint.core.migration.Fixtures.discover;
import static dev.migralint.core.migration.Fixtures.fileName;
import static dev.migralint.core.migration.Fixtures.onlyChain;
import static dev.migralint.core.migration.Fixtures.statements;
import static dev.migralint.core.migration.Fixtures.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One fixture folder per layout: detection, order, up/down pairs and transaction modes. */
class LayoutFixturesTest {

    @Test
    void flywayOrdersVersionsNumericallyPartByPartThenRepeatablesByDescription() {
        Discovery d = discover("flyway");
        MigrationChain c = d.chains().get(0);
        assertThat(c.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(c.displayRoot()).isEqualTo("flyway");
        assertThat(versions(c)).containsExactly("1", "1.1", "1.9", "1.10", "2", "3.1", "10", "13.1", "14", "15",
                "R:a functions", "R:views");
        Migration v2 = c.migrations().get(4);
        assertThat(v2.description()).isEqualTo("orders");
        assertThat(fileName(v2.down())).isEqualTo("U2__orders.sql");
        assertThat(c.migrations()).allMatch(m -> m.downExpected() == !m.repeatable());
        assertThat(c.migrations().get(5).up().file().displayPath()).isEqualTo("flyway/nested/V3_1__order_total.sql");
        assertThat(c.migrations().stream().filter(Migration::repeatable).count()).isEqualTo(2);
    }

    @Test
    void flywayMigrationsRunInFlywaysAutomaticModeUnlessTheirConfigSaysOtherwise() {
        MigrationChain c = discover("flyway").chains().get(0);
        assertThat(c.migrations()).filteredOn(m -> "15".equals(m.version()))
                .extracting(Migration::transactionMode).containsExactly(TransactionMode.NO_TRANSACTION);
        assertThat(c.migrations()).filteredOn(m -> !"15".equals(m.version()))
                .extracting(Migration::transactionMode).containsOnly(TransactionMode.FLYWAY_AUTO);
    }

    @Test
    void flywayBaselineIsAChainOfItsOwnAndOtherFilesAreLintedAlone() {
        Discovery d = discover("flyway");
        assertThat(d.chains()).hasSize(2);
        MigrationChain baseline = d.chains().get(1);
        assertThat(baseline.displayRoot()).isEqualTo("flyway/B14__baseline.sql");
        assertThat(versions(baseline)).containsExactly("14");
        assertThat(d.unchained()).extracting(SourceFile::displayPath).containsExactly("flyway/README.sql");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void golangMigratePairsUpAndDownInNumericOrder() {
        Discovery d = discover("golang-migrate");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(versions(c)).containsExactly("1", "2", "10");
        assertThat(c.migrations()).extracting(m -> fileName(m.down()))
                .containsExactly("1_init.down.sql", "2_email.down.sql", null);
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.IMPLICIT_TRANSACTION);
        assertThat(c.migrations()).allMatch(Migration::downExpected);
        assertThat(c.migrations().get(2).description()).isEqualTo("email_index");
    }

    @Test
    void sqlxIsToldFromGolangMigrateByItsCrateAndHonoursNoTransaction() {
        Discovery d = discover("sqlx");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.SQLX);
        assertThat(c.displayRoot()).isEqualTo("sqlx/migrations");
        assertThat(versions(c)).containsExactly("1", "2", "10");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.IMPLICIT_TRANSACTION, TransactionMode.IN_TRANSACTION);
    }

    @Test
    void dieselReadsOneFolderPerMigrationAndItsMetadata() {
        Discovery d = discover("diesel");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.DIESEL);
        assertThat(versions(c)).containsExactly("00000000000000", "20190102000000", "20190105000000", "20190110000000");
        assertThat(c.migrations()).extracting(Migration::description)
                .containsExactly("diesel_initial_setup", "create_users", "add_name", "users_email_index");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION,
                TransactionMode.IMPLICIT_TRANSACTION);
        assertThat(c.migrations().get(2).down()).isNull();
        assertThat(c.migrations()).allMatch(Migration::downExpected);
        assertThat(d.unchained()).extracting(SourceFile::displayPath).containsExactly("diesel/seed_data.sql");
    }

    @Test
    void dbmateCarvesUpAndDownSectionsOutOfOneFile() {
        MigrationChain c = onlyChain(discover("dbmate"));
        assertThat(c.layout()).isEqualTo(Layout.DBMATE);
        assertThat(versions(c)).containsExactly("20240101000000", "20240102000000", "20240103000000");
        Migration first = c.migrations().get(0);
        assertThat(statements(first.up())).containsExactly("CREATE TABLE users (\n  id bigint PRIMARY KEY\n)");
        assertThat(statements(first.down())).containsExactly("DROP TABLE users");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.IMPLICIT_TRANSACTION, TransactionMode.IN_TRANSACTION);
        assertThat(c.migrations().get(2).down()).isNull();
        assertThat(c.migrations()).allMatch(Migration::downExpected);
    }

    @Test
    void gooseKeepsStatementBlocksWholeAndHonoursNoTransaction() {
        MigrationChain c = onlyChain(discover("goose"));
        assertThat(c.layout()).isEqualTo(Layout.GOOSE);
        assertThat(versions(c)).containsExactly("00001", "00002", "00003", "00010");
        Migration function = c.migrations().get(1);
        List<String> up = statements(function.up());
        assertThat(up).hasSize(2);
        assertThat(up.get(0)).startsWith("CREATE FUNCTION touch()").endsWith("LANGUAGE plpgsql");
        assertThat(up.get(1)).isEqualTo("ALTER TABLE users ADD COLUMN updated_at timestamptz");
        assertThat(statements(function.down()))
                .containsExactly("ALTER TABLE users DROP COLUMN updated_at", "DROP FUNCTION touch()");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION, TransactionMode.NO_TRANSACTION,
                TransactionMode.IN_TRANSACTION);
    }

    @Test
    void liquibaseChangesetsAreMigrationsWithTheirRollbacks() {
        Discovery d = discover("liquibase");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.LIQUIBASE);
        assertThat(versions(c)).containsExactly("alice:1", "alice:2", "bob:3", "bob:4", "carol:6", "dave:7");
        Migration users = c.migrations().get(0);
        assertThat(users.description()).isEqualTo("users table");
        assertThat(statements(users.up())).containsExactly("CREATE TABLE users (id bigint PRIMARY KEY)");
        assertThat(statements(users.down())).containsExactly("DROP TABLE users");
        // the second --rollback line continues the statement; its prefix is blank in the script
        assertThat(statements(c.migrations().get(1).down()))
                .containsExactly("DROP INDEX CONCURRENTLY\n" + " ".repeat(13) + "users_id_idx");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.NO_TRANSACTION, TransactionMode.IN_TRANSACTION,
                TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION);
        assertThat(c.migrations()).allMatch(Migration::downExpected);
    }

    @Test
    void liquibaseEndDelimiterSplitStatementsAndRollbackBlocks() {
        MigrationChain c = onlyChain(discover("liquibase"));
        Migration functions = c.migrations().get(2);
        assertThat(statements(functions.up())).containsExactly(
                "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1; '",
                "CREATE FUNCTION two() RETURNS int LANGUAGE sql AS 'SELECT 2; '");
        assertThat(statements(functions.down())).containsExactly("DROP FUNCTION two();\nDROP FUNCTION one();");
        assertThat(statements(c.migrations().get(3).up()))
                .containsExactly("INSERT INTO users (id) VALUES (1);\nINSERT INTO users (id) VALUES (2)");
        Migration notRequired = c.migrations().get(4);
        assertThat(notRequired.down()).isNotNull();
        assertThat(notRequired.down().isBlank()).isTrue();
        assertThat(c.migrations().get(5).down()).isNull();
    }

    @Test
    void liquibaseChangesetsForAnotherDatabaseAreSkipped() {
        MigrationChain mysql = onlyChain(discover("liquibase", Dialect.MYSQL));
        assertThat(versions(mysql)).contains("carol:5");
    }

    @Test
    void sqitchFollowsThePlanIncludingReworkedChanges() {
        Discovery d = discover("sqitch");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.SQITCH);
        assertThat(versions(c)).containsExactly("appschema", "users@v1.0", "users");
        assertThat(c.migrations()).extracting(m -> fileName(m.up()))
                .containsExactly("appschema.sql", "users@v1.0.sql", "users.sql");
        assertThat(c.migrations()).extracting(m -> fileName(m.down()))
                .containsExactly("appschema.sql", "users@v1.0.sql", "users.sql");
        assertThat(c.migrations().get(2).description()).isEqualTo("Users get an email");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.NO_TRANSACTION);
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("missing").contains("sqitch/deploy/missing.sql");
            assertThat(p.location().file().displayPath()).isEqualTo("sqitch/sqitch.plan");
            assertThat(p.location().file().position(p.location().startOffset()).line()).isEqualTo(11);
        });
        assertThat(d.unchained()).isEmpty();
    }

    @Test
    void prismaReadsMigrationFoldersAndAnOptionalDownScript() {
        MigrationChain c = onlyChain(discover("prisma"));
        assertThat(c.layout()).isEqualTo(Layout.PRISMA);
        assertThat(versions(c)).containsExactly("20240101000000", "20240102000000");
        assertThat(c.migrations()).extracting(m -> fileName(m.down())).containsExactly(null, "down.sql");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.IMPLICIT_TRANSACTION);
        assertThat(c.migrations()).allMatch(Migration::downExpected);
    }

    @Test
    void popPicksTheDialectsVariantElseTheOneForAllDialects() {
        Discovery d = discover("pop");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.POP);
        assertThat(versions(c)).containsExactly("20240101000000", "20240102000000", "20240104000000", "20240105000000");
        assertThat(c.migrations()).extracting(m -> fileName(m.up())).containsExactly(
                "20240101000000_init.up.sql", "20240102000000_email.postgres.up.sql",
                "20240104000000_email_index.postgres.autocommit.up.sql", "20240105000000_name.up.sql");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsExactly(
                TransactionMode.IN_TRANSACTION, TransactionMode.IN_TRANSACTION, TransactionMode.NO_TRANSACTION,
                TransactionMode.IN_TRANSACTION);
        assertThat(d.unchained()).isEmpty();
    }

    @Test
    void popForMysqlUsesTheMysqlVariants() {
        MigrationChain c = onlyChain(discover("pop", Dialect.MYSQL));
        assertThat(c.migrations()).extracting(m -> fileName(m.up())).containsExactly(
                "20240101000000_init.up.sql", "20240102000000_email.mysql.up.sql",
                "20240103000000_engine.mysql.up.sql", "20240105000000_name.up.sql");
    }

    @Test
    void plainFoldersUseNaturalOrderAndPairUpWithDown() {
        Discovery d = discover("plain");
        MigrationChain c = onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.PLAIN);
        assertThat(c.migrations()).extracting(m -> fileName(m.up())).containsExactly(
                "patch-1-init.sql", "patch-2-email.sql", "patch-10-index.sql", "V0011.Names.up.sql");
        assertThat(fileName(c.migrations().get(3).down())).isEqualTo("V0011.Names.down.sql");
        assertThat(c.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.NO_TRANSACTION);
        assertThat(d.unchained()).extracting(SourceFile::displayPath).containsExactly("plain/cleanup.down.sql");
    }

    @Test
    void aProjectTreeGivesOneChainPerMigrationFolder() {
        Discovery d = discover("project");
        assertThat(d.chains()).extracting(MigrationChain::displayRoot, MigrationChain::layout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("project/db/mysql", Layout.GOLANG_MIGRATE),
                org.assertj.core.groups.Tuple.tuple("project/db/postgres", Layout.FLYWAY),
                // each version folder re-creates the other's tables: two whole schemas, not an upgrade
                org.assertj.core.groups.Tuple.tuple("project/ddl/5.3/postgresql", Layout.PLAIN),
                org.assertj.core.groups.Tuple.tuple("project/ddl/5.4/postgresql", Layout.PLAIN),
                org.assertj.core.groups.Tuple.tuple("project/mixed", Layout.PLAIN),
                org.assertj.core.groups.Tuple.tuple("project/upgrade/*/mysql", Layout.PLAIN),
                org.assertj.core.groups.Tuple.tuple("project/upgrade/*/postgresql", Layout.PLAIN));
        MigrationChain pg = d.chains().get(6);
        assertThat(pg.migrations()).extracting(m -> m.up().file().displayPath()).containsExactly(
                "project/upgrade/1.0.0_schema/postgresql/ddl.sql",
                "project/upgrade/1.2.0_schema/postgresql/ddl.sql",
                "project/upgrade/1.2.0_schema/postgresql/dml.sql",
                "project/upgrade/1.10.0_schema/postgresql/ddl.sql");
    }

    @Test
    void unnumberedPlainFilesReplayAfterTheFilesThatCreateAndKeyTheirTables() {
        MigrationChain c = onlyChain(discover("plain-unnumbered"));
        // natural order would be aaa_comments, constraints, ddl, indices, primary_keys: the comment
        // needs a table ddl creates IF NOT EXISTS, the foreign key the tables (ddl) and the key it
        // points at (primary_keys)
        assertThat(c.migrations()).extracting(m -> fileName(m.up())).containsExactly(
                "cdm_ddl.sql", "aaa_comments.sql", "cdm_primary_keys.sql", "cdm_constraints.sql", "cdm_indices.sql");
    }

    @Test
    void numberedPlainFilesKeepTheirOrderEvenWhenAFileRefersAhead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_index.sql"), "CREATE INDEX i ON t (x);\n");
        Files.writeString(dir.resolve("2_table.sql"), "CREATE TABLE t (x int);\n");
        MigrationChain c = onlyChain(MigrationDiscovery.discover(List.of(dir), dir, Dialect.POSTGRESQL, Map.of()));
        assertThat(c.migrations()).extracting(m -> fileName(m.up())).containsExactly("1_index.sql", "2_table.sql");
    }

    @Test
    void aPlainFolderWithATeardownScriptKeepsNameOrder(@TempDir Path dir) throws Exception {
        // sakila's shape: scripts run one at a time, so the schema must not move before the teardown
        Files.writeString(dir.resolve("db-data.sql"), "INSERT INTO t VALUES (1);\n");
        Files.writeString(dir.resolve("db-drop.sql"), "DROP TABLE t;\n");
        Files.writeString(dir.resolve("db-schema.sql"), "CREATE TABLE t (x int);\n");
        MigrationChain c = onlyChain(MigrationDiscovery.discover(List.of(dir), dir, Dialect.POSTGRESQL, Map.of()));
        assertThat(c.migrations()).extracting(m -> fileName(m.up()))
                .containsExactly("db-data.sql", "db-drop.sql", "db-schema.sql");
    }

    @Test
    void aLongChainOfFilesEachNeedingTheNextDoesNotExhaustTheStack(@TempDir Path dir) throws Exception {
        // file_a needs a table file_b creates, which needs one file_c creates, and so on: 3,000 deep
        int n = 3000;
        for (int i = 0; i < n; i++) {
            String refers = i + 1 < n ? "ALTER TABLE t" + (i + 1) + " ADD COLUMN c int;\n" : "";
            Files.writeString(dir.resolve("file_" + letters(i) + ".sql"), "CREATE TABLE t" + i + " (id int);\n" + refers);
        }
        MigrationChain c = onlyChain(MigrationDiscovery.discover(List.of(dir), dir, Dialect.POSTGRESQL, Map.of()));
        assertThat(c.migrations()).hasSize(n);
        // the first file still goes after the one that creates what it alters
        assertThat(fileName(c.migrations().get(0).up())).isNotEqualTo("file_" + letters(0) + ".sql");
    }

    /** A name with no digit, in natural order for i: aaa, aab, ... */
    private static String letters(int i) {
        return "" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
    }
}
