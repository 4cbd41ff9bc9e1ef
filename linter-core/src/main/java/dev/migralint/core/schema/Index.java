package dev.migralint.core.schema;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import java.util.List;
import java.util.Objects;

/**
 * An index on a table (or materialized view). {@code name} is unique per schema in PostgreSQL and per
 * table in MySQL; {@code table} is the table's resolved name. {@code keys} are the key columns or
 * expressions in order, {@code include} the INCLUDE columns, {@code predicate} a partial index's WHERE
 * text or null, {@code method} lower-case ("btree", "gin", "fulltext", ...). {@code kind} tells an
 * index someone created from one the database made for a constraint.
 *
 * <p>{@code spelling} is the name as MySQL keeps it where that differs from the folded {@code name}
 * ({@code IX_AppId} for {@code ix_appid}), or null; for display only, it takes no part in equality (see
 * {@link ObjectName#spelling()}). {@code nullsNotDistinct} is a unique index's PostgreSQL 15 NULLS NOT DISTINCT:
 * rows whose keys are NULL collide like any others.
 */
public record Index(String name, ObjectName table, List<IndexColumn> keys, boolean unique, String method,
                    String predicate, List<String> include, IndexKind kind, Location definedAt, String spelling,
                    boolean nullsNotDistinct) {

    public Index {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        if (spelling != null && spelling.equals(name)) {
            spelling = null;
        }
    }

    public Index(String name, ObjectName table, List<IndexColumn> keys, boolean unique, String method,
                 String predicate, List<String> include, IndexKind kind, Location definedAt) {
        this(name, table, keys, unique, method, predicate, include, kind, definedAt, null, false);
    }

    public Index(String name, ObjectName table, List<IndexColumn> keys, boolean unique, String method,
                 String predicate, List<String> include, IndexKind kind, Location definedAt, String spelling) {
        this(name, table, keys, unique, method, predicate, include, kind, definedAt, spelling, false);
    }

    /** The name as messages and advice print it: as the source spelled it. */
    public String displayName() {
        return spelling == null ? name : spelling;
    }

    public enum IndexKind {
        /** CREATE INDEX, or a MySQL KEY / INDEX / UNIQUE KEY. */
        EXPLICIT,
        /** The index behind a primary key (PostgreSQL {@code <table>_pkey}, MySQL PRIMARY). */
        PRIMARY_KEY,
        /** The index behind a PostgreSQL UNIQUE constraint (same name as the constraint). */
        UNIQUE_CONSTRAINT,
        /** The index behind a PostgreSQL EXCLUDE constraint. */
        EXCLUSION_CONSTRAINT,
        /** The index InnoDB makes for a foreign key that no index serves; dropped when one comes. */
        FOREIGN_KEY_AUTO
    }

    /** Key column names in order; an expression key counts as null. */
    public List<String> columnNames() {
        return keys.stream().map(IndexColumn::column).toList();
    }

    /** True when a key is an expression rather than a column. */
    public boolean hasExpressions() {
        return keys.stream().anyMatch(k -> k.column() == null);
    }

    /** The name in its schema (PostgreSQL) or alone (MySQL). */
    public ObjectName qualifiedName() {
        return new ObjectName(table.schema(), name);
    }

    /** Renamed: the new name's spelling replaces the old one. */
    Index withName(String newName, String newSpelling) {
        return new Index(newName, table, keys, unique, method, predicate, include, kind, definedAt, newSpelling, nullsNotDistinct);
    }

    Index withTable(ObjectName newTable) {
        return new Index(name, newTable, keys, unique, method, predicate, include, kind, definedAt, spelling, nullsNotDistinct);
    }

    Index withKind(IndexKind newKind) {
        return new Index(name, table, keys, unique, method, predicate, include, newKind, definedAt, spelling, nullsNotDistinct);
    }

    Index withKeys(List<IndexColumn> newKeys, List<String> newInclude, String newPredicate) {
        return new Index(name, table, newKeys, unique, method, newPredicate, newInclude, kind, definedAt, spelling, nullsNotDistinct);
    }

    /** Equal when all but {@code spelling} are: the spelling is for display only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Index i && name.equals(i.name) && table.equals(i.table) && keys.equals(i.keys)
                && unique == i.unique && Objects.equals(method, i.method) && Objects.equals(predicate, i.predicate)
                && include.equals(i.include) && kind == i.kind && Objects.equals(definedAt, i.definedAt)
                && nullsNotDistinct == i.nullsNotDistinct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, table, keys, unique, method, predicate, include, kind, definedAt, nullsNotDistinct);
    }
}
