package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Discovers every project of the shared corpus's migrations and checks the layouts of the projects
 * whose tool the corpus manifest names. Prints each project's chains for a reader to review.
 */
class MigrationDiscoveryCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"))
            .resolve("migrations").toAbsolutePath().normalize();

    private static Discovery discover(String project, Dialect dialect) {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS + ": skipped");
        return MigrationDiscovery.discover(List.of(Path.of(project)), CORPUS, dialect, Map.of());
    }

    private static List<Layout> layouts(Discovery d) {
        return d.chains().stream().map(MigrationChain::layout).distinct().toList();
    }

    @Test
    void everyProjectIsDiscoveredWithoutProblems() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS + ": skipped");
        int chains = 0;
        try (Stream<Path> projects = Files.list(CORPUS).sorted()) {
            for (Path project : projects.filter(Files::isDirectory).toList()) {
                Discovery d = MigrationDiscovery.discover(List.of(project), CORPUS, Dialect.POSTGRESQL, Map.of());
                System.out.printf("%s: %d chains, %d files outside chains%n", project.getFileName(),
                        d.chains().size(), d.unchained().size());
                for (MigrationChain c : d.chains()) {
                    long downs = c.migrations().stream().filter(m -> m.down() != null).count();
                    System.out.printf("  %-14s %4d migrations %4d downs  %s%n", c.layout().id(),
                            c.migrations().size(), downs, c.displayRoot());
                }
                assertThat(d.problems()).as(project.toString()).isEmpty();
                assertThat(d.chains()).as(project.toString()).isNotEmpty();
                chains += d.chains().size();
            }
        }
        assertThat(chains).isGreaterThan(30);
    }

    @Test
    void conductorIsFlywayWithDottedVersionsInOrder() {
        Discovery d = discover("conductor-oss_conductor", Dialect.POSTGRESQL);
        assertThat(layouts(d)).containsExactly(Layout.FLYWAY);
        assertThat(d.chains()).hasSize(7);
        MigrationChain pg = d.chains().stream().filter(c -> c.displayRoot().endsWith("db/migration_postgres"))
                .findFirst().orElseThrow();
        assertThat(Fixtures.versions(pg)).containsSubsequence("9", "10", "12", "13.1", "14", "18");
        assertThat(pg.migrations()).noneMatch(Migration::downExpected);
    }

    @Test
    void cratesIoIsDieselWithSevenMigrationsOutsideATransaction() {
        Discovery d = discover("rust-lang_crates.io", Dialect.POSTGRESQL);
        MigrationChain c = Fixtures.onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.DIESEL);
        assertThat(c.migrations()).hasSize(285).allMatch(m -> m.down() != null);
        assertThat(c.migrations()).filteredOn(m -> m.transactionMode() != TransactionMode.IN_TRANSACTION)
                .hasSize(7).allMatch(m -> m.transactionMode() == TransactionMode.IMPLICIT_TRANSACTION);
        List<String> versions = Fixtures.versions(c);
        assertThat(versions).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void kratosIsPopWithThePostgresVariants() {
        MigrationChain c = Fixtures.onlyChain(discover("ory_kratos", Dialect.POSTGRESQL));
        assertThat(c.layout()).isEqualTo(Layout.POP);
        assertThat(c.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .noneMatch(n -> n.contains(".mysql.") || n.contains(".cockroach.") || n.contains(".sqlite"));
        assertThat(c.migrations()).filteredOn(m -> m.transactionMode() == TransactionMode.NO_TRANSACTION)
                .isNotEmpty().allMatch(m -> Fixtures.fileName(m.up()).contains(".autocommit."));
        MigrationChain mysql = Fixtures.onlyChain(discover("ory_kratos", Dialect.MYSQL));
        assertThat(mysql.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .noneMatch(n -> n.contains(".postgres."));
    }

    @Test
    void docsRsIsSqlx() {
        MigrationChain c = Fixtures.onlyChain(discover("rust-lang_docs.rs", Dialect.POSTGRESQL));
        assertThat(c.layout()).isEqualTo(Layout.SQLX);
        assertThat(c.migrations()).allMatch(Migration::downExpected);
    }

    @Test
    void golangMigrateExamplesAndHarborAreGolangMigrate() {
        Discovery examples = discover("golang-migrate_migrate", Dialect.POSTGRESQL);
        assertThat(examples.chains()).hasSize(2);
        assertThat(layouts(examples)).containsExactly(Layout.GOLANG_MIGRATE);
        MigrationChain harbor = Fixtures.onlyChain(discover("goharbor_harbor", Dialect.POSTGRESQL));
        assertThat(harbor.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        // harbor has no down scripts at all, so none is expected
        assertThat(harbor.migrations()).noneMatch(Migration::downExpected);
    }

    @Test
    void umamiIsPrismaForBothDatabases() {
        Discovery d = discover("umami-software_umami", Dialect.POSTGRESQL);
        assertThat(layouts(d)).containsExactly(Layout.PRISMA);
        assertThat(d.chains()).extracting(c -> c.migrations().size()).containsExactlyInAnyOrder(19, 10);
    }

    /** authelia's own migrator names files V0001.Name.up.sql: read as plain up/down pairs. */
    @Test
    void autheliaIsPlainUpDownPairs() {
        Discovery d = discover("authelia_authelia", Dialect.POSTGRESQL);
        assertThat(layouts(d)).containsExactly(Layout.PLAIN);
        assertThat(d.chains()).hasSize(2).allSatisfy(c -> {
            assertThat(c.migrations()).hasSize(26).allMatch(m -> m.down() != null);
            assertThat(c.migrations().get(0).version()).isEqualTo("V0001.Initial_Schema");
        });
    }

    @Test
    void supabaseAuthIsPopForItsGoTemplates() {
        MigrationChain c = Fixtures.onlyChain(discover("supabase_auth", Dialect.POSTGRESQL));
        assertThat(c.layout()).isEqualTo(Layout.POP);
        assertThat(c.migrations().get(0).version()).isEqualTo("00");
    }

    @Test
    void versionFoldersOfPlainScriptsJoinPerDatabase() {
        Discovery d = discover("apache_dolphinscheduler", Dialect.POSTGRESQL);
        assertThat(d.chains()).extracting(MigrationChain::displayRoot).contains(
                "apache_dolphinscheduler/dolphinscheduler-dao/src/main/resources/sql/upgrade/*/postgresql",
                "apache_dolphinscheduler/dolphinscheduler-dao/src/main/resources/sql/upgrade/*/mysql");
        MigrationChain pg = d.chains().stream().filter(c -> c.displayRoot().endsWith("*/postgresql")).findFirst()
                .orElseThrow();
        assertThat(pg.migrations().get(0).up().file().displayPath()).contains("/3.0.0_schema/");
        assertThat(pg.migrations().get(pg.migrations().size() - 1).up().file().displayPath()).contains("/3.3.0_schema/");
    }
}
