package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints every folder of the shared real-world corpus through the real entry point and asserts that
 * nothing crashes: no exit code 3, no stack trace. Prints, per folder and dialect, how many statements
 * were parsed, recognized and left unparsed; with -Dmigralint.updateDocs=true it rewrites
 * docs/parse-coverage.md from the same table.
 */
@Tag("slow")
class CorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String folder, String dialect, int files, int statements, int parsed, int recognized, int skipped,
               int unparsed, int findings) {
    }

    @Test
    void lintsTheWholeCorpusWithoutCrashing(@TempDir Path tmp) throws IOException {
        Path repo = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        Path corpus = repo.resolve("../shared/corpus").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                () -> "SKIPPED: corpus not found at " + corpus + "; the corpus no-crash test did not run");
        Path config = tmp.resolve("corpus.yaml");
        // OHDSI's DDL uses @cdmDatabaseSchema placeholders: declare it, as a user of those files would.
        Files.writeString(config, "placeholders: {cdmDatabaseSchema: cdm}\n");

        List<Row> rows = new ArrayList<>();
        for (String top : List.of("migrations", "schemas", "queries", "peer-fixtures")) {
            try (Stream<Path> folders = Files.list(corpus.resolve(top))) {
                for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                    rows.addAll(lintFolder(corpus, folder, config, tmp));
                }
            }
        }
        // Reported separately: squawk parses all of the PostgreSQL regression suite but errors.sql.
        Path regress = corpus.resolve("peer-fixtures/sbdchd_squawk/postgres");
        rows.addAll(lintFolder(corpus, regress, config, tmp));
        // ... and without errors.sql, whose syntax errors are deliberate: the figure issue 9 targets.
        rows.addAll(lintFolder(corpus, regress, config, tmp, p -> !p.getFileName().toString().equals("errors.sql"),
                WITHOUT_ERRORS));

        String table = table(rows);
        System.out.println(table);
        if (Boolean.getBoolean("migralint.updateDocs")) {
            Path doc = repo.resolve("docs/parse-coverage.md");
            String queries = Files.exists(doc) ? queriesSection(Files.readString(doc)) : "";
            Files.writeString(doc, coverageDoc(table) + queries);
        }
        assertThat(rows).isNotEmpty();
        assertThat(rows.stream().mapToInt(Row::statements).sum()).isGreaterThan(10_000);
    }

    /** The label of the regression-suite row without errors.sql. */
    private static final String WITHOUT_ERRORS = " without errors.sql";

    private List<Row> lintFolder(Path corpus, Path folder, Path config, Path tmp) throws IOException {
        return lintFolder(corpus, folder, config, tmp, p -> true, "");
    }

    private List<Row> lintFolder(Path corpus, Path folder, Path config, Path tmp, Predicate<Path> keep, String label)
            throws IOException {
        Map<String, List<String>> byDialect = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).filter(keep)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted()
                    .forEach(p -> byDialect.computeIfAbsent(dialectOf(corpus.relativize(p)), d -> new ArrayList<>())
                            .add(p.toString()));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byDialect.entrySet()) {
            Path out = tmp.resolve("report.json");
            List<String> args = new ArrayList<>(List.of("check", "--format", "json", "-o", out.toString(),
                    "--fail-on", "never", "--dialect", e.getKey(), "--config", config.toString()));
            args.addAll(e.getValue());
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
            String name = corpus.relativize(folder) + label;
            assertThat(code).as("exit code for %s (%s); stderr: %s", name, e.getKey(), stderr)
                    .isIn(0, 2);
            assertThat(stderr.toString()).as("stderr for %s", name).doesNotContain("\tat ");
            JsonNode summary = JSON.readTree(out.toFile()).get("summary");
            rows.add(new Row(name, e.getKey(), e.getValue().size(), summary.get("statements").asInt(),
                    summary.get("parsed").asInt(), summary.get("recognized").asInt(), summary.get("skipped").asInt(),
                    summary.get("unparsed").asInt(),
                    summary.get("errors").asInt() + summary.get("warnings").asInt() + summary.get("infos").asInt()));
        }
        return rows;
    }

    /** MySQL where the path says so (the corpus keeps dialect twins in mysql/ folders or .mysql. files). */
    static String dialectOf(Path relative) {
        String p = relative.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        return p.contains("mysql") || p.contains("mariadb") ? "mysql" : "postgresql";
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| folder | dialect | files | statements | parsed | recognized | skipped | unparsed | unparsed % |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        int[] total = new int[6];
        for (Row r : rows) {
            boolean subtotal = r.folder().endsWith("sbdchd_squawk/postgres")
                    || r.folder().endsWith("sbdchd_squawk/postgres" + WITHOUT_ERRORS);
            if (!subtotal) {
                total[0] += r.files();
                total[1] += r.statements();
                total[2] += r.parsed();
                total[3] += r.recognized();
                total[4] += r.skipped();
                total[5] += r.unparsed();
            }
            sb.append(String.format(Locale.ROOT, "| %s%s | %s | %d | %d | %d | %d | %d | %d | %s |%n",
                    r.folder(), subtotal ? " (subset, also counted above)" : "", r.dialect(), r.files(),
                    r.statements(), r.parsed(), r.recognized(), r.skipped(), r.unparsed(),
                    percent(r.unparsed(), r.statements())));
        }
        sb.append(String.format(Locale.ROOT, "| **total** | | %d | %d | %d | %d | %d | %d | %s |%n", total[0],
                total[1], total[2], total[3], total[4], total[5], percent(total[5], total[1])));
        return sb.toString();
    }

    /** The heading of the section QueryCorpusTest writes, which this test keeps as it is. */
    static final String QUERIES_HEADING = "## Queries";

    static String withoutQueriesSection(String doc) {
        int at = doc.indexOf("\n" + QUERIES_HEADING + "\n");
        return at < 0 ? doc.stripTrailing() + "\n\n" : doc.substring(0, at + 1);
    }

    private static String queriesSection(String doc) {
        int at = doc.indexOf("\n" + QUERIES_HEADING + "\n");
        return at < 0 ? "" : "\n" + doc.substring(at + 1);
    }

    private static String coverageDoc(String table) {
        return """
                # Parse coverage on the real-world corpus

                How much of the shared corpus (`../shared/corpus`, described in its MANIFEST.md) migralint
                understands. Generated by `CorpusTest` in the `cli` module, which lints every folder through
                the real entry point and fails on a crash (exit code 3 or a stack trace). Regenerate with:

                    mvn -B -pl cli -am test -Dtest=CorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups= -Dmigralint.updateDocs=true

                - **recognized**: the token grammar read the statement to its end (transaction control,
                  `SET`, `CREATE`/`DROP INDEX`, `TRUNCATE`, `LOCK`, `REINDEX`, `DO` blocks, `ADD ... USING
                  INDEX`, PostgreSQL 18's `ADD [CONSTRAINT c] NOT NULL col` (a `SET NOT NULL` unless `NOT
                  VALID`) and `ALTER CONSTRAINT c [NOT] DEFERRABLE | [NO] INHERIT | [NOT] ENFORCED ...`,
                  ...), so JSqlParser was not run on it.
                - **parsed**: JSqlParser produced a syntax tree (queries, DML, and the DDL the token grammar
                  reads only leniently, such as `CREATE TABLE`), after same-length rewrites of a few
                  spellings it lacks: `SET DATA TYPE`, blank-line gaps (which JSqlParser takes for a
                  statement end), `E'...'` escape strings, MySQL's `ADD (CONSTRAINT ...)` and view options,
                  `SELECT FROM`, PostgreSQL 18's `WITHOUT OVERLAPS` and `PERIOD`, identity sequence options,
                  table-level `[CONSTRAINT c] NOT NULL col` (read as `CHECK(col)`; the token grammar makes the
                  column NOT NULL), `NO INHERIT` and `[NOT] ENFORCED`, `CREATE TABLE ... AS ... WITH [NO]
                  DATA`, and `ON CONFLICT ... DO SELECT [FOR UPDATE]` (read as `DO NOTHING`);
                  names JSqlParser takes for key words (`key`, `blob`, `uuid`, MySQL's `value`) are quoted on
                  a retry.
                  PostgreSQL expressions JSqlParser lacks are bridged the same way when a statement fails:
                  operators it does not know (`&<`, `-|-`, `@?`, `<<=`, user-defined ones) read as `||`,
                  typed literals (`box '...'`, `jsonb '...'`) lose the type name, `ORDER BY x USING >`,
                  `FROM parent*`, `AS true`, `WHERE CURRENT OF c` and `FOR PORTION OF` are blanked or
                  simplified, `IS [NOT] JSON ...` reads as `IS [NOT] NULL`, `f(VARIADIC arr)` loses its
                  `VARIADIC`, and the SQL/JSON, SQL/XML and `GRAPH_TABLE` calls whose arguments are clauses
                  read as calls without arguments.
                - **skipped**: not lintable SQL by design: psql meta-commands, and statements about
                  objects that replay does not model and no rule reads, recognized by their leading words
                  before JSqlParser runs (`COPY`, `COMMENT ON`, `VACUUM`, `GRANT`, cursors (`DECLARE ...
                  CURSOR`, `FETCH`, `MOVE`, `CLOSE`), `PREPARE`/`EXECUTE`/`DEALLOCATE`, `EXPLAIN`,
                  two-phase commit, `REASSIGN OWNED`, `LOAD`, `IMPORT FOREIGN SCHEMA`, functions,
                  procedures, operators, aggregates, rules, triggers, extensions, roles, publications,
                  statistics, property graphs, `ALTER SEQUENCE`, MySQL stored programs, ...). `SET
                  CONSTRAINTS`, `SET TRANSACTION` and other `SET` forms that assign no parameter are
                  skipped when JSqlParser cannot read them. A skipped statement still counts as one the
                  server runs (for the implicit transaction of a multi-statement script).
                - **unparsed**: a `parse-error` finding at the position of the parser's complaint.

                Files are grouped by dialect from their path (`mysql` in the path means MySQL). The
                squawk PostgreSQL regression suite is deliberately full of odd and invalid SQL (squawk
                itself parses all of it but `errors.sql`); it is listed once more on its own, and once
                more without `errors.sql`, whose syntax errors are deliberate.

                Still unsupported (a statement using one is `unparsed`), by how many statements of the
                regression suite each leaves unparsed: some `MERGE` forms (`THEN DO NOTHING`, `INSERT
                OVERRIDING ...`, `INSERT DEFAULT VALUES`, a join as the source; about 40), array
                subscripts and composite fields as assignment targets (`SET a[1] = ...`, `SET f1[1].r =
                ...`, `(r).*`; about 45), `ROW(...)::type` (about 20), `CREATE SCHEMA ... CREATE VIEW`
                with schema elements (20), `ON CONFLICT ... DO SELECT ... WHERE` (17), `CREATE TYPE`
                with base-type options (17), `WITH OPTIONS` columns of typed tables and partitions (14),
                `GROUPING SETS` in some positions (13), operator classes in `PARTITION BY` (11),
                `CREATE TABLE ... AS EXECUTE` (9), `substring(x FOR n)` / `SIMILAR ... ESCAPE` forms,
                `TABLESAMPLE` with expressions, `AT LOCAL`, `IS [NFC] NORMALIZED`, `IS [NOT] DOCUMENT`,
                `collation for (...)`, and `U&'...' UESCAPE` strings.

                """ + table;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }
}
