package dev.migralint.core;

import java.util.Locale;

/** The SQL dialect a run lints. MariaDB is linted as MySQL. */
public enum Dialect {
    POSTGRESQL,
    MYSQL,
    GENERIC;

    /** Parses a user-facing name; returns null for an unknown one. */
    public static Dialect parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "generic", "ansi" -> GENERIC;
            default -> null;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
