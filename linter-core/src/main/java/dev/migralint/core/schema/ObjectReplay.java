package dev.migralint.core.schema;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AlterEnum;
import dev.migralint.core.change.SchemaChange.ConstraintKind;
import dev.migralint.core.change.SchemaChange.CreateEnum;
import dev.migralint.core.change.SchemaChange.CreateSchema;
import dev.migralint.core.change.SchemaChange.CreateView;
import dev.migralint.core.change.SchemaChange.DropConstraint;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropSchema;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.DropView;
import dev.migralint.core.change.SchemaChange.RenameConstraint;
import dev.migralint.core.change.SchemaChange.RenameIndex;
import dev.migralint.core.change.SchemaChange.RenameTable;
import dev.migralint.core.change.SchemaChange.ValidateConstraint;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renames of tables, indexes and constraints; constraint and index drops and validation. */
final class ObjectReplay {
    private final ReplayState s;

    ObjectReplay(ReplayState s) {
        this.s = s;
    }

    NamespaceReplay namespaces() {
        return new NamespaceReplay(s);
    }

    // ---- tables -------------------------------------------------------------------------------------

    /**
     * RENAME TO / SET SCHEMA: foreign keys and views that point at the table follow it; its indexes keep
     * their names (and move with it to the new schema). MySQL also renames generated foreign key names
     * {@code <old>_ibfk_<n>}.
     */
    void renameTable(RenameTable r) {
        if (s.schema.relation(r.table()).isEmpty() && s.schema.view(r.table()).isPresent() && !s.mysql()) {
            renameView(r);
            return;
        }
        Table t = s.schema.relation(r.table()).orElse(null);
        if (t == null) {
            if (r.ifExists()) {
                return;
            }
            throw s.refuse(Kind.UNKNOWN_TABLE, r.table().qualified(), "table " + r.table().displayQualified() + " does not exist");
        }
        ObjectName oldKey = t.name();
        ObjectName newKey = s.mysql() ? r.newName().inSchema(null)
                : new ObjectName(r.newName().schema() != null ? r.newName().schema() : oldKey.schema(), r.newName().name());
        if (newKey.equals(oldKey)) {
            return;
        }
        if (s.schema.relationNameTaken(newKey)) {
            throw s.refuse(Kind.ALREADY_EXISTS, newKey.qualified(), "relation " + newKey.displayQualified() + " already exists");
        }
        Table.Builder b = t.toBuilder();
        b.name = newKey;
        b.indexes.replaceAll(i -> i.withTable(newKey));
        if (s.mysql()) {
            String prefix = oldKey.name() + "_ibfk_";
            b.foreignKeys.replaceAll(fk -> fk.name().startsWith(prefix)
                    ? withName(fk, newKey.name() + "_ibfk_" + fk.name().substring(prefix.length())) : fk);
        }
        s.put(oldKey, b);
        retarget(oldKey, newKey);
    }

    private void renameView(RenameTable r) {
        View v = s.schema.view(r.table()).orElseThrow();
        ObjectName newKey = new ObjectName(r.newName().schema() != null ? r.newName().schema() : v.name().schema(),
                r.newName().name());
        if (s.schema.relationNameTaken(newKey)) {
            throw s.refuse(Kind.ALREADY_EXISTS, newKey.qualified(), "relation " + newKey.displayQualified() + " already exists");
        }
        s.schema = s.schema.withView(v.name(), new View(newKey, v.dependsOn(), v.definedAt()));
        retarget(v.name(), newKey);
    }

    /** Foreign keys and views that name {@code from} now name {@code to}. */
    private void retarget(ObjectName from, ObjectName to) {
        for (Table other : s.schema.allRelations()) {
            boolean fks = other.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(from));
            if (fks || other.dependsOn().contains(from)) {
                Table.Builder ob = other.toBuilder();
                ob.foreignKeys.replaceAll(fk -> fk.refTable().equals(from) ? new ForeignKey(fk.name(), fk.columns(), to,
                        fk.refColumns(), fk.onDelete(), fk.onUpdate(), fk.validated(), fk.referencedIndex(), fk.definedAt())
                        : fk);
                ob.dependsOn = replaced(other.dependsOn(), from, to);
                s.put(other.name(), ob);
            }
        }
        for (View v : s.schema.views()) {
            if (v.dependsOn().contains(from)) {
                s.schema = s.schema.withView(v.name(), new View(v.name(), replaced(v.dependsOn(), from, to), v.definedAt()));
            }
        }
    }

    private static Set<ObjectName> replaced(Set<ObjectName> names, ObjectName from, ObjectName to) {
        Set<ObjectName> out = new LinkedHashSet<>();
        for (ObjectName n : names) {
            out.add(n.equals(from) ? to : n);
        }
        return out;
    }

    private static ForeignKey withName(ForeignKey fk, String name) {
        return new ForeignKey(name, fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(),
                fk.validated(), fk.referencedIndex(), fk.definedAt());
    }

    // ---- constraints --------------------------------------------------------------------------------

    void dropConstraint(DropConstraint d) {
        Table t = s.table(d.table());
        Table.Builder b = t.toBuilder();
        DropReplay drops = new DropReplay(s);
        if (d.kind() == ConstraintKind.PRIMARY_KEY) {
            Index pk = b.primaryKey == null ? null : b.index(b.primaryKey.name());
            if (pk == null) {
                throw s.refuse(Kind.UNKNOWN_CONSTRAINT, t.name().name(), "table " + t.name().displayQualified()
                        + " has no primary key");
            }
            drops.dropMysqlIndex(b, pk);
            s.put(t.name(), b);
            return;
        }
        String name = s.id(d.name());
        TableConstraint c = b.build().constraint(name).orElse(null);
        if (c == null && s.mysql() && (d.kind() == null || d.kind() == ConstraintKind.UNIQUE) && b.index(name) != null
                && b.index(name).unique()) {
            drops.dropMysqlIndex(b, b.index(name)); // MySQL 8's DROP CONSTRAINT also drops a unique key
            s.put(t.name(), b);
            return;
        }
        if (c == null) {
            if (d.ifExists()) {
                return;
            }
            throw s.refuse(Kind.UNKNOWN_CONSTRAINT, t.name().name() + "." + name, "constraint " + name + " of relation "
                    + t.name().qualified() + " does not exist");
        }
        if (c instanceof ForeignKey fk) {
            b.foreignKeys.remove(fk);
            if (s.mysql()) {
                // The index InnoDB made for the key stays, as an ordinary index.
                b.indexes.replaceAll(i -> i.kind() == IndexKind.FOREIGN_KEY_AUTO
                        && KeyReplay.servingIndex(List.of(i), fk.columns(), null) != null ? i.withKind(IndexKind.EXPLICIT) : i);
            }
        } else if (c instanceof CheckConstraint check) {
            b.checks.remove(check);
        } else {
            Index index = b.index(c.name());
            if (index != null) {
                drops.dropIndexes(b, List.of(index), d.cascade(), Set.of());
            }
        }
        s.put(t.name(), b);
    }

    /** RENAME CONSTRAINT; the index behind a primary key, unique or exclusion constraint is renamed with it. */
    void renameConstraint(RenameConstraint r) {
        Table t = s.table(r.table());
        Table.Builder b = t.toBuilder();
        String from = s.id(r.name());
        String to = s.id(r.newName());
        TableConstraint c = t.constraint(from).orElseThrow(() -> s.refuse(Kind.UNKNOWN_CONSTRAINT,
                t.name().name() + "." + from, "constraint " + from + " for table " + t.name().displayQualified()
                        + " does not exist"));
        if (b.hasConstraint(to)) {
            throw s.refuse(Kind.ALREADY_EXISTS, to, "constraint " + to + " for relation "
                    + t.name().qualified() + " already exists");
        }
        if (c instanceof ForeignKey fk) {
            b.foreignKeys.replaceAll(x -> x == fk ? withName(fk, to) : x);
        } else if (c instanceof CheckConstraint ch) {
            b.checks.replaceAll(x -> x == ch ? new CheckConstraint(to, ch.expression(), ch.validated(),
                    ch.definedAt()) : x);
        } else {
            renameBackedIndex(b, from, to, null);
        }
        s.put(t.name(), b);
        if (!(c instanceof ForeignKey) && !(c instanceof CheckConstraint)) {
            retargetReferencedIndex(t.name(), from, to);
        }
    }

    /** Renames an index and, when it backs one, its constraint. */
    private void renameBackedIndex(Table.Builder b, String from, String to, String spelling) {
        Index index = b.index(from);
        if (index == null) {
            return;
        }
        if (s.relationTaken(b).test(to)) {
            throw s.refuse(Kind.ALREADY_EXISTS, to, "relation " + to + " already exists");
        }
        b.replaceIndex(from, index.withName(to, spelling));
        if (b.primaryKey != null && b.primaryKey.name().equals(from)) {
            b.primaryKey = new TableConstraint.PrimaryKey(to, b.primaryKey.columns(), b.primaryKey.definedAt());
        }
        b.uniques.replaceAll(u -> u.name().equals(from) ? new TableConstraint.UniqueKey(to, u.columns(), u.definedAt()) : u);
        b.exclusions.replaceAll(e -> e.name().equals(from) ? new TableConstraint.ExclusionConstraint(to, e.definedAt()) : e);
        b.foreignKeys.replaceAll(fk -> fk.refTable().equals(b.name) && from.equals(fk.referencedIndex())
                ? new ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(),
                        fk.validated(), to, fk.definedAt()) : fk);
    }

    private void retargetReferencedIndex(ObjectName table, String from, String to) {
        for (Table other : s.schema.allRelations()) {
            if (!other.name().equals(table) && other.foreignKeys().stream()
                    .anyMatch(fk -> fk.refTable().equals(table) && from.equals(fk.referencedIndex()))) {
                Table.Builder ob = other.toBuilder();
                ob.foreignKeys.replaceAll(fk -> fk.refTable().equals(table) && from.equals(fk.referencedIndex())
                        ? new ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(),
                                fk.onUpdate(), fk.validated(), to, fk.definedAt()) : fk);
                s.put(other.name(), ob);
            }
        }
    }

    void validate(ValidateConstraint v) {
        Table t = s.table(v.table());
        Table.Builder b = t.toBuilder();
        TableConstraint c = t.constraint(s.id(v.name())).orElseThrow(() -> s.refuse(Kind.UNKNOWN_CONSTRAINT,
                t.name().name() + "." + v.name(), "constraint " + v.name() + " of relation " + t.name().displayQualified()
                        + " does not exist"));
        if (c instanceof ForeignKey fk) {
            b.foreignKeys.replaceAll(x -> x == fk ? new ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(),
                    fk.onDelete(), fk.onUpdate(), true, fk.referencedIndex(), fk.definedAt()) : x);
        } else if (c instanceof CheckConstraint ch) {
            b.checks.replaceAll(x -> x == ch ? new CheckConstraint(ch.name(), ch.expression(), true, ch.definedAt()) : x);
        } else {
            throw s.refuse(Kind.INVALID, v.name(), "constraint " + v.name() + " of relation " + t.name().displayQualified()
                    + " is not a foreign key or check constraint");
        }
        s.put(t.name(), b);
    }

    // ---- indexes ------------------------------------------------------------------------------------

    void dropIndex(DropIndex d) {
        for (ObjectName name : d.indexes()) {
            Index index = d.table() != null ? s.schema.index(d.table(), s.id(name.name())).orElse(null)
                    : s.schema.index(name).orElse(null);
            if (index == null) {
                if (d.ifExists()) {
                    if (!s.mysql()) {
                        s.schema = s.schema.withSeen(s.schema.keyForNew(name, false));
                    }
                    continue;
                }
                if (d.table() != null) {
                    s.relation(d.table());
                }
                throw s.refuse(Kind.UNKNOWN_INDEX, name.qualified(), "index " + name.displayQualified() + " does not exist");
            }
            Table t = s.schema.tableByKey(index.table());
            Table.Builder b = t.toBuilder();
            new DropReplay(s).dropIndex(b, b.index(index.name()), d.cascade());
            s.put(t.name(), b);
        }
    }

    void renameIndex(RenameIndex r) {
        Index index = r.table() != null ? s.schema.index(r.table(), s.id(r.index().name())).orElse(null)
                : s.schema.index(r.index()).orElse(null);
        if (index == null) {
            if (r.ifExists()) {
                return;
            }
            throw s.refuse(Kind.UNKNOWN_INDEX, r.index().qualified(), "index " + r.index().displayQualified() + " does not exist");
        }
        Table t = s.schema.tableByKey(index.table());
        Table.Builder b = t.toBuilder();
        renameBackedIndex(b, index.name(), s.id(r.newName()), r.newSpelling());
        s.put(t.name(), b);
        retargetReferencedIndex(t.name(), index.name(), s.id(r.newName()));
    }

}
