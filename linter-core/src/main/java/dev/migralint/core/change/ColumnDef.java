package dev.migralint.core.change;

import dev.migralint.core.source.TextRange;

/**
 * A column as defined in CREATE TABLE, ADD COLUMN or MySQL's MODIFY/CHANGE. {@code notNull} and
 * {@code primaryKey} come from inline constraints (a primary key column is NOT NULL);
 * {@code defaultExpression} is the DEFAULT text or null. {@code identity} is true for
 * GENERATED ... AS IDENTITY and MySQL's AUTO_INCREMENT; {@code generatedExpression} is the expression
 * of a generated column (GENERATED ALWAYS AS (expr), MySQL's AS (expr)) or null, and
 * {@code generatedStored} tells a STORED one from a VIRTUAL one.
 * {@code range} covers the whole column definition, {@code typeRange} its type. {@code comment} is what
 * documents the column, or null: MySQL's COMMENT attribute, and in CREATE TABLE the SQL comments on the
 * lines right above the column and after it on its line.
 */
public record ColumnDef(
        String name,
        DataType type,
        boolean notNull,
        boolean primaryKey,
        String defaultExpression,
        TextRange range,
        TextRange typeRange,
        boolean identity,
        String generatedExpression,
        boolean generatedStored,
        String comment) {

    public ColumnDef(String name, DataType type, boolean notNull, boolean primaryKey, String defaultExpression,
                     TextRange range, TextRange typeRange) {
        this(name, type, notNull, primaryKey, defaultExpression, range, typeRange, false, null, false, null);
    }

    public ColumnDef(String name, DataType type, boolean notNull, boolean primaryKey, String defaultExpression,
                     TextRange range, TextRange typeRange, boolean identity, String generatedExpression,
                     boolean generatedStored) {
        this(name, type, notNull, primaryKey, defaultExpression, range, typeRange, identity, generatedExpression,
                generatedStored, null);
    }

    /** The same definition with {@code more} added to its comment (on a new line). */
    public ColumnDef withComment(String more) {
        if (more == null || more.isEmpty()) {
            return this;
        }
        return new ColumnDef(name, type, notNull, primaryKey, defaultExpression, range, typeRange, identity,
                generatedExpression, generatedStored, comment == null ? more : comment + "\n" + more);
    }
}
