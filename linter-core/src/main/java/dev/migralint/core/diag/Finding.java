package dev.migralint.core.diag;

import java.util.List;

/**
 * A rule's finding. {@code help} says how to fix it (may be null); {@code suppression} is non-null
 * when an inline comment or the baseline suppresses it: reporters still show it to SARIF and JSON.
 * {@code fingerprint} identifies the finding across line shifts (rule, file, normalized statement,
 * occurrence).
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
        String fingerprint) implements Diagnostic {

    public Finding {
        related = List.copyOf(related);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, help, related, fix, suppression, fingerprint);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, severity, message, location, help, related, fix, s, fingerprint);
    }

    public Finding withFingerprint(String f) {
        return new Finding(ruleId, severity, message, location, help, related, fix, suppression, f);
    }
}
