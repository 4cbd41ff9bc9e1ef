package dev.migralint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migralint.core.diag.Severity;
import java.util.Map;

/**
 * How the config sets one rule: {@code off}, a severity, or {@code {severity: .., option: ..}}.
 * {@code options} are the values as written, bound onto the rule's options record by
 * {@link ConfigLoader#validateRules}. {@code enabled} null means "as the rule's default"; {@code severity} null means its default severity.
 */
public record RuleSetting(Boolean enabled, Severity severity, Map<String, JsonNode> options) {
    public RuleSetting {
        options = Map.copyOf(options);
    }

    public static final RuleSetting DEFAULT = new RuleSetting(null, null, Map.of());
}
