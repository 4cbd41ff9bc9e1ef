package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's identity, read once by the engine and the doc generator; for a rule class it comes from the
 * class's {@link RuleInfo}. {@code summary} is one sentence without a trailing period; {@code since}
 * the version that introduced the rule; {@code dialects} the databases it applies to (empty: all);
 * {@code optionsType} the record its options bind to ({@link NoOptions} when it has none).
 */
public record RuleMeta(
        String id,
        Category category,
        Severity defaultSeverity,
        String summary,
        String since,
        boolean defaultOn,
        Set<Dialect> dialects,
        Class<? extends Record> optionsType) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final ClassValue<RuleMeta> OF_CLASS = new ClassValue<>() {
        @Override
        protected RuleMeta computeValue(Class<?> type) {
            RuleInfo info = type.getAnnotation(RuleInfo.class);
            if (info == null) {
                throw new IllegalStateException(type.getName() + " has no @RuleInfo and does not override meta()");
            }
            Set<Dialect> dialects = info.dialects().length == 0 ? Set.of() : Set.copyOf(List.of(info.dialects()));
            return new RuleMeta(info.id(), info.category(), info.severity(), info.summary(), info.since(),
                    info.defaultOn(), dialects, info.options());
        }
    };

    public RuleMeta {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        dialects = dialects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dialects));
        for (RecordComponent c : optionsType.getRecordComponents()) {
            if (c.getAnnotation(Option.class) == null) {
                throw new IllegalArgumentException(optionsType.getName() + "." + c.getName() + " has no @Option");
            }
        }
    }

    /** The metadata on a rule class's {@link RuleInfo}, read once per class. */
    public static RuleMeta of(Class<?> ruleClass) {
        return OF_CLASS.get(ruleClass);
    }

    /** Metadata built in code (tests, rules that compute their identity): every dialect, no options. */
    public static RuleMeta of(String id, Category category, Severity severity, String summary) {
        return new RuleMeta(id, category, severity, summary, "0.1.0", true, Set.of(), NoOptions.class);
    }

    public RuleMeta withOptions(Class<? extends Record> type) {
        return new RuleMeta(id, category, defaultSeverity, summary, since, defaultOn, dialects, type);
    }

    public RuleMeta withSeverity(Severity severity) {
        return new RuleMeta(id, category, severity, summary, since, defaultOn, dialects, optionsType);
    }

    public RuleMeta optIn() {
        return new RuleMeta(id, category, defaultSeverity, summary, since, false, dialects, optionsType);
    }

    public boolean appliesTo(Dialect dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }

    /** The options as the config and the docs name them, in declaration order. */
    public List<RuleOption> options() {
        List<RuleOption> options = new ArrayList<>();
        for (RecordComponent c : optionsType.getRecordComponents()) {
            Option o = c.getAnnotation(Option.class);
            options.add(new RuleOption(RuleOption.configName(c.getName()), o.defaultValue(), o.value(),
                    RuleOption.allowed(c)));
        }
        return options;
    }

    /** Where the rule's page lives, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
