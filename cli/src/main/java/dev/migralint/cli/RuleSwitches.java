package dev.migralint.cli;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.RuleIdSuggestion;
import dev.migralint.core.rule.RuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Rule settings on the command line, over the config file's {@code rules:}: {@code --enable} and
 * {@code --disable} (as sqlfluff's {@code --rules} and {@code --exclude-rules}, squawk's
 * {@code --exclude}), and {@code --rule RULE=SETTING} for a severity. A rule's options stay as the
 * config sets them. Applied in that order, so {@code --rule} has the last word. {@code check} and
 * {@code fix} share them, so {@code --rule} means the same in both.
 */
public final class RuleSwitches {
    @Option(names = "--enable", paramLabel = "RULE", split = ",",
            description = "Turn rules on, also those off by default (repeatable or comma-separated).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "Turn rules off (repeatable or comma-separated).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "RULE=SETTING",
            description = "Set a rule to off, on, error, warning or info (repeatable), as in the config's rules:.")
    List<String> settings = new ArrayList<>();

    /**
     * Takes out the {@code --rule RULE} given without a setting: what {@code fix --rule RULE-ID} meant before
     * {@code fix} took {@code --only}, kept for a while as a deprecated alias.
     */
    List<String> takeBareIds() {
        List<String> bare = settings.stream().filter(s -> s.indexOf('=') < 0).toList();
        settings.removeAll(bare);
        return bare;
    }

    /** The config with these settings applied; an unknown rule or setting is a usage error. */
    Config apply(Config config, RuleRegistry registry) {
        if (enable.isEmpty() && disable.isEmpty() && settings.isEmpty()) {
            return config;
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>(config.rules());
        enable.forEach(id -> set(rules, registry, "--enable", id.strip(), true, null));
        disable.forEach(id -> set(rules, registry, "--disable", id.strip(), false, null));
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--rule " + s + ": expected RULE=SETTING, such as "
                        + "require-concurrent-index=error");
            }
            String id = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            switch (value) {
                case "off", "false" -> set(rules, registry, "--rule", id, false, null);
                case "on", "true" -> set(rules, registry, "--rule", id, true, null);
                default -> {
                    Severity severity = Severity.parse(value);
                    if (severity == null) {
                        throw new UsageException("--rule " + s + ": '" + value
                                + "' is not off, on or a severity (error, warning, info)");
                    }
                    set(rules, registry, "--rule", id, true, severity);
                }
            }
        }
        return config.withRules(rules);
    }

    private static void set(Map<String, RuleSetting> rules, RuleRegistry registry, String flag, String id,
                            boolean enabled, Severity severity) {
        if (!registry.contains(id)) {
            throw new UsageException(flag + ": unknown rule '" + id + "'" + RuleIdSuggestion.of(id, registry)
                    + " (run `migralint rules` for the list)");
        }
        RuleSetting old = rules.getOrDefault(id, RuleSetting.DEFAULT);
        rules.put(id, new RuleSetting(enabled, severity != null ? severity : old.severity(), old.options()));
    }
}
