package dev.migralint.core.config;

import dev.migralint.core.diag.Severity;
import java.util.Locale;

/** The lowest severity that fails a run (exit 1); NEVER reports without failing. */
public enum FailOn {
    ERROR, WARNING, INFO, NEVER;

    public static FailOn parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info" -> INFO;
            case "never", "none", "off" -> NEVER;
            default -> null;
        };
    }

    public boolean fails(Severity severity) {
        return switch (this) {
            case ERROR -> severity == Severity.ERROR;
            case WARNING -> severity != Severity.INFO;
            case INFO -> true;
            case NEVER -> false;
        };
    }
}
