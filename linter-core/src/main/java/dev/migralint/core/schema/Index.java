package dev.migralint.core.schema;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import java.util.List;

/**
 * An index on a table (or materialized view). {@code name} is unique per schema in PostgreSQL and per
 * table in MySQL; {@code table} is the table's resolved name. {@code keys} are the key columns or
 * expressions in order, {@code include} the INCLUDE columns, {@code predicate} a partial index's WHERE
 * text or null, {@code method} lower-case ("btree", "gin", "fulltext", ...). {@code kind} tells an
 * index someone created from one the database made for a constraint.
 */
public record Index(String name, ObjectName table, List<IndexColumn> keys, boolean unique, String method,
                    String predicate, List<String> include, IndexKind kind, Location definedAt) {

    public Index {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
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

    Index withName(String newName) {
        return new Index(newName, table, keys, unique, method, predicate, include, kind, definedAt);
    }

    Index withTable(ObjectName newTable) {
        return new Index(name, newTable, keys, unique, method, predicate, include, kind, definedAt);
    }

    Index withKind(IndexKind newKind) {
        return new Index(name, table, keys, unique, method, predicate, include, newKind, definedAt);
    }

    Index withKeys(List<IndexColumn> newKeys, List<String> newInclude, String newPredicate) {
        return new Index(name, table, newKeys, unique, method, newPredicate, newInclude, kind, definedAt);
    }
}
