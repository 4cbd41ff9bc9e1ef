package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigException;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer copies must work: every config block in README.md and docs/*.md loads and fits
 * docs/config.schema.json; every rule id the docs name exists; each example line of the init template,
 * uncommented, is valid config; the schema knows exactly the keys the loader does, and accepts the
 * config files in the repository's tests exactly when the loader parses them.
 */
class ConfigDocsTest {
    private static final Path REPO = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    /** An example line of the init template: {@code # key: value}, or {@code #  rule-id: ...} under rules. */
    private static final Pattern EXAMPLE_LINE = Pattern.compile("^#( ?)( *[a-z][a-z0-9-]*:(?: .*)?)$");
    /** Rule ids as the docs show them: in output, JSON, commands, suppressions and flags. */
    private static final List<Pattern> RULE_MENTIONS = List.of(
            Pattern.compile("(?:error|warning|info)\\[([a-z0-9-]+)]"),
            Pattern.compile("\"ruleId\": ?\"([a-z0-9-]+)\""),
            Pattern.compile("migralint explain ([a-z0-9-]+)"),
            Pattern.compile("migralint-ignore(?:-file)? ([a-z][a-z0-9-]+(?:, ?[a-z][a-z0-9-]+)*)"),
            Pattern.compile("--(?:enable|disable) ([a-z0-9-]+(?:,[a-z0-9-]+)*)"),
            Pattern.compile("--rule ([a-z0-9-]+)="));

    private static final RuleRegistry REGISTRY = RuleRegistry.load(ConfigDocsTest.class.getClassLoader());

    @Test
    void everyConfigBlockInTheDocsLoadsAndFitsTheSchema() throws IOException {
        Set<String> keys = schemaKeys();
        int blocks = 0;
        for (Path doc : docs()) {
            Matcher m = YAML_BLOCK.matcher(read(doc));
            while (m.find()) {
                String yaml = m.group(1);
                JsonNode tree = YAML.readTree(yaml);
                // CI workflows and pre-commit files are YAML too; a config has a config key at the top.
                if (tree == null || !tree.isObject() || !anyKeyIn(tree, keys)) {
                    continue;
                }
                blocks++;
                assertValidConfig(doc + " block " + yaml.lines().findFirst().orElse(""), yaml);
            }
        }
        assertThat(blocks).as("config blocks found in the docs").isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyRuleIdTheDocsNameExists() throws IOException {
        Set<String> unknown = new TreeSet<>();
        int mentions = 0;
        for (Path doc : docs()) {
            String text = read(doc);
            for (Pattern p : RULE_MENTIONS) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    for (String id : m.group(1).split(", ?|,")) {
                        mentions++;
                        if (!id.equals("input") && !REGISTRY.contains(id)) {
                            unknown.add(REPO.relativize(doc) + ": " + id);
                        }
                    }
                }
            }
        }
        assertThat(mentions).as("rule ids found in the docs").isGreaterThanOrEqualTo(15);
        assertThat(unknown).as("rule ids in the docs that no rule has").isEmpty();
    }

    @Test
    void eachExampleLineOfTheInitTemplateUncommentedIsValidConfig() throws IOException {
        List<String> lines = InitCommand.TEMPLATE.lines().toList();
        int examples = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXAMPLE_LINE.matcher(lines.get(i));
            if (!m.matches() || lines.get(i).startsWith("# yaml-language-server:")) {
                continue;
            }
            examples++;
            List<String> edited = new ArrayList<>(lines);
            edited.set(i, m.group(2));
            assertValidConfig("init template with line " + (i + 1) + " uncommented: " + lines.get(i),
                    String.join("\n", edited) + "\n");
        }
        assertThat(examples).as("example lines in the init template").isGreaterThanOrEqualTo(8);
        assertValidConfig("init template", InitCommand.TEMPLATE);
    }

    @Test
    void theInitTemplateNamesTheSchemaForYamlEditors() {
        assertThat(InitCommand.TEMPLATE).startsWith("# yaml-language-server: $schema=" + InitCommand.SCHEMA_URL + "\n");
        assertThat(InitCommand.SCHEMA_URL).endsWith("/main/docs/config.schema.json");
        assertThat(REPO.resolve("docs/config.schema.json")).isRegularFile();
    }

    @Test
    void theSchemaKnowsExactlyTheKeysTheLoaderKnows() throws IOException {
        String message = "";
        try {
            ConfigLoader.parse(Path.of("x.yaml"), "no-such-key: 1\n");
        } catch (ConfigException e) {
            message = e.getMessage();
        }
        Matcher known = Pattern.compile("known keys: ([^)]*)\\)").matcher(message);
        assertThat(known.find()).as(message).isTrue();
        assertThat(schemaKeys()).isEqualTo(new TreeSet<>(List.of(known.group(1).split(", "))));
    }

    @Test
    void theSchemaAcceptsTheTestConfigsExactlyWhenTheLoaderParsesThem() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.walk(REPO)) {
            configs = files.filter(f -> f.getFileName().toString().matches("\\.migralint\\.ya?ml"))
                    .filter(f -> !REPO.relativize(f).toString().contains("target/"))
                    .filter(f -> REPO.relativize(f).toString().matches("(.*/src/(test|it)/.*|examples/.*)"))
                    .toList();
        }
        assertThat(configs).as("config files in tests and examples").isNotEmpty();
        for (Path f : configs) {
            String text = read(f);
            boolean parses;
            try {
                ConfigLoader.parse(f, text);
                parses = true;
            } catch (ConfigException e) {
                parses = false;
            }
            assertThat(schemaErrors(text).isEmpty()).as("schema verdict on %s (loader parses it: %s)", f, parses)
                    .isEqualTo(parses);
        }
    }

    private static void assertValidConfig(String what, String yaml) throws IOException {
        assertThatCode(() -> {
            Config c = ConfigLoader.parse(Path.of(".migralint.yaml"), yaml);
            ConfigLoader.validateRules(c, REGISTRY);
        }).as(what).doesNotThrowAnyException();
        assertThat(schemaErrors(yaml)).as("schema violations in %s", what).isEmpty();
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException e) {
            return Set.of(); // not YAML at all: the loader says so; nothing for the schema to judge
        }
        return schema().validate(tree == null || tree.isMissingNode() ? YAML.nullNode() : tree);
    }

    private static JsonSchema schema() throws IOException {
        try (var in = Files.newInputStream(REPO.resolve("docs/config.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<String> schemaKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = new ObjectMapper().readTree(REPO.resolve("docs/config.schema.json").toFile())
                .get("properties").fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }

    private static boolean anyKeyIn(JsonNode tree, Set<String> keys) {
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            if (keys.contains(it.next())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> files = Files.list(REPO.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
