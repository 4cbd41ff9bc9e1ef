package dev.migralint.core.report;

import java.util.Locale;

/** Output formats, by their command-line names. */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, GITLAB;

    public static Format parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
