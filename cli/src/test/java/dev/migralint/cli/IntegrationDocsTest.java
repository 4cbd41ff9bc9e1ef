package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migralint.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every snippet in {@code docs/integrations.md} works: shell blocks' {@code migralint} lines and the
 * {@code migralint} lines inside YAML (workflow {@code run:}, GitLab {@code script:}, pre-commit hooks)
 * run through {@link Main} in a git repository holding the example migrations, with a branch
 * {@code origin/main} to compare against; YAML blocks parse, and the files a CI job uploads are the
 * files migralint writes. Lines that are not migralint commands must be installation steps.
 */
@Tag("slow")
class IntegrationDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path DOC = ROOT.resolve("docs/integrations.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Set<String> CONFIG_KEYS = Set.of("dialect", "target-version", "migrations", "queries",
            "query-logs", "placeholders", "assume-in-transaction", "fail-on", "baseline", "rules");
    /** Shell lines the doc shows that install things rather than run migralint. */
    private static final Pattern INSTALL_STEP = Pattern.compile("(ln -s|cp) .*");

    @TempDir
    Path temp;

    private int repositories;

    record Snippet(int index, String language, String body) {
        @Override
        public String toString() {
            return "block " + index + " (" + language + "): " + body.lines().findFirst().orElse("");
        }
    }

    static List<Snippet> snippets() throws IOException {
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            out.add(new Snippet(out.size() + 1, m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void theDocHasSnippetsOfEveryKind() throws IOException {
        assertThat(DOC).exists();
        List<Snippet> all = snippets();
        assertThat(all).extracting(Snippet::language).containsOnly("sh", "yaml");
        assertThat(String.join("\n", all.stream().map(Snippet::body).toList()))
                .contains("--format sarif", "--format github", "--format gitlab", "--since", "--staged",
                        "migralint baseline", "upload-sarif", "codequality:", "id: migralint");
    }

    @TestFactory
    Stream<DynamicTest> everySnippetRuns() throws IOException {
        assumeTrue(GitRepo.available(), "skipped: git is not on the PATH");
        return snippets().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> run(s)));
    }

    private void run(Snippet s) throws Exception {
        switch (s.language()) {
            case "sh" -> runShell(s.body());
            case "yaml" -> runYaml(YAML.readTree(s.body()));
            default -> throw new AssertionError("no runner for ```" + s.language() + " blocks");
        }
    }

    private void runShell(String body) throws Exception {
        GitRepo repo = sampleRepository();
        for (String raw : body.split("\n")) {
            String line = raw.replaceFirst("\\s+#.*$", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = words(line);
            if (words.get(0).equals("migralint")) {
                runMigralint(repo, words.subList(1, words.size()));
            } else {
                assertThat(line).as("a shell line that is neither migralint nor an install step").matches(INSTALL_STEP);
            }
        }
    }

    private void runYaml(JsonNode yaml) throws Exception {
        assertThat(yaml).as("YAML block parses to a mapping or list").isNotNull();
        if (yaml.has("jobs")) {
            githubWorkflow(yaml);
        } else if (yaml.has("repos")) {
            preCommitConfig(yaml);
        } else if (yaml.isObject() && allKeysIn(yaml, CONFIG_KEYS)) {
            configFile(yaml);
        } else if (yaml.isObject() && yaml.size() == 1 && yaml.elements().next().has("script")) {
            gitlabJob(yaml.elements().next());
        } else {
            throw new AssertionError("unrecognized YAML snippet; teach IntegrationDocsTest to run it: " + yaml);
        }
    }

    private void githubWorkflow(JsonNode workflow) throws Exception {
        assertThat(workflow.has("on")).as("workflow has triggers").isTrue();
        for (JsonNode job : workflow.get("jobs")) {
            GitRepo repo = sampleRepository();
            String written = null;
            int commands = 0;
            for (JsonNode step : job.get("steps")) {
                assertThat(step.has("uses") || step.has("run")).as("step %s", step).isTrue();
                for (String line : step.path("run").asText("").split("\n")) {
                    List<String> words = words(line.replace("${{ github.base_ref }}", "main").strip());
                    if (!words.isEmpty() && words.get(0).equals("migralint")) {
                        written = runMigralint(repo, words.subList(1, words.size()));
                        commands++;
                    }
                }
                if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
                    assertThat(step.at("/with/sarif_file").asText()).as("uploads the file migralint wrote")
                            .isEqualTo(written);
                }
            }
            assertThat(commands).as("the job runs migralint").isPositive();
        }
    }

    private void gitlabJob(JsonNode job) throws Exception {
        GitRepo repo = sampleRepository();
        String written = null;
        for (JsonNode line : job.get("script")) {
            List<String> words = words(line.asText());
            if (words.get(0).equals("migralint")) {
                written = runMigralint(repo, words.subList(1, words.size()));
            }
        }
        assertThat(written).as("the job writes a report").isNotNull();
        assertThat(job.at("/artifacts/reports/codequality").asText()).isEqualTo(written);
    }

    private void preCommitConfig(JsonNode config) throws Exception {
        JsonNode manifest = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        for (JsonNode repoEntry : config.get("repos")) {
            for (JsonNode hook : repoEntry.get("hooks")) {
                JsonNode definition = repoEntry.get("repo").asText().equals("local") ? hook
                        : find(manifest, hook.get("id").asText());
                runHook(definition, hook.path("args"));
            }
        }
    }

    @Test
    void theHookManifestRunsCheckStagedOnSqlFiles() throws Exception {
        assumeTrue(GitRepo.available(), "skipped: git is not on the PATH");
        JsonNode manifest = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        JsonNode hook = find(manifest, "migralint");
        assertThat(hook.get("language").asText()).isEqualTo("system");
        assertThat(hook.get("pass_filenames").asBoolean(true)).isFalse();
        Pattern files = Pattern.compile(hook.get("files").asText());
        assertThat(files.matcher("db/migration/V1__init.sql").find()).isTrue();
        assertThat(files.matcher("DB/V1.SQL").find()).isTrue();
        assertThat(files.matcher("README.md").find()).isFalse();
        assertThat(words(hook.get("entry").asText())).containsExactly("migralint", "check", "--staged");
        runHook(hook, JSON.createArrayNode());
    }

    private void runHook(JsonNode hook, JsonNode args) throws Exception {
        List<String> words = new ArrayList<>(words(hook.get("entry").asText()));
        assertThat(words.get(0)).isEqualTo("migralint");
        args.forEach(a -> words.add(a.asText()));
        GitRepo repo = sampleRepository();
        CliRun run = CliRun.in(repo.root(), words.subList(1, words.size()).toArray(String[]::new));
        // The sample repository stages a migration with a finding: the hook must stop that commit.
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("V7__staged.sql").doesNotContain("V6__on_branch.sql");
    }

    private void configFile(JsonNode config) throws Exception {
        GitRepo repo = sampleRepository();
        Path file = repo.root().resolve(ConfigLoader.FILE_NAME);
        Files.writeString(file, YAML.writeValueAsString(config), StandardCharsets.UTF_8);
        ConfigLoader.load(file);
        if (config.has("baseline")) {
            CliRun record = CliRun.in(repo.root(), "baseline", "db/migration");
            assertThat(record.exitCode()).as(record.toString()).isZero();
            assertThat(repo.root().resolve(config.get("baseline").asText())).exists();
            CliRun check = CliRun.in(repo.root(), "check", "db/migration");
            assertThat(check.exitCode()).as("the configured baseline is applied: " + check).isEqualTo(ExitCodes.OK);
            assertThat(check.out()).contains("suppressed");
        }
    }

    /**
     * Runs one migralint command line in the repository; it must get through (exit 0 or 1) without
     * complaint. Returns the file it wrote with -o, checked to hold the format asked for.
     */
    private String runMigralint(GitRepo repo, List<String> args) throws IOException {
        assertThat(String.join(" ", args)).as("a runnable command line").doesNotContain("$");
        CliRun run = CliRun.in(repo.root(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as("migralint %s: %s", String.join(" ", args), run).isIn(0, 1);
        int o = args.indexOf("-o");
        String output = o >= 0 ? args.get(o + 1) : args.get(0).equals("baseline") ? ".migralint-baseline.json" : null;
        if (o >= 0 && args.get(0).equals("check")) {
            // A report to a file leaves standard error its summary, so a CI log is never empty.
            assertThat(run.err()).as("migralint %s", String.join(" ", args))
                    .startsWith("migralint: ").endsWith("; report: " + output + "\n").hasLineCount(1);
        } else {
            assertThat(run.err()).as("migralint %s", String.join(" ", args)).isEmpty();
        }
        if (output == null) {
            assertThat(run.out()).isNotEmpty();
            return null;
        }
        JsonNode written = JSON.readTree(repo.root().resolve(output).toFile());
        String format = args.contains("--format") ? args.get(args.indexOf("--format") + 1) : "";
        switch (format) {
            case "sarif" -> assertThat(written.get("version").asText()).isEqualTo("2.1.0");
            case "gitlab" -> assertThat(written.isArray()).isTrue();
            default -> assertThat(written.get("version").asInt()).isEqualTo(1);
        }
        return output;
    }

    /**
     * A repository with the example migrations committed on main, recorded as origin/main; a branch
     * that adds V6 (a finding); and V7 (another finding) staged but not committed.
     */
    private GitRepo sampleRepository() throws IOException, InterruptedException {
        Path examples = ROOT.resolve("examples/db/migration");
        assumeTrue(Files.isDirectory(examples), "skipped: no examples at " + examples);
        GitRepo repo = GitRepo.init(temp.resolve("repo" + (++repositories)));
        try (Stream<Path> files = Files.list(examples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                repo.write("db/migration/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        repo.commitAll("examples");
        repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("db/migration/V6__on_branch.sql", "CREATE INDEX users_email_idx ON users (email);\n");
        repo.commitAll("V6");
        repo.write("db/migration/V7__staged.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
        repo.git("add", "db/migration/V7__staged.sql");
        return repo;
    }

    private static JsonNode find(JsonNode manifest, String id) {
        for (JsonNode hook : manifest) {
            if (hook.get("id").asText().equals(id)) {
                return hook;
            }
        }
        throw new AssertionError("no hook '" + id + "' in .pre-commit-hooks.yaml");
    }

    private static boolean allKeysIn(JsonNode node, Set<String> keys) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!keys.contains(it.next())) {
                return false;
            }
        }
        return node.size() > 0;
    }

    /** Splits a command line into words as a POSIX shell would for the simple quoting the doc uses. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    @Test
    void wordsSplitLikeAShell() {
        assertThat(words("migralint check  --format 'a b' \"c\"d")).containsExactly("migralint", "check", "--format", "a b", "cd");
        assertThat(words("   ")).isEmpty();
    }
}
