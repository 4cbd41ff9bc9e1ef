package dev.migralint.core.diag;

import java.util.Locale;

/** Finding severity, most severe first. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Parses "error", "warning" (or "warn") or "info"; null for anything else. */
    public static Severity parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            default -> null;
        };
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
