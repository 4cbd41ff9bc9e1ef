package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check's report, selection and input options end to end through {@link Main}: several reports in one
 * run, the summary on standard error, excludes and globs, rule switches, standard input, colour, quiet.
 */
class CheckOptionsTest {
    private static final String CREATE_USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n";
    /** require-concurrent-index (a warning) at 2:1, since users exists from V1; the lock timeout is set. */
    private static final String INDEX_USERS = "SET lock_timeout = '5s';\nCREATE INDEX users_email_idx ON users (email);\n";
    private static final String RULE = "require-concurrent-index";

    @TempDir
    Path dir;

    @BeforeEach
    void migrations() throws IOException {
        write("db/findings/V1__create_users.sql", CREATE_USERS);
        write("db/findings/V2__index_users.sql", INDEX_USERS);
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // --- reports -------------------------------------------------------------------------------------

    @Test
    void aReportToAFilePutsTheSummaryOnStandardError() {
        CliRun run = CliRun.in(dir, "check", "--format", "sarif", "-o", "out/x.sarif", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("migralint: 1 warning in 2 files; report: out/x.sarif\n");
        assertThat(dir.resolve("out/x.sarif")).isRegularFile();
    }

    @Test
    void severalReportsInOneRunAtMostOneOnStandardOutput() throws IOException {
        CliRun run = CliRun.in(dir, "check", "--format", "text", "--format", "sarif=r/lint.sarif",
                "--format=json=r/lint.json", "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("V2__index_users.sql:2:1: warning[" + RULE + "]").contains("1 warning in 2 files");
        assertThat(run.err()).isEmpty();
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("r/lint.sarif").toFile());
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo(RULE);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r/lint.json").toFile());
        assertThat(json.toString()).contains(RULE);
    }

    @Test
    void everyReportToAFileListsThemAll() {
        CliRun run = CliRun.in(dir, "check", "--format", "sarif=a.sarif", "--format", "json", "-o", "b.json",
                "db/findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("migralint: 1 warning in 2 files; reports: a.sarif, b.json\n");
    }

    @Test
    void twoReportsOnStandardOutputAreAUsageError() {
        CliRun run = CliRun.in(dir, "check", "--format", "text", "--format", "json", "db/findings");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("migralint: error: more than one report to standard output (text, json)");
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void aFormatWithAnEmptyFileIsAUsageError() {
        CliRun run = CliRun.in(dir, "check", "--format", "json=", "db/findings");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'json=' names no file");
    }

    @Test
    void quietPrintsFindingsOnlyAndNothingWhenClean() {
        CliRun clean = CliRun.in(dir, "check", "--quiet", "db/findings/V1__create_users.sql");
        CliRun findings = CliRun.in(dir, "check", "-q", "db/findings");
        CliRun toFile = CliRun.in(dir, "check", "-q", "-o", "x.txt", "db/findings");

        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(ExitCodes.OK);
        assertThat(clean.out()).isEmpty();
        assertThat(findings.out()).contains("warning[" + RULE + "]").doesNotContain("1 warning in 2 files");
        assertThat(toFile.err()).isEmpty();
    }

    @Test
    void colourFollowsTheFlagThenForceColorThenNoColor() {
        Environment pipe = new Environment(dir, Map.of(), false);
        Environment terminal = new Environment(dir, Map.of(), true);
        Environment forced = new Environment(dir, Map.of("FORCE_COLOR", "1", "NO_COLOR", "1"), false);
        Environment forceOff = new Environment(dir, Map.of("FORCE_COLOR", "0"), false);

        assertThat(CliRun.with(pipe, "check", "--color", "always", "db/findings").out()).contains("\u001b[");
        assertThat(CliRun.with(terminal, "check", "--color=never", "db/findings").out()).doesNotContain("\u001b[");
        assertThat(CliRun.with(forced, "check", "db/findings").out()).contains("\u001b[");
        assertThat(CliRun.with(forceOff, "check", "db/findings").out()).doesNotContain("\u001b[");
        CliRun bad = CliRun.with(pipe, "check", "--color", "sometimes", "db/findings");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'sometimes' is not one of auto, always, never");
    }

    @Test
    void sarifFromASubfolderNamesFilesFromTheRepositoryRoot() throws IOException {
        Files.createDirectories(dir.resolve(".git"));

        CliRun run = CliRun.in(dir.resolve("db"), "check", "--format", "sarif", "findings");

        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/findings/V2__index_users.sql");
        assertThat(sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText())
                .isEqualTo(dir.toUri().toString());
    }

    @Test
    void sarifWithoutARepositoryNamesFilesFromTheConfigFolder() throws IOException {
        write(".migralint.yaml", "fail-on: error\n");

        CliRun run = CliRun.in(dir.resolve("db"), "check", "--format", "sarif", "findings");

        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/findings/V2__index_users.sql");
    }

    @Test
    void everyFormatFromASubfolderNamesFilesFromTheRepositoryRoot() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(".migralint.yaml", "fail-on: error\nmigrations: [{path: db/findings, layout: flyway}]\n");

        CliRun text = CliRun.in(dir.resolve("db"), "check", "findings");
        CliRun json = CliRun.in(dir.resolve("db"), "check", "--format", "json", "findings");
        CliRun github = CliRun.in(dir.resolve("db/findings"), "check", "--format", "github", ".");
        CliRun fromRoot = CliRun.in(dir, "check", "db/findings");

        assertThat(text.out()).as(text.toString()).startsWith("db/findings/V2__index_users.sql:2:1: warning[" + RULE + "]");
        assertThat(new ObjectMapper().readTree(json.out()).at("/findings/0/file").asText())
                .isEqualTo("db/findings/V2__index_users.sql");
        assertThat(github.out()).as(github.toString()).startsWith("::warning file=db/findings/V2__index_users.sql,line=2,");
        assertThat(fromRoot.out()).isEqualTo(text.out());
    }

    // --- selection -----------------------------------------------------------------------------------

    @Test
    void excludeLeavesOutMatchingFilesByNameOrPath() {
        CliRun byName = CliRun.in(dir, "check", "--exclude", "V2__*.sql", "db");
        CliRun byPath = CliRun.in(dir.resolve("db"), "check", "--exclude", "findings/V2__index_users.sql", ".");
        CliRun byFolder = CliRun.in(dir, "check", "--exclude", "db/findings", "db/findings/V2__index_users.sql");

        assertThat(byName.exitCode()).as(byName.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byName.out()).contains("No problems found in 1 file.");
        assertThat(byPath.exitCode()).as(byPath.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byFolder.out()).as(byFolder.toString()).contains("No problems found in 0 files.");
    }

    @Test
    void theConfigsExcludeIsRelativeToItsFolder() throws IOException {
        write(".migralint.yaml", "exclude: ['db/**/V2__*.sql']\n");
        Path sub = Files.createDirectories(dir.resolve("db"));

        CliRun run = CliRun.in(sub, "check", "findings");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void globPatternsAsPathsAreExpanded() {
        CliRun run = CliRun.in(dir, "check", "db/find*");
        CliRun none = CliRun.in(dir, "check", "db/**/*.psql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("db/findings/V2__index_users.sql:2:1");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).isEqualTo("migralint: error: no file or folder matches 'db/**/*.psql'\n");
    }

    @Test
    void rulesAreSwitchedOnTheCommandLine() {
        CliRun disabled = CliRun.in(dir, "check", "--disable", RULE, "db/findings");
        CliRun error = CliRun.in(dir, "check", "--rule", RULE + "=error", "--fail-on", "error", "db/findings");
        CliRun lastWord = CliRun.in(dir, "check", "--disable", RULE, "--rule", RULE + "=info", "db/findings");

        assertThat(disabled.exitCode()).as(disabled.toString()).isEqualTo(ExitCodes.OK);
        assertThat(disabled.out()).doesNotContain(RULE);
        assertThat(error.exitCode()).as(error.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(error.out()).contains("error[" + RULE + "]");
        assertThat(lastWord.out()).contains("info[" + RULE + "]");
    }

    @Test
    void enableTurnsOnARuleThatIsOffByDefault() throws IOException {
        String off = offByDefaultRule();
        CliRun before = CliRun.in(dir, "check", "--format", "sarif", "db/findings");
        CliRun on = CliRun.in(dir, "check", "--enable", off, "--format", "sarif", "db/findings");

        // SARIF lists the rules that ran.
        assertThat(new ObjectMapper().readTree(before.out()).at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .doesNotContain(off);
        assertThat(new ObjectMapper().readTree(on.out()).at("/runs/0/tool/driver/rules").findValuesAsText("id"))
                .contains(off);
    }

    private static String offByDefaultRule() {
        return dev.migralint.core.rule.RuleRegistry.load(CheckOptionsTest.class.getClassLoader()).all().stream()
                .filter(r -> !r.meta().defaultOn()).map(r -> r.meta().id()).sorted().findFirst().orElseThrow();
    }

    @Test
    void anUnknownRuleOnTheCommandLineSuggestsTheNearestOne() {
        CliRun run = CliRun.in(dir, "check", "--rule", "require-concurent-index=off", "db/findings");
        CliRun badValue = CliRun.in(dir, "check", "--rule", RULE + "=loud", "db/findings");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("migralint: error: --rule: unknown rule 'require-concurent-index'; did you mean '"
                + RULE + "'? (run `migralint rules` for the list)\n");
        assertThat(badValue.err()).contains("'loud' is not off, on or a severity");
    }

    @Test
    void aMistypedRuleInTheConfigOrASuppressionSuggestsTheNearestOne() throws IOException {
        write(".migralint.yaml", "rules:\n  require-concurent-index: off\n");
        CliRun config = CliRun.in(dir, "check", "db/findings");
        Files.delete(dir.resolve(".migralint.yaml"));
        write("db/findings/V3__more.sql", "-- migralint-ignore require-concurent-index\nSELECT 1;\n");
        CliRun suppression = CliRun.in(dir, "check", "db/findings");

        assertThat(config.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(config.err()).isEqualTo("migralint: error: " + dir.resolve(".migralint.yaml")
                + ":2:3: unknown rule 'require-concurent-index' under rules; did you mean '" + RULE
                + "'? (run `migralint rules` for the list)\n");
        assertThat(suppression.out()).contains("V3__more.sql:1:").contains(
                "migralint-ignore names unknown rule 'require-concurent-index'; did you mean '" + RULE + "'?");
    }

    // --- standard input ------------------------------------------------------------------------------

    @Test
    void standardInputIsLintedAsTheNamedFile() throws IOException {
        Files.delete(dir.resolve("db/findings/V2__index_users.sql"));
        Environment env = new Environment(dir, Map.of(), false,
                new ByteArrayInputStream(INDEX_USERS.getBytes(StandardCharsets.UTF_8)));

        CliRun run = CliRun.with(env, "check", "-", "--stdin-filename", "db/findings/V2__index_users.sql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("db/findings/V2__index_users.sql:2:1: warning[" + RULE + "]");
        assertThat(dir.resolve("db/findings/V2__index_users.sql")).doesNotExist();
    }

    @Test
    void standardInputTakesTheConfigOfItsFilesFolder() throws IOException {
        write("other/.migralint.yaml", "rules:\n  " + RULE + ": off\n");
        Environment env = new Environment(dir, Map.of(), false,
                new ByteArrayInputStream(INDEX_USERS.getBytes(StandardCharsets.UTF_8)));

        CliRun run = CliRun.with(env, "check", "-", "--stdin-filename", "other/V2__index.sql", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain(RULE);
    }

    @Test
    void standardInputWithoutANameAndMisuses() {
        Environment env = new Environment(dir, Map.of(), false,
                new ByteArrayInputStream("SELECT 1;\n".getBytes(StandardCharsets.UTF_8)));

        CliRun plain = CliRun.with(env, "check", "-");
        CliRun newFolder = CliRun.with(new Environment(dir, Map.of(), false,
                new ByteArrayInputStream("SELECT 1;\n".getBytes(StandardCharsets.UTF_8))),
                "check", "-", "--stdin-filename", "not/yet/V1__new.sql");
        CliRun mixed = CliRun.in(dir, "check", "-", "db");
        CliRun nameOnly = CliRun.in(dir, "check", "--stdin-filename", "x.sql", "db");

        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plain.out()).contains("No problems found in 1 file.");
        assertThat(newFolder.exitCode()).as(newFolder.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("not")).doesNotExist();
        assertThat(mixed.err()).contains("- (standard input) cannot be combined with other paths");
        assertThat(nameOnly.err()).contains("--stdin-filename needs - among the paths");
    }

    // --- encoding ------------------------------------------------------------------------------------

    @Test
    void theConfigsEncodingReadsALatin1Migration() throws IOException {
        Files.createDirectories(dir.resolve("latin1"));
        Files.write(dir.resolve("latin1/V1__q.sql"),
                "CREATE TABLE t (id bigint PRIMARY KEY, c text);\nINSERT INTO t VALUES ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1));

        CliRun utf8 = CliRun.in(dir, "check", "latin1");
        write(".migralint.yaml", "encoding: ISO-8859-1\n");
        CliRun latin1 = CliRun.in(dir, "check", "latin1");
        write(".migralint.yaml", "encoding: klingon\n");
        CliRun unknown = CliRun.in(dir, "check", "latin1");

        assertThat(utf8.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(utf8.out()).contains("set encoding: in the config");
        assertThat(latin1.exitCode()).as(latin1.toString()).isEqualTo(ExitCodes.OK);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains(".migralint.yaml:1:1: unknown encoding 'klingon'");
    }
}
