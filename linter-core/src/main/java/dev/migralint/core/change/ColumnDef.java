package dev.migralint.core.change;

import dev.migralint.core.source.TextRange;

/**
 * A column as defined in CREATE TABLE or ADD COLUMN. {@code notNull} and {@code primaryKey} come
 * from inline constraints; {@code defaultExpression} is the DEFAULT text or null.
 * {@code range} covers the whole column definition, {@code typeRange} its type.
 */
public record ColumnDef(
        String name,
        DataType type,
        boolean notNull,
        boolean primaryKey,
        String defaultExpression,
        TextRange range,
        TextRange typeRange) {
}
