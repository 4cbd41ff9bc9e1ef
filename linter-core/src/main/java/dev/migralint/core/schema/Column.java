package dev.migralint.core.schema;

import dev.migralint.core.change.DataType;
import dev.migralint.core.diag.Location;

/**
 * A table column. {@code type} is normalized: serial types become the integer type behind them
 * (their default then calls nextval), and a PostgreSQL enum type's name is qualified with the schema
 * it was found in when the column was made. {@code defaultExpression} is the DEFAULT text or null;
 * {@code identity} marks identity and MySQL AUTO_INCREMENT columns; {@code generated} is a generated
 * column's expression or null. {@code comment} is what documents the column, one text a line, or null:
 * the source's comments and MySQL COMMENT (see {@link dev.migralint.core.change.ColumnDef#comment()})
 * and the texts of COMMENT ON COLUMN.
 */
public record Column(String name, DataType type, boolean notNull, String defaultExpression, boolean identity,
                     String generated, Location definedAt, String comment) {

    public Column(String name, DataType type, boolean notNull, String defaultExpression, boolean identity,
                  String generated, Location definedAt) {
        this(name, type, notNull, defaultExpression, identity, generated, definedAt, null);
    }

    Column withName(String newName) {
        return new Column(newName, type, notNull, defaultExpression, identity, generated, definedAt, comment);
    }

    Column withType(DataType newType) {
        return new Column(name, newType, notNull, defaultExpression, identity, generated, definedAt, comment);
    }

    /** This column as a child's copy of {@code parent}'s: defined where the parent's is. */
    Column inheritedFrom(Column parent) {
        return new Column(name, type, notNull, defaultExpression, identity, generated, parent.definedAt, comment);
    }

    Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultExpression, identity, generated, definedAt, comment);
    }

    /** {@code text} added to what documents the column: a comment in the source stays said. */
    Column withComment(String text) {
        return text == null || text.isEmpty() ? this : new Column(name, type, notNull, defaultExpression, identity,
                generated, definedAt, comment == null ? text : comment + "\n" + text);
    }

    Column withDefault(String expression) {
        return new Column(name, type, notNull, expression, identity, generated, definedAt, comment);
    }
}
