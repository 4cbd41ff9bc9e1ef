package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.TokenCursor;

/**
 * A possibly schema-qualified object name, normalized the way the database resolves it:
 * PostgreSQL folds unquoted names to lower case and keeps quoted ones; MySQL compares table names
 * case-insensitively on the common setups, so both fold to lower case there.
 * {@code schema} is null when the SQL did not name one.
 */
public record ObjectName(String schema, String name) {

    public static ObjectName of(String name) {
        return new ObjectName(null, name);
    }

    /** Normalizes one identifier as written in SQL (with or without quotes or backticks). */
    public static String normalize(String raw, Dialect dialect) {
        return TokenCursor.normalize(raw, dialect);
    }

    /** The name a token reader read. */
    public static ObjectName of(TokenCursor.QualifiedName q) {
        return new ObjectName(q.schema(), q.name());
    }

    /** Parses {@code a.b} or {@code b}, each part normalized; a leading database/catalog part is dropped. */
    public static ObjectName parse(String raw, Dialect dialect) {
        java.util.List<String> parts = splitQualified(raw);
        String name = normalize(parts.get(parts.size() - 1), dialect);
        String schema = parts.size() >= 2 ? normalize(parts.get(parts.size() - 2), dialect) : null;
        return new ObjectName(schema, name);
    }

    private static java.util.List<String> splitQualified(String raw) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '.') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    /** True when both name the same object, treating a missing schema as matching any. */
    public boolean sameObject(ObjectName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    @Override
    public String toString() {
        return qualified();
    }
}
