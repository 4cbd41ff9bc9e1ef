package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.Dialect;
import dev.migralint.core.input.InputException;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a folder's layout is told from look-alikes, forced by config, and how bad input is reported. */
class LayoutDetectionTest {
    @TempDir
    Path repo;

    @BeforeEach
    void repositoryRoot() throws IOException {
        // project markers are looked for up to the repository root, not beyond
        Files.createDirectories(repo.resolve(".git"));
    }

    private void write(String path, String text) throws IOException {
        Fixtures.write(repo, path, text);
    }

    private Discovery discover(String path) {
        return discover(path, Map.of());
    }

    private Discovery discover(String path, Map<String, Layout> overrides) {
        return MigrationDiscovery.discover(List.of(Path.of(path)), repo, Dialect.POSTGRESQL, overrides);
    }

    private void upDownPair(String dir) throws IOException {
        write(dir + "/1_init.up.sql", "CREATE TABLE t (id int);\n");
        write(dir + "/1_init.down.sql", "DROP TABLE t;\n");
        write(dir + "/2_more.up.sql", "ALTER TABLE t ADD COLUMN c int;\n");
    }

    @Test
    void upDownFilesInAGoModuleUsingPopArePop() throws IOException {
        write("go.mod", "module example.com/app\n\nrequire github.com/gobuffalo/pop/v6 v6.1.1\n");
        upDownPair("migrations");
        assertThat(Fixtures.onlyChain(discover("migrations")).layout()).isEqualTo(Layout.POP);
    }

    @Test
    void upDownFilesInAnyOtherGoModuleAreGolangMigrate() throws IOException {
        write("go.mod", "module example.com/app\n\nrequire github.com/golang-migrate/migrate/v4 v4.17.0\n");
        upDownPair("db/migrations");
        assertThat(Fixtures.onlyChain(discover("db")).layout()).isEqualTo(Layout.GOLANG_MIGRATE);
    }

    @Test
    void goTemplatesInTheScriptsMeanPop() throws IOException {
        write("migrations/1_init.up.sql", "CREATE TABLE {{ .Schema }}.t (id int);\n");
        assertThat(Fixtures.onlyChain(discover("migrations")).layout()).isEqualTo(Layout.POP);
    }

    @Test
    void upOnlyFilesBesideUpDownFilesMeanSqlx() throws IOException {
        upDownPair("migrations");
        write("migrations/3_seed.sql", "INSERT INTO t VALUES (1);\n");
        MigrationChain c = Fixtures.onlyChain(discover("migrations"));
        assertThat(c.layout()).isEqualTo(Layout.SQLX);
        assertThat(Fixtures.versions(c)).containsExactly("1", "2", "3");
    }

    @Test
    void numberedFilesInARustCrateAreSqlxElsePlain() throws IOException {
        write("migrations/1_init.sql", "CREATE TABLE t (id int);\n");
        write("migrations/2_more.sql", "ALTER TABLE t ADD COLUMN c int;\n");
        MigrationChain plain = Fixtures.onlyChain(discover("migrations"));
        assertThat(plain.layout()).isEqualTo(Layout.PLAIN);
        write("Cargo.toml", "[package]\nname = \"app\"\n");
        MigrationChain sqlx = Fixtures.onlyChain(discover("migrations"));
        assertThat(sqlx.layout()).isEqualTo(Layout.SQLX);
        assertThat(sqlx.migrations()).noneMatch(Migration::downExpected);
        assertThat(sqlx.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.IN_TRANSACTION);
    }

    @Test
    void sqlxCliPlaceholderCommentsMeanSqlx() throws IOException {
        write("migrations/20240101000000_init.up.sql", "-- Add up migration script here\nCREATE TABLE t (id int);\n");
        write("migrations/20240101000000_init.down.sql", "-- Add down migration script here\nDROP TABLE t;\n");
        assertThat(Fixtures.onlyChain(discover("migrations")).layout()).isEqualTo(Layout.SQLX);
    }

    @Test
    void aFolderWhoseNamesMostlyFitNoToolIsPlain() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (id int);\n");
        write("db/schema.sql", "CREATE TABLE t (id int);\n");
        write("db/seed.sql", "INSERT INTO t VALUES (1);\n");
        MigrationChain c = Fixtures.onlyChain(discover("db"));
        assertThat(c.layout()).isEqualTo(Layout.PLAIN);
        assertThat(c.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("schema.sql", "seed.sql", "V1__init.sql");
    }

    @Test
    void configForcesALayoutAndPlainTakesTheWholeTree() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE t (id int);\n");
        write("db/V2__more.sql", "ALTER TABLE t ADD COLUMN c int;\n");
        write("db/extra/10_x.sql", "SELECT 1;\n");
        write("db/extra/9_y.sql", "SELECT 2;\n");
        Discovery auto = discover("db");
        assertThat(auto.chains()).extracting(MigrationChain::layout).containsExactly(Layout.FLYWAY, Layout.PLAIN);
        Discovery forced = discover("db", Map.of("db", Layout.PLAIN));
        MigrationChain c = Fixtures.onlyChain(forced);
        assertThat(c.layout()).isEqualTo(Layout.PLAIN);
        assertThat(c.migrations()).extracting(m -> m.up().file().displayPath())
                .containsExactly("db/extra/9_y.sql", "db/extra/10_x.sql", "db/V1__init.sql", "db/V2__more.sql");
    }

    @Test
    void configCanForceALayoutTheFilesDoNotShow() throws IOException {
        write("db/20240101_changes.sql", "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
        write("db/20240102_other.sql", "SELECT 1;\n");
        write("db/20240103_more.sql", "SELECT 2;\n");
        assertThat(Fixtures.onlyChain(discover("db")).layout()).isEqualTo(Layout.PLAIN);
        Discovery d = discover("db", Map.of("db", Layout.DBMATE));
        MigrationChain c = Fixtures.onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.DBMATE);
        assertThat(c.migrations()).singleElement().satisfies(m -> assertThat(m.down()).isNotNull());
        assertThat(d.problems()).extracting(p -> p.location().file().displayPath())
                .containsExactlyInAnyOrder("db/20240102_other.sql", "db/20240103_more.sql");
        assertThat(d.unchained()).hasSize(2);
    }

    @Test
    void aFileNamedOnItsOwnIsAChainReadWithTheLayoutItShows() throws IOException {
        write("one/20240101_x.sql", "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n");
        write("one/V3__y.sql", "CREATE INDEX CONCURRENTLY i ON t (id);\n");
        write("one/loose.sql", "SELECT 1;\n");
        Discovery d = MigrationDiscovery.discover(
                List.of(Path.of("one/20240101_x.sql"), Path.of("one/V3__y.sql"), Path.of("one/loose.sql")),
                repo, Dialect.POSTGRESQL, Map.of());
        assertThat(d.chains()).extracting(MigrationChain::displayRoot, MigrationChain::layout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("one/20240101_x.sql", Layout.GOOSE),
                org.assertj.core.groups.Tuple.tuple("one/V3__y.sql", Layout.FLYWAY),
                org.assertj.core.groups.Tuple.tuple("one/loose.sql", Layout.PLAIN));
        assertThat(d.chains().get(0).migrations().get(0).down()).isNotNull();
    }

    @Test
    void aFileNamedOnItsOwnIsReadWhateverItsExtension() throws IOException {
        write("notes/schema.ddl", "CREATE TABLE t (id int);\n");
        MigrationChain c = Fixtures.onlyChain(discover("notes/schema.ddl"));
        assertThat(c.layout()).isEqualTo(Layout.PLAIN);
        assertThat(c.migrations()).singleElement().satisfies(m -> assertThat(m.version()).isEqualTo("schema.ddl"));
        assertThat(discover("notes").chains()).isEmpty();
    }

    @Test
    void configLayoutsAndDialectComeFromTheConfig() throws IOException {
        write("db/1_a.sql", "SELECT 1;\n");
        write("db/2_b.sql", "SELECT 2;\n");
        dev.migralint.core.config.Config config = new dev.migralint.core.config.Config(Dialect.MYSQL, 8, List.of("db"),
                List.of(), List.of(), Map.of(), false, false, dev.migralint.core.config.FailOn.WARNING, null, Map.of(),
                null, Map.of("db", Layout.SQLX));
        MigrationChain c = Fixtures.onlyChain(MigrationDiscovery.discover(List.of(Path.of("db")), repo, config.dialect(),
                config.migrationLayouts()));
        assertThat(c.layout()).isEqualTo(Layout.SQLX);
        assertThat(Fixtures.versions(c)).containsExactly("1", "2");
    }

    @Test
    void aPathGivenTwiceGivesItsChainsOnce() throws IOException {
        upDownPair("db/migrations");
        Discovery d = MigrationDiscovery.discover(List.of(Path.of("db"), Path.of("db/migrations")), repo,
                Dialect.POSTGRESQL, Map.of());
        assertThat(d.chains()).hasSize(1);
    }

    @Test
    void unreadableFilesBecomeProblemsAndStayOutOfTheChain() throws IOException {
        write("db/1_a.sql", "SELECT 1;\n");
        Files.write(repo.resolve("db/2_b.sql"), new byte[] {'S', 'E', 'L', (byte) 0xC3, '\n'});
        write("db/3_c.sql", "SELECT 3;\n");
        Discovery d = discover("db");
        assertThat(Fixtures.onlyChain(d).migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("1_a.sql", "3_c.sql");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not valid UTF-8");
            assertThat(p.location().file().displayPath()).isEqualTo("db/2_b.sql");
        });
    }

    @Test
    void aMissingPathIsAnInputError() {
        assertThatThrownBy(() -> discover("nowhere")).isInstanceOf(InputException.class).hasMessageContaining("nowhere");
    }

    @Test
    void layoutErrorsAreProblemsAndTheFilesAreLintedAlone() throws IOException {
        write("flyway/V1__a.sql", "SELECT 1;\n");
        write("flyway/V1.0__b.sql", "SELECT 2;\n");
        write("flyway/V2__c.sql", "SELECT 3;\n");
        Discovery d = discover("flyway");
        // V1.0 sorts first by name and is kept; Flyway takes 1 and 1.0 for the same version
        assertThat(Fixtures.versions(Fixtures.onlyChain(d))).containsExactly("1.0", "2");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("version 1:").contains("flyway/V1.0__b.sql");
            assertThat(p.location().file().displayPath()).isEqualTo("flyway/V1__a.sql");
        });
        assertThat(d.unchained()).extracting(SourceFile::displayPath).containsExactly("flyway/V1__a.sql");
    }

    @Test
    void gooseBlocksLeftOpenAreReportedAtTheirLine() throws IOException {
        write("goose/1_a.sql", "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\nSELECT 2;\n-- +goose Down\nSELECT 3;\n");
        Discovery d = discover("goose");
        Migration m = Fixtures.onlyChain(d).migrations().get(0);
        assertThat(Fixtures.statements(m.up())).containsExactly("SELECT 1;\nSELECT 2");
        assertThat(Fixtures.statements(m.down())).containsExactly("SELECT 3");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("StatementBegin without a StatementEnd");
            assertThat(p.location().file().position(p.location().startOffset()).line()).isEqualTo(2);
        });
    }

    @Test
    void crlfLineBreaksAreKeptInCarvedScripts() throws IOException {
        Files.writeString(repo.resolve("a.sql"), "-- migrate:up\r\nCREATE TABLE t (id int);\r\n-- migrate:down\r\nDROP TABLE t;\r\n",
                StandardCharsets.UTF_8);
        Migration m = Fixtures.onlyChain(discover("a.sql")).migrations().get(0);
        assertThat(m.up().text()).contains("\r\n").doesNotContain("DROP");
        assertThat(m.down().text()).startsWith("             \r\n").contains("DROP TABLE t;");
    }
}
