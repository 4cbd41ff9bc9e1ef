package dev.migralint.core.report;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.engine.SchemaHistory;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.TableConstraint.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the schema writers show alike: names, types, the keys a column is part of, relationships. */
final class SchemaDisplay {
    private SchemaDisplay() {
    }

    /**
     * How a foreign key reads as an ER relationship. {@code childUnique}: at most one child row per
     * parent (the key's columns are unique in the child); {@code required}: every child row has a
     * parent (all its columns are NOT NULL); {@code identifying}: the key's columns are part of the
     * child's primary key, so the child cannot exist without its parent.
     */
    record Relationship(boolean childUnique, boolean required, boolean identifying) {
    }

    /**
     * A table's name as diagrams show it: PostgreSQL's default schema {@code public} is left out, any
     * other schema is kept ({@code billing.invoices}).
     */
    static String tableName(Schema schema, ObjectName name) {
        String spelled = spelled(schema, name).displayName();
        if (schema.dialect() != Dialect.MYSQL && "public".equals(name.schema()) || name.schema() == null) {
            return spelled;
        }
        return name.schema() + "." + spelled;
    }

    /**
     * A column's name as the source spelled it ({@link Column#displayName()}): MySQL keeps the case
     * (information_schema shows {@code AppId}) where the model folds it to match names as MySQL does.
     */
    static String columnName(Schema schema, Column c) {
        return c.displayName();
    }

    /** {@code names}, columns of {@code table}, as written ({@link #columnName}); a name it lacks as given. */
    static List<String> columnNames(Schema schema, Table table, List<String> names) {
        if (schema.dialect() != Dialect.MYSQL || table == null) {
            return names;
        }
        return names.stream().map(n -> table.column(n).map(c -> columnName(schema, c)).orElse(n)).toList();
    }

    /**
     * {@code name} spelled as the relation's own definition wrote it (MySQL keeps a table's case, and a
     * REFERENCES elsewhere may write it otherwise), or as given when no relation has it.
     */
    static ObjectName spelled(Schema schema, ObjectName name) {
        return schema.relation(name).map(t -> t.name()).orElse(name);
    }

    /** The column's type, canonical and with its arguments: {@code varchar(255)}, {@code numeric(12,2)}, {@code text[]}. */
    static String type(DataType type) {
        StringBuilder s = new StringBuilder(type.name());
        if (!type.args().isEmpty()) {
            s.append('(').append(String.join(",", type.args())).append(')');
        }
        if (type.array()) {
            s.append("[]");
        }
        return s.toString();
    }

    /** The type as diagrams show it: as {@link #type(DataType)}, without PostgreSQL's default schema {@code public}. */
    static String type(Schema schema, DataType type) {
        String t = type(type);
        return schema.dialect() != Dialect.MYSQL && t.startsWith("public.") ? t.substring("public.".length()) : t;
    }

    /** {@code PK}, {@code FK} and {@code UK} (a unique key of that column alone), in that order. */
    static List<String> keys(Table table, Column column) {
        List<String> keys = new ArrayList<>();
        String name = column.name();
        boolean soleKey = table.primaryKey() != null && table.primaryKey().columns().equals(List.of(name));
        if (table.primaryKey() != null && table.primaryKey().columns().contains(name)) {
            keys.add("PK");
        }
        if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(name))) {
            keys.add("FK");
        }
        if (!soleKey && isUnique(table, List.of(name))) {
            keys.add("UK");
        }
        return keys;
    }

    /**
     * Whether {@code columns} (in any order) are unique in the table: its primary key, a unique
     * constraint or a unique index on exactly those columns that is neither partial nor on an expression.
     */
    static boolean isUnique(Table table, List<String> columns) {
        Set<String> wanted = new HashSet<>(columns);
        if (table.primaryKey() != null && new HashSet<>(table.primaryKey().columns()).equals(wanted)) {
            return true;
        }
        for (UniqueKey u : table.uniques()) {
            if (new HashSet<>(u.columns()).equals(wanted)) {
                return true;
            }
        }
        for (Index i : table.indexes()) {
            if (i.unique() && i.predicate() == null && !i.hasExpressions()
                    && new HashSet<>(i.columnNames()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    static Relationship relationship(Table child, ForeignKey fk) {
        boolean required = fk.columns().stream()
                .allMatch(c -> child.column(c).map(Column::notNull).orElse(false));
        boolean identifying = child.primaryKey() != null && child.primaryKey().columns().containsAll(fk.columns());
        return new Relationship(isUnique(child, fk.columns()), required, identifying);
    }

    /** A heading for a chain: {@code db/migration (flyway, 6 migrations, through 5)}. */
    static String heading(SchemaHistory h) {
        StringBuilder s = new StringBuilder(h.chain().displayRoot()).append(" (").append(h.layout().id())
                .append(", ").append(h.steps().size()).append(h.steps().size() == 1 ? " migration" : " migrations");
        h.last().map(Migration::version).ifPresent(v -> s.append(", through ").append(v));
        return s.append(')').toString();
    }
}
