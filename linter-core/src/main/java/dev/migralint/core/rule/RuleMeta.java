package dev.migralint.core.rule;

import dev.migralint.core.diag.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule's identity, read once by the engine and the doc generator. {@code summary} is one sentence
 * without a trailing period; {@code since} the version that introduced the rule.
 */
public record RuleMeta(
        String id,
        Category category,
        Severity defaultSeverity,
        String summary,
        String since,
        boolean defaultOn,
        List<RuleOption> options) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleMeta {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        options = List.copyOf(options);
    }

    public static RuleMeta of(String id, Category category, Severity severity, String summary) {
        return new RuleMeta(id, category, severity, summary, "0.1.0", true, List.of());
    }

    public RuleMeta withOptions(RuleOption... opts) {
        return new RuleMeta(id, category, defaultSeverity, summary, since, defaultOn, List.of(opts));
    }

    public RuleMeta optIn() {
        return new RuleMeta(id, category, defaultSeverity, summary, since, false, options);
    }

    /** Where the rule's page lives, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
