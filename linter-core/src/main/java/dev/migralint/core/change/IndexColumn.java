package dev.migralint.core.change;

/**
 * One key of an index: a column name, or an expression (then {@code column} is null).
 * {@code opclass} is what stands between the key and its ordering, in canonical token text: a
 * PostgreSQL COLLATE clause and operator class ({@code text_pattern_ops}), MySQL's key prefix length
 * ({@code (10)}), or null when there is none.
 * It matters when indexes are compared: {@code (name text_pattern_ops)} serves LIKE 'abc%' and
 * {@code (name)} serves ORDER BY name, so they are not the same index.
 */
public record IndexColumn(String column, String expression, boolean descending, String opclass) {

    public IndexColumn(String column, String expression, boolean descending) {
        this(column, expression, descending, null);
    }
}
