package dev.migralint.rules.docs;

import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the rule pages under {@code docs/rules/} from what the code and its data say: the rule's
 * metadata, its side-car prose, and its {@code example-bad.sql} / {@code example-good.sql}
 * fixtures with the test markers taken out. So the examples in the documentation are tests that run.
 */
public final class RuleDocGenerator {
    private static final Pattern MARKER = Pattern.compile("[ \\t]*(--\\s*expect:.*|<!--\\s*expect:.*?-->)$", Pattern.MULTILINE);
    private static final Pattern OPTIONS_LINE = Pattern.compile("\\A(--|<!--)\\s*options:[^\\n]*\\n");

    private final Path fixtures;

    public RuleDocGenerator(Path fixtures) {
        this.fixtures = fixtures;
    }

    /** The side-car {@code <id>.md} next to the rule's class, or null when there is none. */
    public static String sidecar(Rule rule) {
        try (InputStream in = rule.getClass().getResourceAsStream(rule.meta().id() + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String page(Rule rule) {
        RuleMeta m = rule.meta();
        String sidecar = sidecar(rule);
        if (sidecar == null) {
            throw new IllegalStateException("rule " + m.id() + " has no side-car " + m.id() + ".md next to "
                    + rule.getClass().getName());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.id()).append("\n\n");
        String options = m.options().isEmpty() ? "none"
                : m.options().stream().map(o -> "`" + o.name() + "`").collect(java.util.stream.Collectors.joining(", "));
        String databases = m.dialects().isEmpty() ? "all"
                : m.dialects().stream().map(d -> d.id()).sorted().collect(java.util.stream.Collectors.joining(", "));
        sb.append("| Category | Default severity | Enabled by default | Databases | Since | Options |\n");
        sb.append("|---|---|---|---|---|---|\n");
        sb.append("| ").append(m.category().id()).append(" | ").append(m.defaultSeverity().id()).append(" | ")
                .append(m.defaultOn() ? "yes" : "no").append(" | ").append(databases).append(" | ").append(m.since())
                .append(" | ").append(options).append(" |\n\n");
        sb.append(m.summary()).append(".\n\n");
        sb.append(sidecar.strip()).append("\n\n");
        sb.append("## Examples\n\n");
        // A rule that reads query logs has log examples; a MyBatis mapper rule, mapper XML.
        Path ruleFixtures = fixtures.resolve(m.id());
        String ext = Files.exists(ruleFixtures.resolve("example-bad.log")) ? "log"
                : Files.exists(ruleFixtures.resolve("example-bad.xml")) ? "xml" : "sql";
        String fence = ext.equals("log") ? "```text\n" : "```" + ext + "\n";
        sb.append("Reported:\n\n").append(fence).append(example(m.id(), "example-bad." + ext)).append("```\n\n");
        sb.append("Not reported:\n\n").append(fence).append(example(m.id(), "example-good." + ext)).append("```\n\n");
        sb.append("## Configuration\n\n");
        appendOptions(sb, m);
        sb.append("Change the rule's severity, or turn it off, in `.migralint.yaml`:\n\n```yaml\nrules:\n  ")
                .append(m.id()).append(": error    # error | warning | info | off\n```\n\n");
        sb.append("To silence it for one statement, put `-- migralint-ignore ").append(m.id())
                .append(" -- <reason>` on a line of its own just before the statement; ")
                .append("`-- migralint-ignore-file ").append(m.id()).append("` silences it for a whole file.\n");
        return sb.toString();
    }

    private static void appendOptions(StringBuilder sb, RuleMeta m) {
        if (m.options().isEmpty()) {
            sb.append("The rule has no options.\n\n");
            return;
        }
        sb.append("| Option | Default | Values | Description |\n|---|---|---|---|\n");
        for (RuleOption o : m.options()) {
            sb.append("| `").append(o.name()).append("` | ").append(o.defaultValue().isEmpty() ? "" : "`" + o.defaultValue() + "`")
                    .append(" | ").append(o.allowed()).append(" | ").append(o.description()).append(" |\n");
        }
        RuleOption first = m.options().get(0);
        sb.append("\n```yaml\nrules:\n  ").append(m.id()).append(": {severity: ").append(m.defaultSeverity().id())
                .append(", ").append(first.name()).append(": ").append(yaml(first)).append("}\n```\n\n");
        sb.append("Options are checked when the configuration loads: an unknown option or a value of the wrong "
                + "kind stops the run with exit code 2 and names the file, line, option and the values allowed.\n\n");
    }

    /** An option's default as a YAML flow value: lists as quoted sequences. */
    private static String yaml(RuleOption o) {
        if (o.allowed().startsWith("a list")) {
            return java.util.Arrays.stream(o.defaultValue().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return o.defaultValue();
    }

    /** An example fixture without its markers and options line; LF line endings. */
    String example(String ruleId, String fileName) {
        Path file = fixtures.resolve(ruleId).resolve(fileName);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            text = OPTIONS_LINE.matcher(text).replaceFirst("");
            text = MARKER.matcher(text).replaceAll("");
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("rule " + ruleId + " needs the fixture " + file, e);
        }
    }

    /** docs/rules/README.md: one row per rule, grouped by category. */
    public String index(List<Rule> rules) {
        StringBuilder sb = new StringBuilder("# Rules\n\n");
        sb.append("Every rule migralint ships, generated from the rules' metadata. Run `migralint explain <id>` ")
                .append("to read a rule's page in the terminal.\n\n");
        sb.append("| Rule | Category | Default severity | On by default | Summary |\n|---|---|---|---|---|\n");
        rules.stream()
                .map(Rule::meta)
                .sorted(Comparator.comparing(RuleMeta::category, Comparator.comparingInt(Category::ordinal))
                        .thenComparing(RuleMeta::id))
                .forEach(m -> sb.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ")
                        .append(m.category().id()).append(" | ").append(m.defaultSeverity().id()).append(" | ")
                        .append(m.defaultOn() ? "yes" : "no").append(" | ").append(m.summary().replace("|", "\\|"))
                        .append(" |\n"));
        return sb.toString();
    }
}
