package dev.migralint.core.schema;

import dev.migralint.core.change.DataType;
import dev.migralint.core.diag.Location;
import java.util.Objects;

/**
 * A table column. {@code type} is normalized: serial types become the integer type behind them
 * (their default then calls nextval), and a PostgreSQL enum type's name is qualified with the schema
 * it was found in when the column was made. {@code defaultExpression} is the DEFAULT text or null;
 * {@code identity} marks identity and MySQL AUTO_INCREMENT columns; {@code generated} is a generated
 * column's expression or null. {@code comment} is what documents the column, one text a line, or null:
 * the source's comments and MySQL COMMENT (see {@link dev.migralint.core.change.ColumnDef#comment()})
 * and the texts of COMMENT ON COLUMN.
 *
 * <p>{@code spelling} is the name as MySQL keeps it where that differs from the folded {@code name}
 * ({@code AppId} for {@code appid}), from the definition or the last rename; null otherwise. Like
 * {@link dev.migralint.core.change.ObjectName#spelling()} it is for display only and takes no part in
 * equality: columns are found and compared by {@code name}.
 */
public record Column(String name, DataType type, boolean notNull, String defaultExpression, boolean identity,
                     String generated, Location definedAt, String comment, String spelling) {

    public Column {
        if (spelling != null && spelling.equals(name)) {
            spelling = null;
        }
    }

    public Column(String name, DataType type, boolean notNull, String defaultExpression, boolean identity,
                  String generated, Location definedAt, String comment) {
        this(name, type, notNull, defaultExpression, identity, generated, definedAt, comment, null);
    }

    public Column(String name, DataType type, boolean notNull, String defaultExpression, boolean identity,
                  String generated, Location definedAt) {
        this(name, type, notNull, defaultExpression, identity, generated, definedAt, null);
    }

    /** The name as messages and advice print it: as the source spelled it. */
    public String displayName() {
        return spelling == null ? name : spelling;
    }

    /** Renamed: the new name's spelling replaces the old one. */
    Column withName(String newName, String newSpelling) {
        return new Column(newName, type, notNull, defaultExpression, identity, generated, definedAt, comment, newSpelling);
    }

    Column withType(DataType newType) {
        return new Column(name, newType, notNull, defaultExpression, identity, generated, definedAt, comment, spelling);
    }

    /** This column as a child's copy of {@code parent}'s: defined where the parent's is. */
    Column inheritedFrom(Column parent) {
        return new Column(name, type, notNull, defaultExpression, identity, generated, parent.definedAt, comment,
                spelling);
    }

    Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultExpression, identity, generated, definedAt, comment, spelling);
    }

    /** {@code text} added to what documents the column: a comment in the source stays said. */
    Column withComment(String text) {
        return text == null || text.isEmpty() ? this : new Column(name, type, notNull, defaultExpression, identity,
                generated, definedAt, comment == null ? text : comment + "\n" + text, spelling);
    }

    Column withDefault(String expression) {
        return new Column(name, type, notNull, expression, identity, generated, definedAt, comment, spelling);
    }

    /** Equal when all but {@code spelling} are: the spelling is for display only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && name.equals(c.name) && Objects.equals(type, c.type) && notNull == c.notNull
                && Objects.equals(defaultExpression, c.defaultExpression) && identity == c.identity
                && Objects.equals(generated, c.generated) && Objects.equals(definedAt, c.definedAt)
                && Objects.equals(comment, c.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, notNull, defaultExpression, identity, generated, definedAt, comment);
    }
}
