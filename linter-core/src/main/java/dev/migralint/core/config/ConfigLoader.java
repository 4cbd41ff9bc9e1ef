package dev.migralint.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.migralint.core.Dialect;
import dev.migralint.core.input.ReadOptions;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleIdSuggestion;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds, reads and validates {@code .migralint.yaml}. Every failure is a one-line {@link ConfigException}. */
public final class ConfigLoader {
    public static final String FILE_NAME = ".migralint.yaml";
    private static final List<String> NAMES = List.of(FILE_NAME, ".migralint.yml");

    /**
     * Built on first use: setting up Jackson loads ~400 classes (~100 ms of a CLI start), and a run
     * without a config file only calls {@link #find} and {@link #validateRules}.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private ConfigLoader() {
    }

    /** The nearest config file in {@code startDir} or one of its parents. */
    public static Optional<Path> find(Path startDir) {
        for (Path dir = startDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (String name : NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Jackson reads a YAML alias as the plain string {@code *name} and ignores every document after the
     * first, so either would silently configure something else than the user wrote.
     */
    private static void rejectAliasesAndExtraDocuments(Path file, String text) throws JsonProcessingException {
        try (YAMLParser p = (YAMLParser) Yaml.MAPPER.getFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.isCurrentAlias() || p.getCurrentAnchor() != null) {
                    throw new ConfigException(where(file, p.currentLocation())
                            + ": YAML anchors and aliases are not supported; write the value out");
                }
                if (depth == 0 && t.isScalarValue() || t.isStructEnd() && --depth == 0) {
                    if (p.nextToken() != null) {
                        throw new ConfigException(where(file, p.currentLocation())
                                + ": more than one YAML document; a config file holds one");
                    }
                    return;
                }
                if (t.isStructStart()) {
                    depth++;
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // Reading from a string: only a parse error (above) can happen.
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    public static Config load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses config text; {@code file} names it in messages. */
    public static Config parse(Path file, String text) {
        ConfigFile raw;
        try {
            rejectAliasesAndExtraDocuments(file, text);
            JsonNode tree = Yaml.MAPPER.readTree(text);
            raw = tree == null || tree.isMissingNode() || tree.isNull() ? null : Yaml.MAPPER.readValue(text, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            // Jackson's location is past the value; the key's own line is what a user needs.
            throw new ConfigException(at(file, text, e.getPropertyName()) + ": unknown key '" + e.getPropertyName()
                    + "' (known keys: " + String.join(", ", knownKeys(e)) + ")");
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(file, e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        }
        Config defaults = Config.defaults();
        if (raw == null) {
            return new Config(defaults.dialect(), defaults.targetVersion(), List.of(), List.of(), List.of(),
                    Map.of(), false, defaults.assumeInTransaction(), defaults.failOn(), null, Map.of(), file,
                    Map.of(), List.of(), null, true, null, 0);
        }
        Dialect dialect = defaults.dialect();
        if (raw.dialect() != null) {
            dialect = Dialect.parse(raw.dialect());
            if (dialect == null) {
                throw new ConfigException(at(file, text, "dialect") + ": unknown dialect '" + raw.dialect()
                        + "' (use postgresql, mysql or generic)");
            }
        }
        FailOn failOn = defaults.failOn();
        if (raw.failOn() != null) {
            failOn = FailOn.parse(raw.failOn());
            if (failOn == null) {
                throw new ConfigException(at(file, text, "fail-on") + ": unknown fail-on '" + raw.failOn()
                        + "' (use error, warning, info or never)");
            }
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        if (raw.rules() != null) {
            raw.rules().forEach((id, node) -> rules.put(id, ruleSetting(file, text, id, node)));
        }
        Map<String, String> placeholders = raw.placeholders() == null ? Map.of() : raw.placeholders();
        Map<String, FolderSettings> folders = new LinkedHashMap<>();
        for (ConfigFile.PathEntry entry : raw.migrations() == null ? List.<ConfigFile.PathEntry>of() : raw.migrations()) {
            folders.put(entry.path(), folderSettings(file, text, entry));
        }
        return new Config(
                dialect,
                raw.targetVersion() == null ? defaults.targetVersion() : raw.targetVersion(),
                raw.migrations() == null ? List.of()
                        : raw.migrations().stream().map(ConfigFile.PathEntry::path).toList(),
                raw.queries() == null ? List.of() : raw.queries(),
                raw.queryLogs() == null ? List.of() : raw.queryLogs(),
                placeholders,
                false,
                raw.assumeInTransaction() != null && raw.assumeInTransaction(),
                failOn,
                raw.baseline(),
                rules,
                file,
                folders,
                raw.exclude() == null ? List.of() : raw.exclude(),
                encoding(file, text, raw.encoding()),
                raw.dialect() == null,
                raw.logLinePrefix(), maxFileSize(file, text, raw.maxFileSize()));
    }

    private static FolderSettings folderSettings(Path file, String text, ConfigFile.PathEntry entry) {
        if (entry.path() == null) {
            throw new ConfigException(at(file, text, "migrations") + ": a migrations entry has no path");
        }
        Layout layout = null;
        if (entry.layout() != null) {
            layout = Layout.parse(entry.layout());
            if (layout == null) {
                throw new ConfigException(atEntry(file, text, entry.path(), "layout") + ": unknown layout '"
                        + entry.layout() + "' for " + entry.path() + " (use " + Layout.names() + ")");
            }
        }
        Dialect dialect = null;
        if (entry.dialect() != null) {
            dialect = Dialect.parse(entry.dialect());
            if (dialect == null) {
                throw new ConfigException(atEntry(file, text, entry.path(), "dialect") + ": unknown dialect '"
                        + entry.dialect() + "' for " + entry.path() + " (use postgresql, mysql or generic)");
            }
        }
        List<String> order = entry.order() == null ? List.of() : entry.order();
        if (!order.isEmpty() && layout != null && layout != Layout.PLAIN) {
            throw new ConfigException(atEntry(file, text, entry.path(), "order") + ": order applies to plain folders; "
                    + entry.path() + " is read as " + layout.id() + ", whose tool decides the order");
        }
        for (String pattern : order) {
            if (pattern == null || pattern.isBlank()) {
                throw new ConfigException(atEntry(file, text, entry.path(), "order") + ": an order entry of "
                        + entry.path() + " is empty");
            }
        }
        return new FolderSettings(layout, dialect, order);
    }

    /**
     * Checks rule ids and option names against the rules a run has. Separate from parsing because the
     * registry depends on the class path (rule jars).
     */
    public static void validateRules(Config config, RuleRegistry registry) {
        String text = "";
        if (config.source() != null) {
            try {
                text = Files.readString(config.source(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
        }
        for (Map.Entry<String, RuleSetting> e : config.rules().entrySet()) {
            Optional<Rule> rule = registry.find(e.getKey());
            if (rule.isEmpty() && config.source() == null) {
                continue; // settings made in code (tests, the Maven plugin's defaults) may name absent rules
            }
            if (rule.isEmpty()) {
                throw new ConfigException(at(config.source(), text, e.getKey()) + ": unknown rule '" + e.getKey()
                        + "' under rules" + RuleIdSuggestion.of(e.getKey(), registry) + " (run `migralint rules` for the list)");
            }
            try {
                RuleOptions.bind(rule.get().meta(), e.getValue().options());
            } catch (InvalidOptionException invalid) {
                throw new ConfigException((config.source() == null ? "rules." + e.getKey()
                        : at(config.source(), text, e.getKey(), invalid.option())) + ": " + invalid.getMessage());
            }
        }
    }

    private static long maxFileSize(Path file, String text, String size) {
        if (size == null) {
            return 0;
        }
        try {
            return new ReadOptions(null, ByteSize.parse(size)).maxFileSize();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at(file, text, "max-file-size") + ": " + e.getMessage());
        }
    }

    private static Charset encoding(Path file, String text, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at(file, text, "encoding") + ": unknown encoding '" + name
                    + "' (use a Java charset name such as UTF-8, ISO-8859-1 or windows-1252)");
        }
    }

    private static RuleSetting ruleSetting(Path file, String text, String id, JsonNode node) {
        if (node == null || node.isNull()) {
            return RuleSetting.DEFAULT;
        }
        if (node.isBoolean()) {
            return new RuleSetting(node.booleanValue(), null, Map.of());
        }
        if (node.isTextual()) {
            String v = node.textValue().trim();
            if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) {
                return new RuleSetting(false, null, Map.of());
            }
            if (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) {
                return new RuleSetting(true, null, Map.of());
            }
            Severity s = Severity.parse(v);
            if (s == null) {
                throw new ConfigException(at(file, text, id) + ": rule " + id + ": '" + v
                        + "' is not off, on or a severity (error, warning, info)");
            }
            return new RuleSetting(true, s, Map.of());
        }
        if (node.isObject()) {
            Boolean enabled = null;
            Severity severity = null;
            Map<String, JsonNode> options = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                String key = f.getKey();
                JsonNode v = f.getValue();
                switch (key) {
                    case "severity" -> {
                        RuleSetting inner = ruleSetting(file, text, id, v);
                        enabled = inner.enabled();
                        severity = inner.severity();
                    }
                    case "enabled" -> enabled = v.asBoolean();
                    default -> options.put(key, v);
                }
            }
            return new RuleSetting(enabled, severity, options);
        }
        throw new ConfigException(at(file, text, id) + ": rule " + id + ": expected off, a severity or a mapping");
    }

    private static List<String> knownKeys(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
    }

    private static String where(Path file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return file.toString();
        }
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** file:line of the first line where {@code key:} appears; the file alone when not found. */
    private static String at(Path file, String text, String key) {
        return at(file, text, key, null);
    }

    /**
     * file:line:column of {@code inner:} in the block that follows {@code key:} (a rule's option), or of
     * {@code key:} itself when {@code inner} is null or not found after it; the file alone when neither is.
     */
    private static String at(Path file, String text, String key, String inner) {
        Matcher m = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:", Pattern.MULTILINE)
                .matcher(text);
        if (!m.find()) {
            return file.toString();
        }
        int offset = m.start() + m.group().indexOf(key);
        if (inner != null) {
            Matcher n = Pattern.compile("(?<=[\\s{,])[\"']?" + Pattern.quote(inner) + "[\"']?\\s*:").matcher(text);
            if (n.find(m.end())) {
                offset = n.start() + n.group().indexOf(inner);
            }
        }
        return position(file, text, offset);
    }

    private static String position(Path file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file + ":" + line + ":" + (offset - lineStart + 1);
    }

    /**
     * file:line:column of {@code inner:} in the migrations entry for {@code path}: the first one after
     * the path's first mention below {@code migrations:}; that of {@code migrations:} when not found.
     */
    private static String atEntry(Path file, String text, String path, String inner) {
        Matcher m = Pattern.compile("^\\s*migrations\\s*:", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return file.toString();
        }
        int entry = text.indexOf(path, m.end());
        Matcher n = Pattern.compile("(?<=[\\s{,])" + Pattern.quote(inner) + "\\s*:").matcher(text);
        if (entry < 0 || !n.find(entry)) {
            return at(file, text, "migrations");
        }
        return position(file, text, n.start());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid config";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
