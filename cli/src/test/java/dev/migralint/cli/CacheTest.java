package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.report.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache of unchanged units, end to end through {@link Main}: a warm run reports exactly what a cold
 * one does, in every format; a change to a file, the config or a stored entry is never answered from
 * the cache; {@code --no-cache} leaves no trace.
 */
class CacheTest {
    private static final Path ROOT = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern STATS = Pattern.compile(
            "cache .*: (\\d+) units found, (\\d+) linted, (\\d+) stored, (\\d+) rejected");

    @TempDir
    Path cacheDir;
    @TempDir
    Path project;

    @BeforeEach
    void project() throws IOException {
        write("db/a/V1__users.sql", """
                CREATE TABLE users (id bigint PRIMARY KEY, country char(2), email text);
                -- migralint-ignore ban-char: legacy column, kept on purpose
                ALTER TABLE users ADD COLUMN region char(3);
                """);
        write("db/a/V2__index.sql", "CREATE INDEX users_email_idx ON users (email);\n");
        write("db/b/001_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\n");
        write("db/b/001_orders.down.sql", "SELECT 1;\n");
        write("queries/report.sql", "SELECT * FROM users WHERE country = NULL;\n");
    }

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private CliRun run(Path dir, String... args) {
        return CliRun.with(new Environment(dir, Map.of("MIGRALINT_CACHE_DIR", cacheDir.toString()), false), args);
    }

    /** found, linted, stored, rejected from --debug. */
    private static int[] stats(CliRun run) {
        Matcher m = STATS.matcher(run.err());
        assertThat(m.find()).as(run.toString()).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4))};
    }

    static Stream<String> formats() {
        return Stream.of(Format.values()).map(f -> f.name().toLowerCase(Locale.ROOT));
    }

    /** The inputs: the examples, fixtures with downs, mappers and suppressions, and this test's project. */
    private List<List<String>> inputs() {
        List<List<String>> inputs = new ArrayList<>();
        inputs.add(List.of(ROOT.resolve("examples").toString()));
        for (String fixture : List.of("down-does-not-revert", "mybatis-nested-select", "unused-suppression",
                "require-lock-timeout")) {
            inputs.add(List.of(project.toString(), ROOT.resolve("rules/src/test/resources/fixtures/" + fixture).toString()));
        }
        inputs.add(List.of(project.toString(), "db/a", "db/b", "--queries", "queries"));
        return inputs;
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aWarmRunReportsExactlyWhatAColdRunDoes(String format) {
        assumeTrue(Files.isDirectory(ROOT.resolve("examples")), "skipped: no examples folder at " + ROOT);
        for (List<String> input : inputs()) {
            List<String> args = new ArrayList<>(List.of("check", "--format", format));
            args.addAll(input.subList(1, input.size()));
            Path dir = Path.of(input.get(0));
            CliRun uncached = run(dir, with(args, "--no-cache"));
            CliRun cold = run(dir, with(args, "--debug"));
            CliRun warm = run(dir, with(args, "--debug"));

            assertThat(stats(cold)[0]).as(cold.toString()).isZero();
            assertThat(stats(warm)[1]).as("linted on the warm run of " + input + "\n" + warm).isZero();
            assertThat(warm.out()).as(input.toString()).isEqualTo(cold.out()).isEqualTo(uncached.out());
            assertThat(warm.exitCode()).isEqualTo(cold.exitCode()).isEqualTo(uncached.exitCode());
        }
    }

    private static String[] with(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(1, more);
        return all.toArray(String[]::new);
    }

    @Test
    void aChangedFileRelintsItsChainOnly() throws IOException {
        CliRun cold = run(project, "check", "--debug", "db/a", "db/b");
        assertThat(stats(cold)).containsExactly(0, 2, 2, 0);

        write("db/b/001_orders.down.sql", "DROP TABLE orders;\n");
        CliRun warm = run(project, "check", "--debug", "--format", "json", "db/a", "db/b");

        assertThat(stats(warm)).containsExactly(1, 1, 1, 0);
        assertThat(warm.out()).isEqualTo(run(project, "check", "--no-cache", "--format", "json", "db/a", "db/b").out());
    }

    @Test
    void aChangedQueryFileIsLintedAgainstTheChains() throws IOException {
        run(project, "check", "db/a", "--queries", "queries");
        assertThat(stats(run(project, "check", "--debug", "db/a", "--queries", "queries"))).containsExactly(2, 0, 0, 0);

        write("queries/report.sql", "SELECT id FROM users WHERE country = NULL;\n");
        CliRun warm = run(project, "check", "--debug", "db/a", "--queries", "queries");

        assertThat(stats(warm)[1]).isEqualTo(2);
        assertThat(warm.out()).doesNotContain("select-star").contains("null-comparison");
    }

    @Test
    void aMapperIsLintedAgainWhenAFragmentItIncludesFromAnotherMapperChanges() throws IOException {
        write("mapper/Common.xml", """
                <mapper namespace="shop.Common">
                  <sql id="cond">country = 'NL'</sql>
                </mapper>
                """);
        write("mapper/Report.xml", """
                <mapper namespace="shop.Report">
                  <select id="byCountry" resultType="long">
                    SELECT count(*) FROM users WHERE <include refid="shop.Common.cond"/>
                  </select>
                </mapper>
                """);
        assertThat(run(project, "check", "db/a", "--queries", "mapper").out()).doesNotContain("null-comparison");

        write("mapper/Common.xml", """
                <mapper namespace="shop.Common">
                  <sql id="cond">country = NULL</sql>
                </mapper>
                """);
        CliRun warm = run(project, "check", "--debug", "db/a", "--queries", "mapper");

        assertThat(warm.out()).as(warm.toString()).contains("mapper/Report.xml:3:").contains("null-comparison");
        assertThat(warm.out()).isEqualTo(run(project, "check", "--no-cache", "db/a", "--queries", "mapper").out());
    }

    @Test
    void aConfigChangeInvalidates() throws IOException {
        run(project, "check", "db/a");
        write(".migralint.yaml", "rules:\n  ban-char: error\n");

        CliRun warm = run(project, "check", "--debug", "db/a");

        assertThat(stats(warm)[0]).isZero();
        assertThat(warm.out()).contains("error[ban-char]");
        assertThat(stats(run(project, "check", "--debug", "--disable", "ban-char", "db/a"))[0]).isZero();
    }

    @Test
    void aCorruptEntryIsIgnoredAndRewritten() throws IOException {
        CliRun cold = run(project, "check", "--format", "sarif", "db/a", "db/b");
        List<Path> entries;
        try (Stream<Path> list = Files.list(cacheDir.resolve("results"))) {
            entries = list.toList();
        }
        assertThat(entries).hasSize(2);
        byte[] first = Files.readAllBytes(entries.get(0));
        Files.write(entries.get(0), java.util.Arrays.copyOf(first, first.length / 2));
        String second = Files.readString(entries.get(1));
        // edited by hand, even to the same JSON: the checksum no longer matches
        assertThat(second).contains("\"findings\":[");
        Files.writeString(entries.get(1), second.replace("\"findings\":[", "\"findings\": ["));

        CliRun warm = run(project, "check", "--debug", "--format", "sarif", "db/a", "db/b");

        assertThat(stats(warm)).containsExactly(0, 2, 2, 2);
        assertThat(warm.out()).isEqualTo(cold.out());
        assertThat(stats(run(project, "check", "--debug", "db/a", "db/b"))).containsExactly(2, 0, 0, 0);
    }

    @Test
    void concurrentRunsShareTheCacheSafely() throws Exception {
        String expected = run(project, "check", "--no-cache", "--format", "json", "db/a", "db/b", "--queries", "queries")
                .out();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> run(project, "check", "--format", "json", "db/a", "db/b", "--queries",
                        "queries")));
            }
            for (Future<CliRun> r : runs) {
                assertThat(r.get().out()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        CliRun after = run(project, "check", "--debug", "--format", "json", "db/a", "db/b", "--queries", "queries");
        assertThat(stats(after)).containsExactly(3, 0, 0, 0);
        assertThat(after.out()).isEqualTo(expected);
        try (Stream<Path> list = Files.list(cacheDir.resolve("results"))) {
            assertThat(list.map(p -> p.getFileName().toString())).hasSize(3).noneMatch(n -> n.endsWith("-tmp"));
        }
    }

    @Test
    void noCacheWritesNothing() {
        CliRun run = run(project, "check", "--no-cache", "--debug", "db/a", "db/b");

        assertThat(run.err()).doesNotContain("debug: cache");
        assertThat(cacheDir).isEmptyDirectory();
    }

    @Test
    void baselineAndSinceFilterTheCachedFindings() throws Exception {
        assumeTrue(GitRepo.available(), "skipped: git is not on the PATH");
        GitRepo repo = GitRepo.init(project.resolve("repo"));
        repo.write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, country char(2));\n");
        String first = repo.commitAll("V1");
        repo.write("db/migration/V2__index.sql", "CREATE INDEX users_country_idx ON users (country);\n");
        Path root = repo.root();
        assertThat(CliRun.in(root, "baseline", "db/migration").exitCode()).isZero();
        repo.write("db/migration/V3__more.sql", "ALTER TABLE users ADD COLUMN region char(3);\n");

        for (String[] filter : List.of(new String[] {"--since", first}, new String[] {"--baseline",
            ".migralint-baseline.json"})) {
            // text: it shows active findings only (JSON keeps the baseline's, marked suppressed)
            List<String> args = new ArrayList<>(List.of("check", "--format", "text"));
            args.addAll(List.of(filter));
            args.add("db/migration");
            String expected = run(root, with(args, "--no-cache")).out();
            CliRun cold = run(root, with(args, "--debug"));
            CliRun warm = run(root, with(args, "--debug"));

            assertThat(stats(warm)[1]).isZero();
            assertThat(warm.out()).isEqualTo(cold.out()).isEqualTo(expected).contains("V3__more.sql");
            assertThat(warm.out()).doesNotContain(filter[0].equals("--since") ? "V1__users.sql" : "V2__index.sql");
        }
    }
}
