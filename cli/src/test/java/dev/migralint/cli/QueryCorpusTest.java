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
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks sqlc's query files (corpus {@code queries/sqlc-dev_sqlc}) against the schema next to each,
 * through the real entry point ({@code check SCHEMA --queries QUERIES}), and counts how many queries the
 * validator read and what the schema-aware query rules found. sqlc itself accepts every case without a
 * {@code stderr.txt}, so an {@code unknown-column} there is false: the test fails on one. Cases with a
 * {@code stderr.txt} are the ones sqlc rejects; their findings are listed for reading, not asserted.
 * With -Dmigralint.updateDocs=true it writes the queries section of docs/parse-coverage.md.
 */
@Tag("slow")
class QueryCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RULES = Set.of("unknown-column", "unindexed-predicate", "non-sargable-predicate",
            "query-type-mismatch");
    private static final Pattern DEBUG = Pattern.compile(
            "(\\d+) statements \\((\\d+) parsed.*?(\\d+) queries validated against the schema, (\\d+) not readable");

    /**
     * Unknown columns in cases without a stderr.txt, each read and true: the schema beside the query
     * lacks the column (sqlc's own tests of these cases expect other errors, or none from its MySQL engine).
     */
    private static final List<String[]> TRUE_UNKNOWN = List.of(
            new String[] {"testdata/in_union/mysql/", "author_id"}, // authors has no author_id; only the subquery's tables do
            new String[] {"testdata/invalid_group_by_reference/postgresql/", "invalid_reference"},
            new String[] {"testdata/invalid_params/", "foo"}, // bar has only id
            new String[] {"testdata/invalid_params/", "baz"},
            new String[] {"testdata/order_by_non_existing_column/postgresql/", "adfadsf"});

    record Case(Path dir, String dialect, List<Path> schema, Path queries, boolean sqlcRejects) {
    }

    record Counts(int cases, int statements, int parsed, int validated, int notValidated) {
        Counts plus(int s, int p, int v, int n) {
            return new Counts(cases + 1, statements + s, parsed + p, validated + v, notValidated + n);
        }
    }

    @Test
    void queriesAreValidatedWithoutFalseUnknownColumns(@TempDir Path tmp) throws IOException {
        Path repo = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        Path corpus = repo.resolve("../shared/corpus").normalize();
        Path sqlc = corpus.resolve("queries/sqlc-dev_sqlc");
        Assumptions.assumeTrue(Files.isDirectory(sqlc),
                () -> "SKIPPED: corpus not found at " + sqlc + "; the query corpus test did not run");
        Map<String, Counts> counts = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        for (Case c : cases(corpus, sqlc)) {
            Path out = tmp.resolve("report.json");
            List<String> args = new ArrayList<>(List.of("check", "--format", "json", "-o", out.toString(),
                    "--fail-on", "never", "--dialect", c.dialect(), "--debug", "--queries", c.queries().toString()));
            c.schema().forEach(s -> args.add(s.toString()));
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
            String name = sqlc.relativize(c.dir()).toString();
            assertThat(code).as("exit code for %s; stderr: %s", name, stderr).isIn(0, 2);
            assertThat(stderr.toString()).as("stderr for %s", name).doesNotContain("\tat ");
            Matcher m = DEBUG.matcher(stderr.toString());
            assertThat(m.find()).as("debug line for %s: %s", name, stderr).isTrue();
            counts.merge(c.dialect() + (c.sqlcRejects() ? " (cases sqlc rejects)" : ""),
                    new Counts(0, 0, 0, 0, 0).plus(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))),
                    (a, b) -> a.plus(b.statements(), b.parsed(), b.validated(), b.notValidated()));
            for (JsonNode f : JSON.readTree(out.toFile()).get("findings")) {
                String rule = f.get("ruleId").asText();
                if (!RULES.contains(rule)) {
                    continue;
                }
                String line = String.format(Locale.ROOT, "%s %s:%s %s: %s", c.sqlcRejects() ? "REJECTED" : "accepted",
                        f.get("file").asText(), f.path("start").path("line").asText("?"), rule,
                        f.get("message").asText());
                (c.sqlcRejects() ? rejected : accepted).add(line);
                byRule.merge(rule + (c.sqlcRejects() ? " (sqlc rejects)" : ""), 1, Integer::sum);
            }
        }
        accepted.forEach(System.out::println);
        rejected.forEach(System.out::println);
        String section = section(counts, byRule);
        System.out.println(section);
        if (Boolean.getBoolean("migralint.updateDocs")) {
            Path doc = repo.resolve("docs/parse-coverage.md");
            Files.writeString(doc, CorpusTest.withoutQueriesSection(Files.readString(doc)) + section);
        }
        assertThat(accepted).as("unknown-column in queries sqlc accepts, other than the ones read and found true")
                .filteredOn(l -> l.contains(" unknown-column: "))
                .allMatch(l -> TRUE_UNKNOWN.stream().anyMatch(t -> l.contains(t[0]) && l.contains("Column " + t[1] + " ")));
        assertThat(counts.values().stream().mapToInt(Counts::validated).sum()).isGreaterThan(500);
    }

    /** Every folder with a query file or folder and a schema beside it. */
    private static List<Case> cases(Path corpus, Path sqlc) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> all = Files.walk(sqlc)) {
            for (Path q : all.filter(p -> p.getFileName().toString().matches("query\\.sql|queries\\.sql|query|queries"))
                    .sorted().toList()) {
                Path dir = q.getParent();
                List<Path> schema = new ArrayList<>();
                for (String s : List.of("schema.sql", "schema", "migrations")) {
                    if (Files.exists(dir.resolve(s))) {
                        schema.add(dir.resolve(s));
                    }
                }
                if (!schema.isEmpty()) {
                    cases.add(new Case(dir, CorpusTest.dialectOf(corpus.relativize(dir)), schema, q,
                            Files.exists(dir.resolve("stderr.txt"))));
                }
            }
        }
        return cases;
    }

    private static String section(Map<String, Counts> counts, Map<String, Integer> byRule) {
        StringBuilder sb = new StringBuilder();
        sb.append(CorpusTest.QUERIES_HEADING).append("\n\n");
        sb.append("""
                Query files validated against the replayed schema with Apache Calcite (`unknown-column`,
                `unindexed-predicate`, `non-sargable-predicate`). Generated by `QueryCorpusTest` in the `cli`
                module over the sqlc corpus (`queries/sqlc-dev_sqlc`): each case's `schema.sql` (or `schema/`,
                `migrations/`) is the migration history and its `query.sql` (or `query/`) the query files, run as
                `check SCHEMA --queries QUERY`. sqlc accepts every case without a `stderr.txt`, so an
                `unknown-column` there would be false, and the test fails on one. Regenerate with:

                    mvn -B -pl cli -am test -Dtest=QueryCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups= -Dmigralint.updateDocs=true

                - **validated**: Calcite parsed the query (after same-length respellings: parameters, `::`
                  casts, `ILIKE`, MySQL double-quoted strings) and validated it against the schema.
                - **not validated**: a SELECT, UPDATE or DELETE Calcite cannot read (`DISTINCT ON`, JSON and
                  array operators, `RETURNING`, `UPDATE ... FROM`, interval literals, dollar quotes, ...) or
                  rejects for a reason other than an unknown name (a type it cannot infer): it gets no
                  schema-aware finding. INSERT is not validated.

                | cases | dialect | statements | parsed | validated | not validated | validated % of queries |
                |---:|---|---:|---:|---:|---:|---:|
                """);
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            Counts c = e.getValue();
            int queries = c.validated() + c.notValidated();
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %d | %s |%n", c.cases(), e.getKey(),
                    c.statements(), c.parsed(), c.validated(), c.notValidated(),
                    queries == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * c.validated() / queries)));
        }
        sb.append("\nFindings of the schema-aware query rules:\n\n| rule | findings |\n|---|---:|\n");
        byRule.forEach((rule, n) -> sb.append("| ").append(rule).append(" | ").append(n).append(" |\n"));
        return sb.toString();
    }
}
