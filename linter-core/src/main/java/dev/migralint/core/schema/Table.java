package dev.migralint.core.schema;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ExclusionConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.TableConstraint.PrimaryKey;
import dev.migralint.core.schema.TableConstraint.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A replayed table (or materialized view, which has indexes too). {@code name} is resolved: in
 * PostgreSQL it always has a schema, in MySQL never. {@code columnsKnown} is false when the table was
 * made from something replay cannot see into (CREATE TABLE AS, LIKE or PARTITION OF an unknown table,
 * OF type), so a column that is not listed may still exist. {@code primaryKey} is null when there is
 * none. {@code dependsOn} is a materialized view's query's tables. {@code partitionOf} is the parent a
 * PostgreSQL partition was created PARTITION OF or attached to (ATTACH PARTITION), or the first parent
 * an inheritance child INHERITS from (as resolved then, or as written when replay did not know it),
 * null for other tables: a partition gets its parent's primary key, unique indexes and foreign keys,
 * which replay does not copy, and whole-schema rules judge the parent once. {@code rowLevelSecurity} is PostgreSQL's ENABLE ROW LEVEL
 * SECURITY, as the last ENABLE or DISABLE left it. {@code moreParents} are the parents an inheritance
 * child INHERITS from after the first ({@code INHERITS (dog, pet)}: pet), whose column changes reach it too.
 */
public record Table(ObjectName name, Kind kind, List<Column> columns, PrimaryKey primaryKey, List<UniqueKey> uniques,
                    List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<ExclusionConstraint> exclusions,
                    List<Index> indexes, boolean temporary, boolean columnsKnown, Set<ObjectName> dependsOn,
                    ObjectName partitionOf, Location definedAt, boolean rowLevelSecurity, List<ObjectName> moreParents) {

    public enum Kind { TABLE, MATERIALIZED_VIEW }

    public Table(ObjectName name, Kind kind, List<Column> columns, PrimaryKey primaryKey, List<UniqueKey> uniques,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<ExclusionConstraint> exclusions,
                 List<Index> indexes, boolean temporary, boolean columnsKnown, Set<ObjectName> dependsOn,
                 ObjectName partitionOf, Location definedAt) {
        this(name, kind, columns, primaryKey, uniques, foreignKeys, checks, exclusions, indexes, temporary, columnsKnown,
                dependsOn, partitionOf, definedAt, false, List.of());
    }

    public Table {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        exclusions = List.copyOf(exclusions);
        indexes = List.copyOf(indexes);
        dependsOn = Set.copyOf(dependsOn);
        moreParents = List.copyOf(moreParents);
    }

    /** Whether {@code parent} is one this table was made PARTITION OF, attached to, or INHERITS from. */
    public boolean childOf(ObjectName parent) {
        return parent.equals(partitionOf) || moreParents.contains(parent);
    }

    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<Index> index(String indexName) {
        for (Index i : indexes) {
            if (i.name().equals(indexName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Every constraint: primary key, uniques, foreign keys, checks, exclusions. */
    public List<TableConstraint> constraints() {
        List<TableConstraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniques);
        all.addAll(foreignKeys);
        all.addAll(checks);
        all.addAll(exclusions);
        return all;
    }

    public Optional<TableConstraint> constraint(String constraintName) {
        return constraints().stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change for the replayer: lists are copied once, changed in place, frozen by build(). */
    static final class Builder {
        ObjectName name;
        Kind kind;
        final List<Column> columns;
        PrimaryKey primaryKey;
        final List<UniqueKey> uniques;
        final List<ForeignKey> foreignKeys;
        final List<CheckConstraint> checks;
        final List<ExclusionConstraint> exclusions;
        final List<Index> indexes;
        boolean temporary;
        boolean columnsKnown;
        Set<ObjectName> dependsOn;
        ObjectName partitionOf;
        Location definedAt;
        boolean rowLevelSecurity;
        final List<ObjectName> moreParents;

        Builder(ObjectName name, Kind kind, boolean temporary, Location definedAt) {
            this.name = name;
            this.kind = kind;
            this.columns = new ArrayList<>();
            this.uniques = new ArrayList<>();
            this.foreignKeys = new ArrayList<>();
            this.checks = new ArrayList<>();
            this.exclusions = new ArrayList<>();
            this.indexes = new ArrayList<>();
            this.temporary = temporary;
            this.columnsKnown = true;
            this.dependsOn = Set.of();
            this.definedAt = definedAt;
            this.moreParents = new ArrayList<>();
        }

        Builder(Table t) {
            this.name = t.name;
            this.kind = t.kind;
            this.columns = new ArrayList<>(t.columns);
            this.primaryKey = t.primaryKey;
            this.uniques = new ArrayList<>(t.uniques);
            this.foreignKeys = new ArrayList<>(t.foreignKeys);
            this.checks = new ArrayList<>(t.checks);
            this.exclusions = new ArrayList<>(t.exclusions);
            this.indexes = new ArrayList<>(t.indexes);
            this.temporary = t.temporary;
            this.columnsKnown = t.columnsKnown;
            this.dependsOn = t.dependsOn;
            this.partitionOf = t.partitionOf;
            this.definedAt = t.definedAt;
            this.rowLevelSecurity = t.rowLevelSecurity;
            this.moreParents = new ArrayList<>(t.moreParents);
        }

        int columnIndex(String columnName) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(columnName)) {
                    return i;
                }
            }
            return -1;
        }

        Index index(String indexName) {
            for (Index i : indexes) {
                if (i.name().equals(indexName)) {
                    return i;
                }
            }
            return null;
        }

        void replaceIndex(String oldName, Index replacement) {
            for (int i = 0; i < indexes.size(); i++) {
                if (indexes.get(i).name().equals(oldName)) {
                    indexes.set(i, replacement);
                    return;
                }
            }
        }

        boolean hasConstraint(String constraintName) {
            return (primaryKey != null && primaryKey.name().equals(constraintName))
                    || uniques.stream().anyMatch(u -> u.name().equals(constraintName))
                    || foreignKeys.stream().anyMatch(f -> f.name().equals(constraintName))
                    || checks.stream().anyMatch(c -> c.name().equals(constraintName))
                    || exclusions.stream().anyMatch(e -> e.name().equals(constraintName));
        }

        Table build() {
            return new Table(name, kind, columns, primaryKey, uniques, foreignKeys, checks, exclusions, indexes,
                    temporary, columnsKnown, dependsOn, partitionOf, definedAt, rowLevelSecurity, moreParents);
        }
    }
}
