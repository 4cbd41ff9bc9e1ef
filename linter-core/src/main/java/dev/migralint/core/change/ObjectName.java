package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.TokenCursor;

/**
 * A possibly schema-qualified object name, normalized the way the database resolves it:
 * PostgreSQL folds unquoted names to lower case and keeps quoted ones; MySQL compares table names
 * case-insensitively on the common setups, so both fold to lower case there.
 * {@code schema} is null when the SQL did not name one.
 *
 * <p>{@code spelling} is the name as the source wrote it, when matching folded it and the database
 * would not have: MySQL keeps a table's case on disk, and Linux servers ({@code lower_case_table_names=0})
 * compare it case-sensitively, so advice must say {@code ReleaseHistory}, not {@code releasehistory}.
 * It is null otherwise, and takes no part in equality: names match as {@code schema} and {@code name}.
 */
public record ObjectName(String schema, String name, String spelling) {

    public ObjectName {
        if (spelling != null && spelling.equals(name)) {
            spelling = null;
        }
    }

    public ObjectName(String schema, String name) {
        this(schema, name, null);
    }

    public static ObjectName of(String name) {
        return new ObjectName(null, name);
    }

    /** The name as messages and advice print it: as written in the source. */
    public String displayName() {
        return spelling == null ? name : spelling;
    }

    /** The same name in {@code newSchema} (null: unqualified), spelled as before. */
    public ObjectName inSchema(String newSchema) {
        return new ObjectName(newSchema, name, spelling);
    }

    /** Normalizes one identifier as written in SQL (with or without quotes or backticks). */
    public static String normalize(String raw, Dialect dialect) {
        return TokenCursor.normalize(raw, dialect);
    }

    /** The name a token reader read. */
    public static ObjectName of(TokenCursor.QualifiedName q) {
        return new ObjectName(q.schema(), q.name(), q.spelling());
    }

    /** Parses {@code a.b} or {@code b}, each part normalized; a leading database/catalog part is dropped. */
    public static ObjectName parse(String raw, Dialect dialect) {
        java.util.List<String> parts = splitQualified(raw);
        String last = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? normalize(parts.get(parts.size() - 2), dialect) : null;
        return new ObjectName(schema, normalize(last, dialect), TokenCursor.spelling(last, dialect));
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

    /** {@link #qualified()} as messages print it: the name as the source spelled it ({@link #displayName()}). */
    public String displayQualified() {
        return schema == null ? displayName() : schema + "." + displayName();
    }

    /** True when both name the same object, treating a missing schema as matching any. */
    public boolean sameObject(ObjectName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** Equal when schema and name are: {@code spelling} is for display only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectName other && java.util.Objects.equals(schema, other.schema) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        // as Objects.hash(schema, name) would give, without its array
        return 31 * (31 + (schema == null ? 0 : schema.hashCode())) + name.hashCode();
    }

    @Override
    public String toString() {
        return qualified();
    }
}
