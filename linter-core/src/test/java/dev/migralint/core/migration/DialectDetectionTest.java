package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each folder's and file's dialect, from config, names or SQL, and the order config gives a plain folder. */
class DialectDetectionTest {
    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Fixtures.write(repo, path, text);
    }

    private Discovery detect(String path, Map<String, FolderSettings> settings) {
        return MigrationDiscovery.discover(List.of(Path.of(path)), repo, Dialect.POSTGRESQL, true, settings, Map.of());
    }

    private static SourceFile file(String name, String text) {
        return new SourceFile(Path.of(name), name, text);
    }

    @Test
    void namesShowTheDialectAsWordsNotAsParts() {
        assertThat(DialectDetector.fromName("mysql")).isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromName("mysql-persistence")).isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromName("Chinook_MySql_AutoIncrementPKs.sql")).isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromName("mariadb10")).isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromName("V0021.MySQLCachedValueType.up.sql")).isNull();
        assertThat(DialectDetector.fromName("dolphinscheduler_postgresql.sql")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DialectDetector.fromName("pg15")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DialectDetector.fromName("20240101_init.postgres.up.sql")).isEqualTo(Dialect.POSTGRESQL);
        // "pg" inside a word is no signal; both dialects named is none
        assertThat(DialectDetector.fromName("upgrade")).isNull();
        assertThat(DialectDetector.fromName("mysql_to_postgres.sql")).isNull();
        assertThat(DialectDetector.fromName("V1__init.sql")).isNull();
    }

    @Test
    void theNearestNameDecides() {
        Path root = Path.of("/repo");
        assertThat(DialectDetector.fromPath(Path.of("/repo/db/mysql/patches/001.sql"), root)).isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromPath(Path.of("/repo/postgres/tools/mysql_import.sql"), root))
                .isEqualTo(Dialect.MYSQL);
        // names above the run's base directory are not the project's
        assertThat(DialectDetector.fromPath(Path.of("/pg/repo/db/001.sql"), Path.of("/pg/repo"))).isNull();
    }

    @Test
    void sqlVotesOutsideCommentsAndStrings() {
        assertThat(DialectDetector.fromContent(List.of(file("a.sql",
                "CREATE TABLE `t` (id int UNSIGNED AUTO_INCREMENT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"))))
                .isEqualTo(Dialect.MYSQL);
        assertThat(DialectDetector.fromContent(List.of(file("a.sql",
                "CREATE EXTENSION pgcrypto;\nCREATE TABLE t (id bigserial, v jsonb DEFAULT '{}'::jsonb);"))))
                .isEqualTo(Dialect.POSTGRESQL);
        assertThat(DialectDetector.fromContent(List.of(file("a.sql",
                "DO $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql;")))).isEqualTo(Dialect.POSTGRESQL);
        // a comment or a literal mentioning the other database's syntax does not vote
        assertThat(DialectDetector.fromContent(List.of(file("a.sql",
                "-- MySQL would say ENGINE=InnoDB and `t`\nINSERT INTO t VALUES ('AUTO_INCREMENT `x`');"))))
                .isNull();
        assertThat(DialectDetector.fromContent(List.of(file("a.sql", "CREATE TABLE t (id int);")))).isNull();
    }

    @Test
    void eachFolderOfAProjectGetsItsOwnDialect() throws IOException {
        write("db/mysql/V1__init.sql", "CREATE TABLE t (id int);\n");
        write("db/postgres/V1__init.sql", "CREATE TABLE t (id int);\n");
        write("db/legacy/V1__init.sql", "CREATE TABLE `t` (id int AUTO_INCREMENT) ENGINE=InnoDB;\n");
        write("db/other/V1__init.sql", "CREATE TABLE t (id int);\n");
        Discovery d = detect("db", Map.of());
        assertThat(d.chains()).extracting(MigrationChain::displayRoot, MigrationChain::dialect).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db/legacy", Dialect.MYSQL),
                org.assertj.core.groups.Tuple.tuple("db/mysql", Dialect.MYSQL),
                org.assertj.core.groups.Tuple.tuple("db/other", Dialect.POSTGRESQL),
                org.assertj.core.groups.Tuple.tuple("db/postgres", Dialect.POSTGRESQL));
    }

    @Test
    void configBeatsNamesAndReachesSubfolders() throws IOException {
        write("db/postgres/V1__init.sql", "CREATE TABLE t (id int);\n");
        Discovery d = detect("db", Map.of("db", new FolderSettings(null, Dialect.MYSQL, List.of())));
        assertThat(Fixtures.onlyChain(d).dialect()).isEqualTo(Dialect.MYSQL);
    }

    @Test
    void withoutDetectionEveryChainHasTheRunsDialect() throws IOException {
        write("db/mysql/V1__init.sql", "CREATE TABLE `t` (id int) ENGINE=InnoDB;\n");
        Discovery d = MigrationDiscovery.discover(List.of(Path.of("db")), repo, Dialect.POSTGRESQL, false,
                Map.of(), Map.of());
        assertThat(Fixtures.onlyChain(d).dialectOr(Dialect.POSTGRESQL)).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void aPlainFolderWithOneFilePerDatabaseGivesAChainPerDialect() throws IOException {
        write("sql/schema_mysql.sql", "CREATE TABLE t (id int);\n");
        write("sql/schema_postgresql.sql", "CREATE TABLE t (id int);\n");
        write("sql/seed.sql", "INSERT INTO t VALUES (1);\n");
        Discovery d = detect("sql", Map.of());
        assertThat(d.chains()).hasSize(2);
        assertThat(d.chains().get(0).dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(d.chains().get(0).migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("schema_mysql.sql");
        assertThat(d.chains().get(1).dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(d.chains().get(1).migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("schema_postgresql.sql", "seed.sql");
    }

    @Test
    void aFolderNamedForOneDatabaseKeepsEveryFileInItsChain() throws IOException {
        write("migrations/postgres/V1.init.up.sql", "CREATE TABLE t (id int);\n");
        write("migrations/postgres/V2.mysql_compat.up.sql", "ALTER TABLE t ADD COLUMN c int;\n");
        MigrationChain c = Fixtures.onlyChain(detect("migrations", Map.of()));
        assertThat(c.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(c.migrations()).hasSize(2);
    }

    @Test
    void popPicksTheVariantsOfTheOneDatabaseItsNamesShow() throws IOException {
        write("migrations/20240101000000_init.mysql.up.sql", "CREATE TABLE t (id int);\n");
        write("migrations/20240101000000_init.mysql.down.sql", "DROP TABLE t;\n");
        write("migrations/20240102000000_more.up.sql", "ALTER TABLE t ADD COLUMN c int;\n");
        MigrationChain c = Fixtures.onlyChain(detect("migrations", Map.of()));
        assertThat(c.layout()).isEqualTo(Layout.POP);
        assertThat(c.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(c.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("20240101000000_init.mysql.up.sql", "20240102000000_more.up.sql");
    }

    @Test
    void popWithVariantsForBothDatabasesUsesTheRunsDialect() throws IOException {
        write("migrations/20240101000000_init.mysql.up.sql", "CREATE TABLE `t` (id int) ENGINE=InnoDB;\n");
        write("migrations/20240101000000_init.postgres.up.sql", "CREATE TABLE t (id int);\n");
        MigrationChain c = Fixtures.onlyChain(detect("migrations", Map.of()));
        assertThat(c.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(c.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("20240101000000_init.postgres.up.sql");
    }

    @Test
    void looseFilesAreDetectedOneByOne() throws IOException {
        write("schemas/a.sql", "CREATE TABLE `t` (id int) ENGINE=InnoDB;\n");
        write("schemas/b.sql", "CREATE TABLE t (id serial);\n");
        Discovery d = MigrationDiscovery.discover(List.of(Path.of("schemas/a.sql"), Path.of("schemas/b.sql")), repo,
                Dialect.POSTGRESQL, true, Map.of(), Map.of());
        assertThat(d.chains()).extracting(MigrationChain::dialect).containsExactly(Dialect.MYSQL, Dialect.POSTGRESQL);
    }

    @Test
    void anOrderReplaysListedSubPathsFirstAndTheRestAfter() throws IOException {
        write("cdm/constraints/fk.sql", "ALTER TABLE person ADD FOREIGN KEY (loc) REFERENCES location (id);\n");
        write("cdm/ddl/tables.sql", "CREATE TABLE person (id int, loc int);\n");
        write("cdm/indices/idx.sql", "CREATE INDEX ON person (loc);\n");
        write("cdm/primary_keys/pk.sql", "ALTER TABLE person ADD PRIMARY KEY (id);\n");
        write("cdm/zz_cdm_keys.sql", "SELECT 1;\n");
        Discovery d = detect("cdm", Map.of("cdm", new FolderSettings(null, null,
                List.of("ddl", "*_keys.sql", "primary_keys/", "constraints/**"))));
        MigrationChain c = Fixtures.onlyChain(d);
        assertThat(c.layout()).isEqualTo(Layout.PLAIN);
        assertThat(c.migrations()).extracting(m -> Fixtures.fileName(m.up()))
                .containsExactly("tables.sql", "zz_cdm_keys.sql", "pk.sql", "fk.sql", "idx.sql");
    }
}
