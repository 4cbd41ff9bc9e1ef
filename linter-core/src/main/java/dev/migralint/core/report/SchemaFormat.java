package dev.migralint.core.report;

import java.util.Locale;

/** Output formats of {@code migralint schema}, by their command-line names. */
public enum SchemaFormat {
    /** The replayed schema in full, documented in {@code docs/schema-format.md}. */
    JSON,
    /** A Mermaid {@code erDiagram}: tables, their columns and keys, foreign keys as relationships. */
    MERMAID,
    /** A Graphviz digraph: one node per table, view and enum type, an edge per foreign key. */
    DOT;

    public static SchemaFormat parse(String s) {
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
