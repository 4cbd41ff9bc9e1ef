package dev.migralint.core.schema;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dropping things and what depends on them. PostgreSQL drops an object's own parts silently (a
 * column's indexes and constraints), but refuses when other objects depend on it (a foreign key on
 * the unique index being dropped, a view on the table) unless CASCADE is given, which then drops
 * those too. MySQL shrinks indexes when a column goes and refuses to break a foreign key.
 */
final class DropReplay {
    private final ReplayState s;

    DropReplay(ReplayState s) {
        this.s = s;
    }

    /** Keys of the views and materialized views that read any of {@code relations}, transitively. */
    Set<ObjectName> dependentViews(Set<ObjectName> relations) {
        Set<ObjectName> found = new LinkedHashSet<>();
        Set<ObjectName> frontier = new LinkedHashSet<>(relations);
        while (!frontier.isEmpty()) {
            Set<ObjectName> next = new LinkedHashSet<>();
            for (View v : s.schema.views()) {
                if (!found.contains(v.name()) && !relations.contains(v.name()) && intersects(v.dependsOn(), frontier)) {
                    next.add(v.name());
                }
            }
            for (Table mv : s.schema.materializedViews()) {
                if (!found.contains(mv.name()) && !relations.contains(mv.name()) && intersects(mv.dependsOn(), frontier)) {
                    next.add(mv.name());
                }
            }
            found.addAll(next);
            frontier = next;
        }
        return found;
    }

    private static boolean intersects(Set<ObjectName> a, Set<ObjectName> b) {
        for (ObjectName n : a) {
            if (b.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Removes views and materialized views by key. */
    void removeViews(Set<ObjectName> keys) {
        for (ObjectName k : keys) {
            s.schema = s.schema.view(k).isPresent() ? s.schema.withoutView(k) : s.schema.withoutTable(k);
        }
    }

    /** DROP TABLE of the tables with these keys, all at once (foreign keys among them do not count). */
    void dropTables(Set<ObjectName> keys, boolean cascade) {
        List<String> dependents = new ArrayList<>();
        List<Table> referencing = new ArrayList<>();
        for (Table t : s.schema.allRelations()) {
            if (t.foreignKeys().isEmpty() || keys.contains(t.name())) {
                continue;
            }
            boolean refers = false;
            // plain loops: this runs over every relation for every DROP TABLE
            for (ForeignKey fk : t.foreignKeys()) {
                if (keys.contains(fk.refTable())) {
                    refers = true;
                    dependents.add("constraint " + fk.name() + " on table " + t.name().displayQualified());
                }
            }
            if (refers) {
                referencing.add(t);
            }
        }
        Set<ObjectName> views = dependentViews(keys);
        views.forEach(v -> dependents.add("view " + v.displayQualified()));
        if (s.mysql()) {
            // MySQL keeps the other tables' foreign keys (a dump turns FOREIGN_KEY_CHECKS off to drop in any order).
            keys.forEach(k -> s.schema = s.schema.withoutTable(k));
            return;
        }
        requireCascade(cascade, keys.stream().map(ObjectName::qualified).collect(Collectors.joining(", ")), dependents);
        for (Table t : referencing) {
            Table.Builder b = t.toBuilder();
            b.foreignKeys.removeIf(fk -> keys.contains(fk.refTable()));
            s.put(t.name(), b);
        }
        removeViews(views);
        keys.forEach(k -> s.schema = s.schema.withoutTable(k));
    }

    private void requireCascade(boolean cascade, String what, List<String> dependents) {
        if (!cascade && !dependents.isEmpty()) {
            throw s.refuse(Kind.HAS_DEPENDENTS, what, "cannot drop " + what + " because other objects depend on it: "
                    + String.join(", ", dependents) + " (use CASCADE)");
        }
    }

    /**
     * Drops indexes of {@code b} (and the constraints they back); the foreign keys that depend on them
     * need CASCADE, which drops them, in {@code b} itself or in other tables.
     */
    void dropIndexes(Table.Builder b, List<Index> indexes, boolean cascade, Set<String> fksAlreadyGoing) {
        Set<String> names = indexes.stream().map(Index::name).collect(Collectors.toSet());
        List<String> dependents = new ArrayList<>();
        List<Table> others = new ArrayList<>();
        for (Table t : s.schema.allRelations()) {
            if (t.name().equals(b.name)) {
                continue;
            }
            boolean any = false;
            for (ForeignKey fk : t.foreignKeys()) {
                if (dependsOn(fk, b.name, names)) {
                    dependents.add("constraint " + fk.name() + " on table " + t.name().displayQualified());
                    any = true;
                }
            }
            if (any) {
                others.add(t);
            }
        }
        for (ForeignKey fk : b.foreignKeys) {
            if (dependsOn(fk, b.name, names) && !fksAlreadyGoing.contains(fk.name())) {
                dependents.add("constraint " + fk.name() + " on table " + b.name.displayQualified());
            }
        }
        requireCascade(cascade, "index " + String.join(", ", names), dependents);
        for (Table t : others) {
            Table.Builder ob = t.toBuilder();
            ob.foreignKeys.removeIf(fk -> dependsOn(fk, b.name, names));
            s.put(t.name(), ob);
        }
        b.foreignKeys.removeIf(fk -> dependsOn(fk, b.name, names));
        b.indexes.removeIf(i -> names.contains(i.name()));
        if (b.primaryKey != null && names.contains(b.primaryKey.name())) {
            b.primaryKey = null;
        }
        b.uniques.removeIf(u -> names.contains(u.name()));
        b.exclusions.removeIf(e -> names.contains(e.name()));
    }

    private static boolean dependsOn(ForeignKey fk, ObjectName table, Set<String> indexNames) {
        return fk.refTable().equals(table) && fk.referencedIndex() != null && indexNames.contains(fk.referencedIndex());
    }

    /** DROP COLUMN: PostgreSQL drops the indexes and constraints that use the column; MySQL shrinks indexes. */
    void dropColumn(Table.Builder b, String column, boolean cascade) {
        int at = b.columnIndex(column);
        if (s.mysql()) {
            dropMysqlColumn(b, column);
        } else {
            List<Index> using = b.indexes.stream().filter(i -> uses(i, column)).toList();
            b.checks.removeIf(c -> GeneratedNames.identifiers(c.expression()).contains(column));
            Set<String> fksGoing = b.foreignKeys.stream().filter(fk -> fk.columns().contains(column))
                    .map(ForeignKey::name).collect(Collectors.toSet());
            b.foreignKeys.removeIf(fk -> fk.columns().contains(column));
            dropIndexes(b, using, cascade, fksGoing);
        }
        if (at >= 0) {
            b.columns.remove(at);
        }
    }

    private void dropMysqlColumn(Table.Builder b, String column) {
        for (ForeignKey fk : b.foreignKeys) {
            if (fk.columns().contains(column)) {
                throw s.refuse(Kind.HAS_DEPENDENTS, b.name.name() + "." + column, "cannot drop column " + column
                        + ": needed in foreign key constraint " + fk.name());
            }
        }
        List<Index> kept = new ArrayList<>();
        for (Index i : b.indexes) {
            List<IndexColumn> keys = i.keys().stream().filter(k -> !column.equals(k.column())).toList();
            if (keys.isEmpty()) {
                if (b.primaryKey != null && b.primaryKey.name().equals(i.name())) {
                    b.primaryKey = null;
                }
                continue;
            }
            kept.add(keys.size() == i.keys().size() ? i : i.withKeys(keys, i.include(), i.predicate()));
        }
        b.indexes.clear();
        b.indexes.addAll(kept);
        if (b.primaryKey != null && b.primaryKey.columns().contains(column)) {
            b.primaryKey = new TableConstraint.PrimaryKey(b.primaryKey.name(),
                    b.primaryKey.columns().stream().filter(c -> !c.equals(column)).toList(), b.primaryKey.definedAt());
        }
        b.checks.removeIf(c -> GeneratedNames.identifiers(c.expression()).contains(column));
    }

    /** True when the index mentions the column as a key, an INCLUDE column, or in an expression or predicate. */
    static boolean uses(Index i, String column) {
        for (IndexColumn k : i.keys()) {
            if (column.equals(k.column()) || (k.expression() != null
                    && GeneratedNames.identifiers(k.expression()).contains(column))) {
                return true;
            }
        }
        return i.include().contains(column)
                || (i.predicate() != null && GeneratedNames.identifiers(i.predicate()).contains(column));
    }

    /** DROP INDEX in PostgreSQL: not an index behind a constraint; foreign keys on it need CASCADE. */
    void dropIndex(Table.Builder b, Index index, boolean cascade) {
        if (s.mysql()) {
            dropMysqlIndex(b, index);
            return;
        }
        if (index.kind() != IndexKind.EXPLICIT) {
            throw s.refuse(Kind.HAS_DEPENDENTS, index.name(), "cannot drop index " + index.name() + " because constraint "
                    + index.name() + " on table " + b.name.displayQualified() + " requires it (drop the constraint instead)");
        }
        dropIndexes(b, List.of(index), cascade, Set.of());
    }

    /** MySQL refuses to drop an index a foreign key needs when no other index can serve the key. */
    void dropMysqlIndex(Table.Builder b, Index index) {
        for (ForeignKey fk : b.foreignKeys) {
            if (KeyReplay.servingIndex(List.of(index), fk.columns(), null) != null
                    && KeyReplay.servingIndex(b.indexes, fk.columns(), index) == null) {
                throw s.refuse(Kind.HAS_DEPENDENTS, index.name(), "cannot drop index " + index.name()
                        + ": needed in foreign key constraint " + fk.name());
            }
        }
        b.indexes.remove(index);
        if (b.primaryKey != null && b.primaryKey.name().equals(index.name())) {
            b.primaryKey = null;
        }
    }
}
