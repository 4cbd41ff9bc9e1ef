package dev.migralint.core.diag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's finding. {@code help} says how to fix it (may be null); {@code suppression} is non-null
 * when an inline comment or the baseline suppresses it: reporters still show it to SARIF and JSON.
 * {@code fingerprint} identifies the finding across line shifts (rule, file, normalized statement,
 * occurrence). {@code properties} are figures a rule attaches for tools (such as a count), in the order
 * it added them: strings, numbers or booleans; usually empty.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        String help,
        List<RelatedLocation> related,
        Fix fix,
        Suppression suppression,
        String fingerprint,
        Map<String, Object> properties) implements Diagnostic {

    public Finding {
        related = List.copyOf(related);
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A finding without properties. */
    public Finding(String ruleId, Severity severity, String message, Location location, String help,
                   List<RelatedLocation> related, Fix fix, Suppression suppression, String fingerprint) {
        this(ruleId, severity, message, location, help, related, fix, suppression, fingerprint, Map.of());
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, help, related, fix, suppression, fingerprint, properties);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, severity, message, location, help, related, fix, s, fingerprint, properties);
    }

    public Finding withFingerprint(String f) {
        return new Finding(ruleId, severity, message, location, help, related, fix, suppression, f, properties);
    }
}
