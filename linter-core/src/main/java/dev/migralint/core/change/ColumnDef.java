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
 *
 * <p>{@code spelling} is the name as written, unquoted, where {@code name} folded its case: MySQL stores a
 * column under the case its definition gives (CREATE TABLE, ADD, CHANGE and MODIFY alike) and prints it
 * so, though it matches it case-insensitively (see {@link dev.migralint.core.lex.TokenCursor#spelling}).
 * Null otherwise, and always in other dialects, whose folded name is the database's own. Messages print
 * {@link #displayName()}; matching uses {@code name}.
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
        String comment,
        String spelling) {

    public ColumnDef {
        spelling = spelling != null && spelling.equals(name) ? null : spelling;
    }

    public ColumnDef(String name, DataType type, boolean notNull, boolean primaryKey, String defaultExpression,
                     TextRange range, TextRange typeRange) {
        this(name, type, notNull, primaryKey, defaultExpression, range, typeRange, false, null, false, null);
    }

    public ColumnDef(String name, DataType type, boolean notNull, boolean primaryKey, String defaultExpression,
                     TextRange range, TextRange typeRange, boolean identity, String generatedExpression,
                     boolean generatedStored, String comment) {
        this(name, type, notNull, primaryKey, defaultExpression, range, typeRange, identity, generatedExpression,
                generatedStored, comment, null);
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
                generatedExpression, generatedStored, comment == null ? more : comment + "\n" + more, spelling);
    }

    /** The same definition with another spelling of its name (null: none). */
    public ColumnDef withSpelling(String newSpelling) {
        return new ColumnDef(name, type, notNull, primaryKey, defaultExpression, range, typeRange, identity,
                generatedExpression, generatedStored, comment, newSpelling);
    }

    /** The name as messages and advice print it: as the source wrote it. */
    public String displayName() {
        return spelling == null ? name : spelling;
    }
}
