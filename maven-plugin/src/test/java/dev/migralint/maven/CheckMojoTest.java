package dev.migralint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.migralint.core.baseline.Baseline;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojo run directly, as Maven would after injecting its parameters; real builds are the invoker ITs. */
class CheckMojoTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final String CREATE_USERS = "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n";
    /** require-concurrent-index, a warning. */
    /** One finding, require-concurrent-index: the lock timeout is set, as a careful migration does. */
    private static final String INDEX = "SET lock_timeout = '5s';\nCREATE INDEX users_name_idx ON users (name);\n";
    /** null-comparison, an error, at 1:27. */
    private static final String NULL_COMPARISON = "DELETE FROM users WHERE name = NULL;\n";

    @TempDir
    Path root;

    /** The project's folder, inside {@code root} so that a config file can live outside it. */
    private Path base;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void createProject() throws IOException {
        base = Files.createDirectory(root.resolve("project"));
    }

    private CheckMojo mojo() {
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(log);
        mojo.basedir = base.toFile();
        mojo.formats = List.of("sarif");
        mojo.sarifFile = base.resolve("target/migralint.sarif").toFile();
        mojo.jsonFile = base.resolve("target/migralint.json").toFile();
        mojo.pluginVersion = "9.9.9-test";
        return mojo;
    }

    private void write(String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void logsEachFindingAtItsSeverityAndFailsOnErrors() throws IOException {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__index.sql", INDEX);
        write(MIGRATIONS + "/V3__cleanup.sql", NULL_COMPARISON);

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("migralint: 1 finding at or above error (1 error); report: target/migralint.sarif");

        assertThat(log.at("WARN")).singleElement().asString()
                .startsWith(MIGRATIONS + "/V2__index.sql:2:1: warning[require-concurrent-index] ");
        assertThat(log.at("ERROR")).singleElement().asString()
                .startsWith(MIGRATIONS + "/V3__cleanup.sql:1:30: error[null-comparison] name = NULL is never true")
                .contains("\n  help: Use name IS NULL");
        assertThat(log.at("INFO")).containsExactly(
                "migralint: linting " + MIGRATIONS + " (dialect postgresql, fail-on error)",
                "migralint: 1 error, 1 warning in 3 files");
    }

    @Test
    void writesSarifWithTheFindingsAndTheToolVersion() throws Exception {
        write(MIGRATIONS + "/V1__cleanup.sql", NULL_COMPARISON);

        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class);

        JsonNode sarif = new ObjectMapper().readTree(base.resolve("target/migralint.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").path(0);
        assertThat(run.path("tool").path("driver").path("version").asText()).isEqualTo("9.9.9-test");
        JsonNode result = run.path("results").path(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("null-comparison");
        assertThat(run.path("tool").path("driver").path("rules").path(result.path("ruleIndex").asInt())
                .path("id").asText()).isEqualTo("null-comparison");
        assertThat(result.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo(MIGRATIONS + "/V1__cleanup.sql");
        assertValidSarif(sarif);
    }

    /** Validates against the official SARIF 2.1.0 schema in shared/schemas beside the repository. */
    private static void assertValidSarif(JsonNode sarif) throws IOException {
        Path schemaFile = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && schemaFile == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/schemas/sarif-schema-2.1.0.json");
            schemaFile = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(schemaFile != null,
                "SKIPPED: shared/schemas/sarif-schema-2.1.0.json not found; plugin SARIF not schema-validated");
        try (var in = Files.newInputStream(schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertThat(errors).as("SARIF schema violations").isEmpty();
        }
    }

    @Test
    void warningsAloneDoNotFailByDefault() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__index.sql", INDEX);

        mojo().execute();

        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("INFO")).contains("migralint: 1 warning in 2 files");
    }

    @Test
    void cleanProjectPassesAndSaysSo() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write("src/main/resources/db/changelog/001.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n");

        mojo().execute();

        assertThat(log.entries).containsExactly(
                "INFO migralint: linting " + MIGRATIONS + ", src/main/resources/db/changelog"
                        + " (dialect postgresql, fail-on error)",
                "INFO migralint: no problems found in 2 files");
        assertThat(base.resolve("target/migralint.sarif")).isRegularFile();
    }

    @Test
    void failOnParameterOverridesTheDefault() throws Exception {
        write(MIGRATIONS + "/V1__cleanup.sql", NULL_COMPARISON);
        CheckMojo mojo = mojo();
        mojo.failOn = "never";

        mojo.execute();

        assertThat(log.at("ERROR")).hasSize(1);
    }

    @Test
    void theConfigsBaselineHidesRecordedFindingsEvenWhenRecordedFromAnotherFolder() throws Exception {
        write(MIGRATIONS + "/V3__cleanup.sql", NULL_COMPARISON);
        write(".migralint.yaml", "baseline: .migralint-baseline.json\n");
        Config config = ConfigLoader.load(base.resolve(".migralint.yaml"));
        // Recorded as the CLI would from the folder above the project.
        Report recorded = new LintEngine(RuleRegistry.load()).run(
                new LintRequest(List.of(root.relativize(base.resolve(MIGRATIONS))), root, config));
        assertThat(recorded.activeFindings()).hasSize(1);
        Baseline.of(recorded).write(base.resolve(".migralint-baseline.json"));

        mojo().execute();
        assertThat(log.at("ERROR")).isEmpty();

        write(MIGRATIONS + "/V4__more.sql", NULL_COMPARISON);
        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("migralint: 1 finding at or above error (1 error)");
    }

    @Test
    void configFileFailOnAndRuleSettingsApply() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__index.sql", INDEX);
        write(MIGRATIONS + "/V3__cleanup.sql", NULL_COMPARISON);
        write(".migralint.yaml", "fail-on: warning\nrules:\n  null-comparison: off\n");

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("migralint: 1 finding at or above warning (1 warning); report: target/migralint.sarif");
        assertThat(log.at("ERROR")).isEmpty();
        assertThat(log.at("INFO")).first().isEqualTo("migralint: linting " + MIGRATIONS
                + " (dialect postgresql, fail-on warning, config .migralint.yaml)");
    }

    @Test
    void configFileWithoutFailOnKeepsThePluginDefault() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__index.sql", INDEX);
        write(".migralint.yaml", "dialect: postgresql\n");

        mojo().execute();

        assertThat(log.at("INFO")).first().asString().contains("fail-on error");
    }

    @Test
    void failOnParameterOverridesTheConfigFile() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__index.sql", INDEX);
        write(".migralint.yaml", "fail-on: warning\n");
        CheckMojo mojo = mojo();
        mojo.failOn = "error";

        mojo.execute();

        assertThat(log.at("WARN")).hasSize(1);
    }

    @Test
    void dialectParameterOverridesTheConfigFile() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(".migralint.yaml", "dialect: postgresql\n");
        CheckMojo mojo = mojo();
        mojo.dialect = "mariadb";

        mojo.execute();

        assertThat(log.at("INFO")).first().asString().contains("dialect mysql");
    }

    @Test
    void configFileMigrationsAreRelativeToTheProjectWhereverTheFileIs() throws Exception {
        write("../shared/.migralint.yaml", "migrations: [sql]\n");
        write("sql/V1__cleanup.sql", NULL_COMPARISON);
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        CheckMojo mojo = mojo();
        mojo.configFile = base.resolve("../shared/.migralint.yaml").toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(log.at("INFO")).first().isEqualTo("migralint: linting sql (dialect postgresql, fail-on error,"
                + " config " + base.resolve("../shared/.migralint.yaml").normalize() + ")");
        assertThat(log.at("ERROR")).singleElement().asString().startsWith("sql/V1__cleanup.sql:1:30: ");
    }

    @Test
    void migrationsParameterReplacesTheDefaultsAndQueriesAreLintedToo() throws Exception {
        write(MIGRATIONS + "/V1__cleanup.sql", NULL_COMPARISON);
        write("sql/schema/V1__users.sql", CREATE_USERS);
        write("sql/queries/users.sql", "SELECT * FROM users;\n");
        CheckMojo mojo = mojo();
        mojo.migrations = List.of("sql/schema");
        mojo.queries = List.of("sql/queries");

        mojo.execute();

        assertThat(log.at("ERROR")).isEmpty();
        assertThat(log.at("INFO")).contains("sql/queries/users.sql:1:8: info[select-star] "
                + "* selects every column, so the result changes whenever the table's columns change\n"
                + "  help: List the columns the query needs by name");
    }

    @Test
    void aMissingNamedPathIsAnExecutionError() {
        CheckMojo mojo = mojo();
        mojo.migrations = List.of("sql/nope");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: path not found: sql/nope");
    }

    @Test
    void aBadConfigFileIsAnExecutionErrorWithItsOneLineMessage() throws IOException {
        write(".migralint.yaml", "dialect: postgresql\nfailOn: warning\n");

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("migralint: " + base.resolve(".migralint.yaml") + ":2:1: unknown key 'failOn'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownRuleInTheConfigFileIsAnExecutionError() throws IOException {
        write(".migralint.yaml", "rules:\n  no-such-rule: off\n");

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(":2:3: unknown rule 'no-such-rule'");
    }

    @Test
    void aNamedConfigFileMustExist() {
        CheckMojo mojo = mojo();
        mojo.configFile = base.resolve("lint.yaml").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: " + base.resolve("lint.yaml") + ": config file not found");
    }

    @Test
    void badParameterValuesAreExecutionErrors() {
        CheckMojo badDialect = mojo();
        badDialect.dialect = "oracle";
        assertThatThrownBy(badDialect::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: unknown dialect 'oracle' (parameter dialect; use postgresql, mysql or generic)");

        CheckMojo badFailOn = mojo();
        badFailOn.failOn = "fatal";
        assertThatThrownBy(badFailOn::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: unknown failOn 'fatal' (parameter failOn; use error, warning, info or never)");

        CheckMojo badFormat = mojo();
        badFormat.formats = List.of("sarif", "html");
        assertThatThrownBy(badFormat::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: unknown format 'html' in formats"
                        + " (use sarif, json or none; the console report is always printed)");
    }

    @Test
    void anUnreadableFileFailsTheBuildAfterTheReports() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        Files.write(base.resolve(MIGRATIONS + "/V2__blob.sql"), new byte[] {'x', 0, 'y'});
        CheckMojo mojo = mojo();
        mojo.failOn = "never";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("migralint: 1 input could not be linted (see the errors above); report: target/migralint.sarif");
        assertThat(log.at("ERROR")).singleElement().asString()
                .startsWith(MIGRATIONS + "/V2__blob.sql: error[input] binary file");
        assertThat(base.resolve("target/migralint.sarif")).isRegularFile();
    }

    @Test
    void jsonAndSarifAreWrittenInTheOrderGiven() throws Exception {
        write(MIGRATIONS + "/V1__cleanup.sql", NULL_COMPARISON);
        CheckMojo mojo = mojo();
        mojo.formats = List.of("json", "sarif");

        assertThatThrownBy(mojo::execute).hasMessageEndingWith(
                "; reports: target/migralint.json, target/migralint.sarif");
        JsonNode json = new ObjectMapper().readTree(base.resolve("target/migralint.json").toFile());
        assertThat(json.path("findings").path(0).path("ruleId").asText()).isEqualTo("null-comparison");
    }

    @Test
    void formatNoneWritesNoFile() throws Exception {
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        CheckMojo mojo = mojo();
        mojo.formats = List.of("none");

        mojo.execute();

        assertThat(base.resolve("target")).doesNotExist();
    }

    @Test
    void withoutMigrationsItSaysWhereItLookedAndStillWritesTheSarif() throws Exception {
        mojo().execute();

        assertThat(log.at("INFO")).containsExactly(
                "migralint: linting nothing (dialect postgresql, fail-on error)",
                "migralint: no migrations found; looked for src/main/resources/db/migration and"
                        + " src/main/resources/db/changelog (set migrations to name them)",
                "migralint: no problems found in 0 files");
        JsonNode sarif = new ObjectMapper().readTree(base.resolve("target/migralint.sarif").toFile());
        assertThat(sarif.path("runs").path(0).path("results")).isEmpty();
    }

    @Test
    void skipDoesNothing() throws Exception {
        write(MIGRATIONS + "/V1__cleanup.sql", NULL_COMPARISON);
        CheckMojo mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(log.entries).containsExactly("INFO migralint: skipped (migralint.skip)");
        assertThat(base.resolve("target")).doesNotExist();
    }

    private static final String N_PLUS_ONE_LOG = String.join("\n",
            "2026-11-22 06:18:24.247 UTC [6596] app@shop LOG:  statement: SELECT id FROM orders WHERE customer_id = 7;",
            "2026-11-22 06:18:24.279 UTC [6596] app@shop LOG:  statement: SELECT sku FROM order_items WHERE order_id = 16;",
            "2026-11-22 06:18:24.311 UTC [6596] app@shop LOG:  statement: SELECT sku FROM order_items WHERE order_id = 17;",
            "2026-11-22 06:18:24.342 UTC [6596] app@shop LOG:  statement: SELECT sku FROM order_items WHERE order_id = 18;",
            "");

    @Test
    void queryLogsAreReadForNPlusOne() throws Exception {
        write("target/sql.log", N_PLUS_ONE_LOG);
        CheckMojo mojo = mojo();
        mojo.queryLogs = List.of("target/sql.log");

        mojo.execute();

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line)
                .contains("target/sql.log:2:").contains("[n-plus-one-log]").contains("3 executions"));
    }

    @Test
    void queryLogsFromTheConfigFileAreReadRelativeToTheProject() throws Exception {
        write(".migralint.yaml", "query-logs: [logs/pg.log]\n");
        write("logs/pg.log", N_PLUS_ONE_LOG);

        mojo().execute();

        assertThat(log.at("WARN")).anySatisfy(line -> assertThat(line).contains("[n-plus-one-log]"));
    }

    @Test
    void sinceReportsOnlyFilesChangedSinceTheRevision() throws Exception {
        Assumptions.assumeTrue(git(base, "--version") != null, "SKIPPED: git is not available");
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        write(MIGRATIONS + "/V2__cleanup.sql", NULL_COMPARISON);
        git(base, "init", "-q");
        git(base, "add", "-A");
        git(base, "commit", "-q", "-m", "base");
        git(base, "tag", "base");
        write(MIGRATIONS + "/V3__index.sql", INDEX);
        CheckMojo mojo = mojo();
        mojo.since = "base";
        mojo.failOn = "warning";

        // V2's error predates the revision: only V3's new warning is reported, and it fails at warning.
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("migralint: 1 finding at or above warning (1 warning)");
        assertThat(log.at("INFO")).contains("migralint: reporting on files changed since base (1)");
        assertThat(String.join("\n", log.entries)).contains("V3__index.sql").doesNotContain("null-comparison");
    }

    @Test
    void anUnknownSinceRevisionIsAnExecutionError() throws Exception {
        Assumptions.assumeTrue(git(base, "--version") != null, "SKIPPED: git is not available");
        write(MIGRATIONS + "/V1__users.sql", CREATE_USERS);
        git(base, "init", "-q");
        git(base, "add", "-A");
        git(base, "commit", "-q", "-m", "base");
        CheckMojo mojo = mojo();
        mojo.since = "no-such-branch";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown git revision 'no-such-branch'");
    }

    /** Runs git without the machine's configuration; null when git cannot be started. */
    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
