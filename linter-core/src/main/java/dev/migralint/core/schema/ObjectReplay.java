package dev.migralint.core.schema;

import dev.migralint.core.change.DataType;
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
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.ValidateConstraint;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Renames of tables, indexes and constraints; constraint and index drops; enums, views, schemas, settings. */
final class ObjectReplay {
    private final ReplayState s;

    ObjectReplay(ReplayState s) {
        this.s = s;
    }

    void dispatch(SchemaChange change) {
        if (change instanceof DropConstraint d) {
            dropConstraint(d);
        } else if (change instanceof RenameConstraint r) {
            renameConstraint(r);
        } else if (change instanceof ValidateConstraint v) {
            validate(v);
        } else if (change instanceof DropIndex d) {
            dropIndex(d);
        } else if (change instanceof RenameIndex r) {
            renameIndex(r);
        } else if (change instanceof CreateEnum e) {
            createEnum(e);
        } else if (change instanceof AlterEnum a) {
            alterEnum(a);
        } else if (change instanceof DropType d) {
            dropType(d);
        } else if (change instanceof CreateView v) {
            createView(v);
        } else if (change instanceof DropView d) {
            dropView(d);
        } else if (change instanceof CreateSchema c) {
            createSchema(c);
        } else if (change instanceof DropSchema d) {
            dropSchema(d);
        }
        // Opaque and anything else: no modelled effect.
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
            throw s.refuse(Kind.UNKNOWN_TABLE, r.table().qualified(), "table " + r.table().qualified() + " does not exist");
        }
        ObjectName oldKey = t.name();
        ObjectName newKey = s.mysql() ? ObjectName.of(r.newName().name())
                : new ObjectName(r.newName().schema() != null ? r.newName().schema() : oldKey.schema(), r.newName().name());
        if (newKey.equals(oldKey)) {
            return;
        }
        if (s.schema.relationNameTaken(newKey)) {
            throw s.refuse(Kind.ALREADY_EXISTS, newKey.qualified(), "relation " + newKey.qualified() + " already exists");
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
            throw s.refuse(Kind.ALREADY_EXISTS, newKey.qualified(), "relation " + newKey.qualified() + " already exists");
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
                throw s.refuse(Kind.UNKNOWN_CONSTRAINT, t.name().name(), "table " + t.name().qualified()
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
                t.name().name() + "." + from, "constraint " + from + " for table " + t.name().qualified()
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
            renameBackedIndex(b, from, to);
        }
        s.put(t.name(), b);
        if (!(c instanceof ForeignKey) && !(c instanceof CheckConstraint)) {
            retargetReferencedIndex(t.name(), from, to);
        }
    }

    /** Renames an index and, when it backs one, its constraint. */
    private void renameBackedIndex(Table.Builder b, String from, String to) {
        Index index = b.index(from);
        if (index == null) {
            return;
        }
        if (s.relationTaken(b).test(to)) {
            throw s.refuse(Kind.ALREADY_EXISTS, to, "relation " + to + " already exists");
        }
        b.replaceIndex(from, index.withName(to));
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
                t.name().name() + "." + v.name(), "constraint " + v.name() + " of relation " + t.name().qualified()
                        + " does not exist"));
        if (c instanceof ForeignKey fk) {
            b.foreignKeys.replaceAll(x -> x == fk ? new ForeignKey(fk.name(), fk.columns(), fk.refTable(), fk.refColumns(),
                    fk.onDelete(), fk.onUpdate(), true, fk.referencedIndex(), fk.definedAt()) : x);
        } else if (c instanceof CheckConstraint ch) {
            b.checks.replaceAll(x -> x == ch ? new CheckConstraint(ch.name(), ch.expression(), true, ch.definedAt()) : x);
        } else {
            throw s.refuse(Kind.INVALID, v.name(), "constraint " + v.name() + " of relation " + t.name().qualified()
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
                    continue;
                }
                if (d.table() != null) {
                    s.relation(d.table());
                }
                throw s.refuse(Kind.UNKNOWN_INDEX, name.qualified(), "index " + name.qualified() + " does not exist");
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
            throw s.refuse(Kind.UNKNOWN_INDEX, r.index().qualified(), "index " + r.index().qualified() + " does not exist");
        }
        Table t = s.schema.tableByKey(index.table());
        Table.Builder b = t.toBuilder();
        renameBackedIndex(b, index.name(), s.id(r.newName()));
        s.put(t.name(), b);
        retargetReferencedIndex(t.name(), index.name(), s.id(r.newName()));
    }

    // ---- enum types ---------------------------------------------------------------------------------

    void createEnum(CreateEnum e) {
        ObjectName key = s.schema.keyForNew(e.name(), false);
        if (s.schema.enumType(key).isPresent() || s.schema.relationNameTaken(key)) {
            throw s.refuse(Kind.ALREADY_EXISTS, key.qualified(), "type " + key.qualified() + " already exists");
        }
        s.schema = s.schema.withEnum(new EnumType(key, e.labels(), s.here()));
    }

    private EnumType enumType(ObjectName name) {
        return s.schema.enumType(name).orElseThrow(() -> s.refuse(Kind.UNKNOWN_TYPE, name.qualified(),
                "type " + name.qualified() + " does not exist"));
    }

    void alterEnum(AlterEnum a) {
        EnumType type = enumType(a.type());
        List<String> labels = new ArrayList<>(type.labels());
        switch (a.action()) {
            case ADD_VALUE -> {
                if (labels.contains(a.value())) {
                    if (a.ifNotExists()) {
                        return;
                    }
                    throw s.refuse(Kind.ALREADY_EXISTS, a.value(), "enum label \"" + a.value() + "\" already exists");
                }
                if (a.neighbor() == null) {
                    labels.add(a.value());
                } else {
                    int at = labels.indexOf(a.neighbor());
                    if (at < 0) {
                        throw s.refuse(Kind.INVALID, a.neighbor(), "\"" + a.neighbor() + "\" is not an existing enum label");
                    }
                    labels.add(a.before() ? at : at + 1, a.value());
                }
            }
            case RENAME_VALUE -> {
                int at = labels.indexOf(a.value());
                if (at < 0) {
                    throw s.refuse(Kind.INVALID, a.value(), "\"" + a.value() + "\" is not an existing enum label");
                }
                if (labels.contains(a.newValue())) {
                    throw s.refuse(Kind.ALREADY_EXISTS, a.newValue(), "enum label \"" + a.newValue() + "\" already exists");
                }
                labels.set(at, a.newValue());
            }
        }
        s.schema = s.schema.withEnum(new EnumType(type.name(), labels, type.definedAt()));
    }

    /** DROP TYPE: columns of the type need CASCADE, which drops them (PostgreSQL). */
    void dropType(DropType d) {
        for (ObjectName name : d.types()) {
            EnumType type = s.schema.enumType(name).orElse(null);
            if (type == null) {
                if (d.ifExists()) {
                    continue;
                }
                throw s.refuse(Kind.UNKNOWN_TYPE, name.qualified(), "type " + name.qualified() + " does not exist");
            }
            List<String> dependents = new ArrayList<>();
            for (Table t : s.schema.allRelations()) {
                for (Column c : t.columns()) {
                    if (type.name().equals(enumOf(c.type()))) {
                        dependents.add("column " + c.name() + " of table " + t.name().qualified());
                    }
                }
            }
            if (!d.cascade() && !dependents.isEmpty()) {
                throw s.refuse(Kind.HAS_DEPENDENTS, type.name().qualified(), "cannot drop type " + type.name().qualified()
                        + " because other objects depend on it: " + String.join(", ", dependents) + " (use CASCADE)");
            }
            for (Table t : s.schema.allRelations()) {
                Table.Builder b = t.toBuilder();
                boolean changed = false;
                for (Column c : t.columns()) {
                    if (type.name().equals(enumOf(c.type()))) {
                        new DropReplay(s).dropColumn(b, c.name(), true);
                        changed = true;
                    }
                }
                if (changed) {
                    s.put(t.name(), b);
                }
            }
            s.schema = s.schema.withoutEnum(type.name());
        }
    }

    /** The key of the enum type a column type names, or null. */
    private ObjectName enumOf(DataType type) {
        ObjectName written = ObjectName.parse(type.name(), s.dialect);
        return s.schema.enumType(written).map(EnumType::name).orElse(null);
    }

    // ---- views --------------------------------------------------------------------------------------

    void createView(CreateView v) {
        ObjectName key = s.schema.keyForNew(v.name(), false);
        Set<ObjectName> dependsOn = new LinkedHashSet<>();
        for (ObjectName n : v.referencedTables()) {
            s.schema.relation(n).map(Table::name).or(() -> s.schema.view(n).map(View::name)).ifPresent(dependsOn::add);
        }
        boolean replacing = v.orReplace() && !v.materialized() && s.schema.view(key).isPresent();
        if (s.schema.relationNameTaken(key) && !replacing) {
            if (v.ifNotExists()) {
                return;
            }
            throw s.refuse(Kind.ALREADY_EXISTS, key.qualified(), "relation " + key.qualified() + " already exists");
        }
        if (v.materialized()) {
            Table.Builder b = new Table.Builder(key, Table.Kind.MATERIALIZED_VIEW, false, s.here());
            b.columnsKnown = false;
            b.dependsOn = dependsOn;
            s.put(null, b);
        } else {
            s.schema = s.schema.withView(replacing ? key : null, new View(key, dependsOn, s.here()));
        }
    }

    void dropView(DropView d) {
        Set<ObjectName> keys = new LinkedHashSet<>();
        for (ObjectName n : d.views()) {
            ObjectName key = d.materialized()
                    ? s.schema.relation(n).filter(t -> t.kind() == Table.Kind.MATERIALIZED_VIEW).map(Table::name).orElse(null)
                    : s.schema.view(n).map(View::name).orElse(null);
            if (key == null) {
                if (d.ifExists()) {
                    continue;
                }
                throw s.refuse(Kind.UNKNOWN_VIEW, n.qualified(), (d.materialized() ? "materialized view " : "view ")
                        + n.qualified() + " does not exist");
            }
            keys.add(key);
        }
        DropReplay drops = new DropReplay(s);
        Set<ObjectName> dependents = drops.dependentViews(keys);
        if (!d.cascade() && !dependents.isEmpty() && !s.mysql()) {
            throw s.refuse(Kind.HAS_DEPENDENTS, keys.iterator().next().qualified(), "cannot drop "
                    + keys.iterator().next().qualified() + " because other views depend on it: " + dependents
                    + " (use CASCADE)");
        }
        drops.removeViews(dependents);
        drops.removeViews(keys);
    }

    // ---- schemas and settings ----------------------------------------------------------------------

    void createSchema(CreateSchema c) {
        if (s.schema.schemaNames().contains(c.name())) {
            if (c.ifNotExists()) {
                return;
            }
            throw s.refuse(Kind.ALREADY_EXISTS, c.name(), "schema " + c.name() + " already exists");
        }
        s.schema = s.schema.withSchema(c.name());
    }

    /** DROP SCHEMA: a schema with objects in it needs CASCADE, which drops them with their dependents. */
    void dropSchema(DropSchema d) {
        for (String name : d.names()) {
            if (!s.schema.schemaNames().contains(name)) {
                if (d.ifExists()) {
                    continue;
                }
                throw s.refuse(Kind.UNKNOWN_SCHEMA, name, "schema " + name + " does not exist");
            }
            Set<ObjectName> tables = new LinkedHashSet<>();
            s.schema.allRelations().stream().filter(t -> name.equals(t.name().schema())).forEach(t -> tables.add(t.name()));
            List<View> views = s.schema.views().stream().filter(v -> name.equals(v.name().schema())).toList();
            List<EnumType> enums = s.schema.enums().stream().filter(e -> name.equals(e.name().schema())).toList();
            if (!d.cascade() && (!tables.isEmpty() || !views.isEmpty() || !enums.isEmpty())) {
                throw s.refuse(Kind.HAS_DEPENDENTS, name, "cannot drop schema " + name
                        + " because other objects depend on it (use CASCADE)");
            }
            if (!tables.isEmpty()) {
                new DropReplay(s).dropTables(tables, true);
            }
            for (View v : views) {
                s.schema = s.schema.withoutView(v.name());
            }
            for (EnumType e : enums) {
                s.schema = s.schema.withoutEnum(e.name());
            }
            s.schema = s.schema.withoutSchema(name);
        }
    }

    /** SET search_path (PostgreSQL) changes where unqualified names resolve and new objects go. */
    void setting(SetSetting set) {
        if (s.mysql() || !set.name().equals("search_path")) {
            return;
        }
        List<String> path = new ArrayList<>();
        String value = set.value().trim();
        if (value.equalsIgnoreCase("default")) {
            path.add("public");
        } else {
            for (String part : value.split(",")) {
                String p = part.trim();
                if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'"))) {
                    p = p.substring(1, p.length() - 1).trim();
                }
                String name = p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")
                        ? p.substring(1, p.length() - 1) : p.toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("$user") && !name.equals("pg_catalog")) {
                    path.add(name);
                }
            }
        }
        s.schema = s.schema.withSearchPath(path);
    }
}
