package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.source.NaturalOrder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replays migration chains and applies the same SQL to a real PostgreSQL, then compares the replayed
 * schema with pg_catalog: tables, columns (type, nullability, order), primary keys, unique and
 * foreign keys, checks, indexes (columns, expressions, predicates) and enums. Inputs: the fixture
 * chains under {@code replay-fixtures/}, every PostgreSQL chain of the shared corpus that applies
 * cleanly (chains psql rejects are skipped and listed), and the OHDSI CDM DDL. Skips, saying why,
 * where PostgreSQL's binaries are missing. Runs in about half a minute.
 */
@Tag("slow")
@Tag("postgres")
class PostgresDifferentialTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"));

    private static PostgresServer server;
    private static int databases;

    @BeforeAll
    static void startServer() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        Optional<Path> bin = PostgresServer.findBinaries(why);
        assumeTrue(bin.isPresent(), () -> "PostgreSQL differential test skipped: " + why);
        if (PostgresServer.isRoot()) {
            assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                    "PostgreSQL differential test skipped: running as root and runuser is missing (initdb refuses root)");
        }
        server = PostgresServer.start(bin.get());
    }

    @AfterAll
    static void stopServer() throws IOException, InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** One migration chain: files in the order they are applied, with text substitutions for templates. */
    record Chain(String name, List<Path> files, Map<String, String> substitutions, String prelude) {
        Chain withSubstitutions(Map<String, String> more) {
            return new Chain(name, files, more, prelude);
        }

        String text(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : substitutions.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            return text;
        }
    }

    /** How one chain went. */
    record Outcome(String chain, boolean applied, String error, int facts, Map<String, List<String>> differences,
                   List<ReplayNote> notes) {
    }

    private Outcome run(Chain chain) throws IOException, InterruptedException {
        String db = "chain" + (++databases);
        server.createDatabase(db);
        Path dir = Files.createTempDirectory("migralint-chain");
        try {
            StringBuilder script = new StringBuilder();
            List<String> texts = new ArrayList<>();
            if (chain.prelude() != null) {
                texts.add(chain.prelude());
            }
            for (Path f : chain.files()) {
                texts.add(chain.text(f));
            }
            for (int i = 0; i < texts.size(); i++) {
                Path copy = dir.resolve(String.format("%04d.sql", i));
                Files.writeString(copy, texts.get(i), StandardCharsets.UTF_8);
                script.append("\\i '").append(copy).append("'\n");
            }
            PostgresServer.Result applied = server.psql(db, script.toString());
            if (applied.exit() != 0) {
                return new Outcome(chain.name(), false, firstLine(applied.output()), 0, Map.of(), List.of());
            }
            PostgresServer.Result catalog = server.psql(db, CatalogLines.CATALOG_QUERY);
            assertThat(catalog.exit()).as(catalog.output()).isZero();
            Set<String> expected = CatalogLines.fromCatalog(catalog.output());

            Replayed replayed = new Replayed(Schema.empty(Dialect.POSTGRESQL), List.of());
            for (String text : texts) {
                replayed = replayed.then(text);
            }
            Set<String> actual = CatalogLines.fromSchema(replayed.schema());
            return new Outcome(chain.name(), true, null, expected.size(),
                    CatalogLines.differences(expected, actual), replayed.notes());
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String firstLine(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("ERROR")) {
                return line.trim();
            }
        }
        return output.lines().findFirst().orElse("").trim();
    }

    @Test
    void fixtureChainsMatchPostgres() throws IOException, InterruptedException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/replay-fixtures").toURI());
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                outcomes.add(run(new Chain("fixture " + dir.getFileName(), sqlFiles(dir, p -> true), Map.of(), null)));
            }
        }
        report("fixture chains", outcomes);
        assertThat(outcomes).isNotEmpty().allSatisfy(o -> {
            assertThat(o.applied()).as("%s applies in PostgreSQL: %s", o.chain(), o.error()).isTrue();
            assertThat(o.differences()).as("%s differs from PostgreSQL", o.chain()).isEmpty();
            assertThat(o.notes()).as("%s replay notes", o.chain()).isEmpty();
        });
    }

    @Test
    void corpusChainsMatchPostgres() throws IOException, InterruptedException {
        Path migrations = CORPUS.resolve("migrations");
        assumeTrue(Files.isDirectory(migrations), "corpus not found at " + migrations.toAbsolutePath() + ": skipped");
        List<Outcome> outcomes = new ArrayList<>();
        for (Chain chain : corpusChains(migrations)) {
            if (!chain.files().isEmpty()) {
                outcomes.add(run(chain));
            }
        }
        report("corpus chains", outcomes);
        List<Outcome> applied = outcomes.stream().filter(Outcome::applied).toList();
        assertThat(applied).as("corpus chains that apply cleanly").hasSizeGreaterThanOrEqualTo(10);
        assertThat(applied).allSatisfy(o -> {
            int differing = o.differences().values().stream().mapToInt(List::size).sum();
            assertThat(differing).as("%s: facts that differ from PostgreSQL %s", o.chain(), o.differences())
                    .isLessThanOrEqualTo(KNOWN_LIMITS.getOrDefault(o.chain(), 0));
        });
    }

    /**
     * Chains whose DDL replay cannot follow, with the most facts allowed to differ (a regression guard):
     * supabase renames an index with EXECUTE in one branch of an IF and drops it in the other; ranger's
     * patches create PL/pgSQL functions that run DDL when a later SELECT calls them.
     */
    private static final Map<String, Integer> KNOWN_LIMITS = Map.of(
            "supabase auth", 2,
            "ranger (core + patches)", 146);

    /** The PostgreSQL chains of the corpus, each in the order its tool applies it. */
    private static List<Chain> corpusChains(Path m) throws IOException {
        List<Chain> chains = new ArrayList<>();
        Predicate<Path> up = p -> p.getFileName().toString().endsWith(".up.sql");
        chains.add(chain("golang-migrate", m.resolve("golang-migrate_migrate/database/postgres/examples/migrations"), up));
        chains.add(chain("authelia", m.resolve("authelia_authelia/internal/storage/migrations/postgres"), up));
        // golang-migrate's own bookkeeping table, which harbor's migrations update
        chains.add(new Chain("harbor", sqlFiles(m.resolve("goharbor_harbor/make/migrations/postgresql"), up), Map.of(),
                "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"));
        chains.add(new Chain("crates.io", dieselOrder(m.resolve("rust-lang_crates.io/migrations")), Map.of(), null));
        chains.add(chain("docs.rs", m.resolve("rust-lang_docs.rs/crates/lib/docs_rs_database/migrations"), up));
        Path conductor = m.resolve("conductor-oss_conductor");
        chains.add(chain("conductor", conductor.resolve("postgres-persistence/src/main/resources/db/migration_postgres"),
                p -> true));
        chains.add(chain("conductor scheduler",
                conductor.resolve("scheduler/postgres-persistence/src/main/resources/db/migration_scheduler"), p -> true));
        chains.add(chain("conductor external storage",
                conductor.resolve("postgres-external-storage/src/main/resources/db/migration_external_postgres"), p -> true)
                .withSubstitutions(Map.of("${tableName}", "external_payload", "${maxDataRows}", "1000",
                        "${maxDataDays}", "'1'", "${maxDataMonths}", "'1'", "${maxDataYears}", "'1'")));
        chains.add(new Chain("kratos", kratosFiles(m.resolve("ory_kratos/persistence/sql/migrations/sql")), Map.of(), null));
        chains.add(chain("umami", m.resolve("umami-software_umami/prisma/migrations"),
                p -> p.getFileName().toString().equals("migration.sql")));
        chains.add(new Chain("supabase auth", sqlFiles(m.resolve("supabase_auth/migrations"), up),
                Map.of("{{ index .Options \"Namespace\" }}", "auth", "{{index .Options \"Namespace\" }}", "auth"),
                "CREATE SCHEMA auth;"));
        Path temporal = m.resolve("temporalio_temporal/schema/postgresql/v12");
        for (String part : List.of("temporal", "visibility")) {
            chains.add(new Chain("temporal " + part + " (versioned)", manifestOrder(temporal.resolve(part + "/versioned")),
                    Map.of(), null));
            chains.add(new Chain("temporal " + part + " (schema.sql)", List.of(temporal.resolve(part + "/schema.sql")),
                    Map.of(), null));
        }
        Path dolphin = m.resolve("apache_dolphinscheduler/dolphinscheduler-dao/src/main/resources/sql");
        chains.add(new Chain("dolphinscheduler (full schema)", List.of(dolphin.resolve("dolphinscheduler_postgresql.sql")),
                Map.of(), null));
        Path ranger = m.resolve("apache_ranger/security-admin/db/postgres");
        chains.add(new Chain("ranger (optimized current)", sqlFiles(ranger.resolve("optimized/current"), p -> true),
                Map.of(), null));
        List<Path> rangerChain = new ArrayList<>(List.of(ranger.resolve("create_dbversion_catalog.sql"),
                ranger.resolve("xa_core_db_postgres.sql")));
        rangerChain.addAll(sqlFiles(ranger.resolve("patches"), p -> true));
        chains.add(new Chain("ranger (core + patches)", rangerChain, Map.of(), null));
        chains.add(new Chain("ranger (audit)", List.of(ranger.resolve("xa_audit_db_postgres.sql")), Map.of(), null));
        Path schemas = m.resolveSibling("schemas");
        chains.add(new Chain("danbooru structure.sql", List.of(schemas.resolve("danbooru_danbooru/db/structure.sql")),
                Map.of(), null));
        chains.add(new Chain("pagila schema", List.of(schemas.resolve("devrimgunduz_pagila/pagila-schema.sql")),
                Map.of(), null));
        chains.add(new Chain("sakila schema", List.of(schemas.resolve("jOOQ_sakila/postgres-sakila-db/postgres-sakila-schema.sql")),
                Map.of(), null));
        chains.removeIf(c -> c.files().stream().anyMatch(f -> !Files.exists(f)));
        return chains;
    }

    private static Chain chain(String name, Path dir, Predicate<Path> include) throws IOException {
        return new Chain(name, sqlFiles(dir, include), Map.of(), null);
    }

    /** SQL files under {@code dir} (recursively) in natural order of their relative paths. */
    static List<Path> sqlFiles(Path dir, Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).filter(include)
                    .sorted((a, b) -> NaturalOrder.INSTANCE.compare(dir.relativize(a).toString(), dir.relativize(b).toString()))
                    .toList();
        }
    }

    /** Diesel: migration folders ordered by their version, the name's part before '_' without dashes. */
    private static List<Path> dieselOrder(Path dir) throws IOException {
        return sqlFiles(dir, p -> p.getFileName().toString().equals("up.sql")).stream()
                .sorted(java.util.Comparator.comparing((Path p) -> p.getParent().getFileName().toString()
                        .replaceFirst("_.*", "").replace("-", "")))
                .toList();
    }

    /** gobuffalo/pop: per migration, the PostgreSQL variant when there is one, else the dialect-neutral file. */
    private static List<Path> kratosFiles(Path dir) throws IOException {
        Map<String, Path> chosen = new TreeMap<>(NaturalOrder.INSTANCE);
        for (Path p : sqlFiles(dir, p -> p.getFileName().toString().endsWith(".up.sql"))) {
            String name = p.getFileName().toString();
            String version = name.substring(0, name.indexOf('.'));
            String rest = name.substring(version.length());
            boolean postgres = rest.startsWith(".postgres.");
            boolean neutral = !rest.matches("\\.(mysql|sqlite3?|cockroach|postgres)\\..*");
            if (postgres || (neutral && !chosen.containsKey(version))) {
                chosen.put(version, p);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** temporal's versioned layout: version folders in natural order, files in their manifest's order. */
    private static List<Path> manifestOrder(Path versioned) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(versioned)) {
            return files;
        }
        try (Stream<Path> dirs = Files.list(versioned)) {
            for (Path d : dirs.sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(),
                    b.getFileName().toString())).toList()) {
                Path manifest = d.resolve("manifest.json");
                if (Files.exists(manifest)) {
                    Matcher list = Pattern.compile("\"SchemaUpdateCqlFiles\"\\s*:\\s*\\[([^]]*)]")
                            .matcher(Files.readString(manifest));
                    if (list.find()) {
                        Matcher file = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
                        while (file.find()) {
                            files.add(d.resolve(file.group(1)));
                        }
                        continue;
                    }
                }
                files.addAll(sqlFiles(d, p -> true));
            }
        }
        return files;
    }

    /** Prints what applied, the match rate and the mismatch classes. */
    private static void report(String title, List<Outcome> outcomes) {
        int applied = 0;
        int matched = 0;
        int facts = 0;
        int differing = 0;
        Map<String, Integer> classes = new TreeMap<>();
        StringBuilder sb = new StringBuilder("\n== PostgreSQL differential: ").append(title).append(" ==\n");
        for (Outcome o : outcomes) {
            if (!o.applied()) {
                sb.append("  skipped  ").append(o.chain()).append(": psql: ").append(o.error()).append('\n');
                continue;
            }
            applied++;
            facts += o.facts();
            int diffs = o.differences().values().stream().mapToInt(List::size).sum();
            differing += diffs;
            if (diffs == 0) {
                matched++;
            }
            sb.append(diffs == 0 ? "  match    " : "  DIFFERS  ").append(o.chain()).append(" (").append(o.facts())
                    .append(" facts, ").append(o.notes().size()).append(" replay notes)\n");
            o.notes().stream().limit(3).forEach(n -> sb.append("      note: ").append(n.kind()).append(' ')
                    .append(n.message()).append('\n'));
            for (Map.Entry<String, List<String>> e : o.differences().entrySet()) {
                classes.merge(e.getKey(), e.getValue().size(), Integer::sum);
                sb.append("      ").append(e.getKey()).append(": ").append(e.getValue().size()).append('\n');
                e.getValue().stream().limit(3).forEach(l -> sb.append("         ").append(l).append('\n'));
            }
        }
        sb.append(String.format("  chains applied: %d of %d; identical: %d of %d; facts: %d, differing: %d (%.2f%% match)%n",
                applied, outcomes.size(), matched, applied, facts, differing,
                facts == 0 ? 100.0 : 100.0 * (facts - Math.min(differing, facts)) / facts));
        if (!classes.isEmpty()) {
            sb.append("  mismatch classes: ").append(classes).append('\n');
        }
        System.out.println(sb);
    }

    /**
     * OHDSI CDM 5.4: tables, primary keys, foreign keys and indexes from separate files. Counts the
     * foreign keys that no index serves (their columns, in any order, are not the leading columns of an
     * index) in PostgreSQL and in the replayed model: the numbers must agree.
     */
    @Test
    void ohdsiUnindexedForeignKeysAgreeWithPostgres() throws IOException, InterruptedException {
        Path ddl = CORPUS.resolve("schemas/OHDSI_CommonDataModel/inst/ddl/5.4/postgresql");
        assumeTrue(Files.isDirectory(ddl), "OHDSI DDL not found at " + ddl.toAbsolutePath() + ": skipped");
        List<Path> files = new ArrayList<>();
        for (String part : List.of("ddl", "primary_keys", "constraints", "indices")) {
            files.add(ddl.resolve("OMOPCDM_postgresql_5.4_" + part + ".sql"));
        }
        Chain chain = new Chain("OHDSI CDM 5.4", files, Map.of("@cdmDatabaseSchema", "cdm"), "CREATE SCHEMA cdm;");
        Outcome outcome = run(chain);
        report("OHDSI", List.of(outcome));
        assertThat(outcome.applied()).as(outcome.error()).isTrue();
        assertThat(outcome.differences()).isEmpty();

        String db = "chain" + databases;
        PostgresServer.Result r = server.psql(db, """
                SELECT count(*) FILTER (WHERE NOT served), count(*) FROM (
                  SELECT con.conname, EXISTS (
                    SELECT 1 FROM pg_index i
                    WHERE i.indrelid = con.conrelid AND i.indnkeyatts >= cardinality(con.conkey)
                      AND (SELECT array_agg(x ORDER BY x) FROM unnest((string_to_array(i.indkey::text, ' ')::int2[])
                             [1:cardinality(con.conkey)]) x)
                          = (SELECT array_agg(x ORDER BY x) FROM unnest(con.conkey) x)) AS served
                  FROM pg_constraint con WHERE con.contype = 'f') fks;""");
        assertThat(r.exit()).as(r.output()).isZero();
        String[] counts = r.output().trim().split("\\|");
        int unindexedInDb = Integer.parseInt(counts[0]);
        int foreignKeysInDb = Integer.parseInt(counts[1]);

        Replayed replayed = new Replayed(Schema.empty(Dialect.POSTGRESQL), List.of());
        replayed = replayed.then(chain.prelude());
        for (Path f : files) {
            replayed = replayed.then(chain.text(f));
        }
        int foreignKeys = 0;
        int unindexed = 0;
        for (Table t : replayed.schema().tables()) {
            for (TableConstraint.ForeignKey fk : t.foreignKeys()) {
                foreignKeys++;
                Set<String> columns = new HashSet<>(fk.columns());
                boolean served = t.indexes().stream().anyMatch(i -> i.keys().size() >= columns.size()
                        && new HashSet<>(i.columnNames().subList(0, columns.size())).equals(columns));
                if (!served) {
                    unindexed++;
                }
            }
        }
        System.out.printf("OHDSI CDM 5.4: %d foreign keys; without a serving index: %d in PostgreSQL, %d in the model%n",
                foreignKeysInDb, unindexedInDb, unindexed);
        assertThat(foreignKeys).isEqualTo(foreignKeysInDb);
        assertThat(unindexed).isEqualTo(unindexedInDb);
        assertThat(replayed.schema().table(new ObjectName("cdm", "person"))).isPresent();
    }
}
