package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.testing.GoldenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code migralint schema} end to end through {@link Main#run}, on a small shop's Flyway history
 * ({@code db/migration}: foreign keys, a composite key, unique indexes, an enum, a view) and a plain
 * chain whose names Mermaid would not take as they are ({@code db/audit}). Outputs are compared with
 * golden files; regenerate with {@code -Dmigralint.updateGolden=true} and review the diff.
 */
class SchemaCommandTest {
    private static final Path REPO = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path SCHEMA = REPO.resolve("cli/src/test/resources/schema");
    private static final Path SHOP = SCHEMA.resolve("shop");
    private static final Path GOLDEN = SCHEMA.resolve("golden");

    private static CliRun schema(String... args) {
        List<String> all = new ArrayList<>(List.of("schema"));
        all.addAll(List.of(args));
        return CliRun.in(SHOP, all.toArray(String[]::new));
    }

    /** The tool's version changes with every release; golden files show a placeholder. */
    private static String withoutToolVersion(String json) {
        return json.replace("\"version\": \"" + ToolVersion.get() + "\"", "\"version\": \"(tool version)\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "mermaid", "dot"})
    void printsTheReplayedSchemaOfEachChain(String format) {
        CliRun run = schema("--format", format, "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        GoldenFile.assertMatches(GOLDEN.resolve("shop." + extension(format)), withoutToolVersion(run.out()));
    }

    private static String extension(String format) {
        return switch (format) {
            case "mermaid" -> "mmd";
            default -> format;
        };
    }

    @Test
    void jsonHasEveryChainWithItsLayoutAndTheSchemaItEndsWith() throws IOException {
        CliRun run = schema("--format", "json", "db");

        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("chains")).extracting(c -> c.path("chain").asText() + " " + c.path("layout").asText())
                .containsExactly("db/audit plain", "db/migration flyway");
        JsonNode shop = root.path("chains").path(1).path("schema");
        assertThat(shop.path("tables")).extracting(t -> t.path("name").asText())
                .containsExactly("customers", "order_items", "orders", "products", "shipments");
        JsonNode orderItems = shop.path("tables").path(1);
        assertThat(orderItems.path("primaryKey").path("columns").toString()).isEqualTo("[\"order_id\",\"product_id\"]");
        JsonNode fk = orderItems.path("foreignKeys").path(0);
        assertThat(fk.path("references").path("name").asText()).isEqualTo("orders");
        assertThat(fk.path("onDelete").asText()).isEqualTo("CASCADE");
        assertThat(fk.path("definedAt").path("file").asText()).isEqualTo("db/migration/V3__orders.sql");
        assertThat(fk.path("definedAt").path("line").asInt()).isEqualTo(10);
        JsonNode customers = shop.path("tables").path(0);
        assertThat(customers.path("columns").path(1).path("type").asText()).isEqualTo("varchar(255)");
        assertThat(customers.path("columns").path(1).path("typeAsWritten").asText()).isEqualTo("character varying(255)");
        assertThat(customers.path("columns").path(4).path("name").asText()).isEqualTo("referred_by");
        assertThat(customers.path("columns").path(4).path("nullable").asBoolean()).isTrue();
        assertThat(customers.path("indexes")).extracting(i -> i.path("name").asText() + " " + i.path("unique").asBoolean())
                .containsExactly("customers_pkey true", "customers_email_idx true", "customers_lower_email_idx false");
        JsonNode partial = shop.path("tables").path(2).path("indexes").path(2);
        assertThat(partial.path("name").asText()).isEqualTo("orders_pending_idx");
        assertThat(partial.path("predicate").asText()).contains("status = 'pending'");
        assertThat(partial.path("columns").path(0).path("descending").asBoolean()).isTrue();
        assertThat(shop.path("enums").path(0).path("labels").toString())
                .isEqualTo("[\"pending\",\"paid\",\"shipped\",\"cancelled\"]");
        assertThat(shop.path("views").path(0).path("name").asText()).isEqualTo("order_totals");
        assertThat(shop.path("views").path(0).path("dependsOn")).extracting(d -> d.path("name").asText())
                .containsExactlyInAnyOrder("order_items", "orders", "products");
    }

    @Test
    void atStopsAfterTheMigrationWithThatVersion() throws IOException {
        CliRun run = schema("--format", "json", "--at", "3", "db/migration");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode chain = new ObjectMapper().readTree(run.out()).path("chains").path(0);
        assertThat(chain.path("migrations").asInt()).isEqualTo(3);
        assertThat(chain.path("lastMigration").path("file").asText()).isEqualTo("db/migration/V3__orders.sql");
        assertThat(chain.path("schema").path("tables")).extracting(t -> t.path("name").asText())
                .containsExactly("customers", "order_items", "orders", "products");
        assertThat(chain.path("schema").path("views")).isEmpty();
        assertThat(chain.path("schema").path("tables").path(0).path("columns"))
                .extracting(c -> c.path("name").asText()).doesNotContain("referred_by");
    }

    @Test
    void atLeavesOutChainsWithoutThatVersion() {
        CliRun run = schema("--format", "mermaid", "--at", "2", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("%% db/migration (flyway, 2 migrations, through 2)\nerDiagram\n")
                .contains("    products {").doesNotContain("orders").doesNotContain("audit");
    }

    @Test
    void anUnknownVersionIsAUsageErrorThatListsTheKnownOnes() {
        CliRun run = schema("--at", "9", "db/migration");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "migralint: error: no migration has version '9' (versions: 1, 2, 3, 4, 5)");
    }

    @Test
    void outputOptionWritesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/schema.mmd");
        CliRun run = schema("--format", "mermaid", "-o", file.toString(), "db/migration");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(schema("--format", "mermaid", "db/migration").out());
    }

    @Test
    void defaultsToJsonForTheWorkingDirectory() throws IOException {
        CliRun run = schema();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(run.out()).path("chains")).hasSize(2);
    }

    @Test
    void withoutPathsTheConfigsMigrationsAreReplayed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("db/schema"));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("db/schema/V1__t.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("loose.sql"), "CREATE TABLE loose (id int);\n");
        Files.writeString(dir.resolve(".migralint.yaml"), "migrations: [db/schema]\n");

        CliRun run = CliRun.in(dir.resolve("sub"), "schema", "--format", "mermaid");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("%% ").contains("db/schema (flyway, 1 migration, through 1)\nerDiagram\n    t {")
                .doesNotContain("loose");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = schema("--format", "svg", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'svg' is not one of json, mermaid, dot");
    }

    @Test
    void aMissingPathIsAnInputError() {
        CliRun run = schema("nowhere");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("migralint: error: path not found: nowhere");
    }

    @Test
    void mysqlTablesAndColumnsKeepTheirSpellingEvenWhereAReferenceWritesThemOtherwise(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__t.sql"), """
                CREATE TABLE `Release` (`Id` bigint PRIMARY KEY) ENGINE=InnoDB;
                CREATE TABLE ReleaseHistory (Id bigint PRIMARY KEY, ReleaseId bigint,
                  FOREIGN KEY (ReleaseId) REFERENCES `release` (Id)) ENGINE=InnoDB;
                """);

        CliRun mermaid = CliRun.in(dir, "schema", "--dialect", "mysql", "--format", "mermaid", ".");
        CliRun json = CliRun.in(dir, "schema", "--dialect", "mysql", ".");

        assertThat(mermaid.exitCode()).as(mermaid.toString()).isEqualTo(ExitCodes.OK);
        assertThat(mermaid.out()).contains("    Release {").contains("    ReleaseHistory {")
                .contains("bigint ReleaseId FK").contains("ReleaseHistory }o..o| Release : \"ReleaseId\"")
                .doesNotContain("release {").doesNotContain("releaseid");
        // no column list holds the folded name; the foreign key's implicit index keeps a folded name,
        // as index names are compared without regard to case
        assertThat(json.out()).contains("\"name\": \"ReleaseHistory\"").contains("\"name\": \"ReleaseId\"")
                .doesNotContain("\"name\": \"release\"").doesNotContain("\"releaseid\"\n");
    }

    @Test
    void unparsedStatementsAndRefusedChangesAreWarnings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__t.sql"), """
                CREATE TABLE t (id bigint PRIMARY KEY);
                CREATE TABLE u (id int,, x int);
                ALTER TABLE missing ADD COLUMN x int;
                """);

        CliRun run = CliRun.in(dir, "schema", "--format", "mermaid", ".");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("    t {\n        bigint id PK\n    }\n");
        assertThat(run.errLines()).containsExactly(
                "migralint: warning: 1 statement could not be parsed, so the schema lacks what it does"
                        + " (run 'migralint check' to see them)",
                "migralint: warning: V1__t.sql:3:21: table missing does not exist; not replayed");
    }

    @Test
    void mermaidOutputKeepsToTheErDiagramGrammar() {
        String text = schema("--format", "mermaid", "db").out();

        List<String> diagrams = MermaidErGrammar.diagrams(text);
        assertThat(diagrams).hasSize(2);
        for (String d : diagrams) {
            assertThat(MermaidErGrammar.violations(d)).as(d).isEmpty();
        }
    }

    @Test
    void theGrammarCheckRejectsWhatMermaidRejects() {
        assertThat(MermaidErGrammar.violations("erDiagram\n    t {\n        double precision x\n    }\n")).hasSize(1);
        assertThat(MermaidErGrammar.violations("erDiagram\n    t {\n        varchar(255) x\n    }\n")).hasSize(1);
        assertThat(MermaidErGrammar.violations("erDiagram\n    t {\n        integer pk\n    }\n"))
                .containsExactly("3: attribute name pk is a key keyword");
        assertThat(MermaidErGrammar.violations("erDiagram\n    end {\n        text a\n    }\n"))
                .containsExactly("2: entity name end is a keyword; quote it");
        assertThat(MermaidErGrammar.violations("erDiagram\n    a.b {\n        text a\n    }\n")).hasSize(1);
        assertThat(MermaidErGrammar.violations("erDiagram\n    a {\n    }\n    a }o--|| b : \"x\"\n"))
                .containsExactly("4: relationship names b, which has no entity block");
        assertThat(MermaidErGrammar.violations("erDiagram\n    a {\n    }\n    a >o--|| a : \"x\"\n")).hasSize(1);
        assertThat(MermaidErGrammar.violations("graph TD\n")).isNotEmpty();
    }

    /** Every field name of the JSON output is documented in docs/schema-format.md (as `name` or `parent.name`). */
    @Test
    void everyJsonFieldIsDocumented() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/schema-format.md"));
        JsonNode root = new ObjectMapper().readTree(schema("--format", "json", "db").out());
        java.util.Set<String> names = new java.util.TreeSet<>();
        collectFieldNames(root, names);

        assertThat(names).hasSizeGreaterThan(40);
        assertThat(names).filteredOn(n -> !doc.contains("`" + n + "`") && !doc.contains("." + n + "`")).isEmpty();
    }

    private static void collectFieldNames(JsonNode node, java.util.Set<String> out) {
        if (node.isArray()) {
            node.forEach(e -> collectFieldNames(e, out));
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(name);
                collectFieldNames(node.get(name), out);
            });
        }
    }

    /** The doc's Mermaid example keeps to the grammar, like the command's output. */
    @Test
    void docMermaidExampleKeepsToTheGrammar() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/schema-format.md"));
        int start = doc.indexOf("```mermaid\n");
        int end = doc.indexOf("```\n", start + 1);
        assertThat(start).isPositive();
        assertThat(MermaidErGrammar.violations(doc.substring(start + "```mermaid\n".length(), end))).isEmpty();
    }

    /** Runs Graphviz on the DOT output when it is installed; the build does not need it. */
    @Test
    void dotOutputIsAcceptedByGraphviz() throws Exception {
        Assumptions.assumeTrue(onPath("dot"), "Graphviz 'dot' is not installed: DOT output not checked by Graphviz");
        String text = schema("--format", "dot", "db").out();

        Process p = new ProcessBuilder("dot", "-Tsvg").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).isEmpty();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The README's Schema section shows the diagram of the examples: it must be what the command prints. */
    @Test
    void readmeDiagramIsTheExamplesSchema() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int section = readme.indexOf("\n## Schema\n");
        assertThat(section).as("README has a Schema section").isPositive();
        int start = readme.indexOf("```mermaid\n", section);
        int end = readme.indexOf("```\n", start + 1);
        assertThat(start).isPositive();
        String shown = readme.substring(start + "```mermaid\n".length(), end);

        CliRun run = CliRun.in(REPO.resolve("examples"), "schema", "--format", "mermaid", "db/migration");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(shown).isEqualTo(run.out());
    }
}
