package dev.migralint.core.schema;

import dev.migralint.core.change.DataType;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.AlterEnum;
import dev.migralint.core.change.SchemaChange.CreateEnum;
import dev.migralint.core.change.SchemaChange.CreateSchema;
import dev.migralint.core.change.SchemaChange.CreateView;
import dev.migralint.core.change.SchemaChange.DropSchema;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.DropView;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.schema.ReplayNote.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Enum types, views, schemas and the search_path: the objects around the tables. */
final class NamespaceReplay {
    private final ReplayState s;

    NamespaceReplay(ReplayState s) {
        this.s = s;
    }

    // ---- enum types ---------------------------------------------------------------------------------

    void createEnum(CreateEnum e) {
        ObjectName key = s.schema.keyForNew(e.name(), false);
        if (s.schema.enumType(key).isPresent() || s.schema.relationNameTaken(key)) {
            throw s.refuse(Kind.ALREADY_EXISTS, key.qualified(), "type " + key.displayQualified() + " already exists");
        }
        s.schema = s.schema.withEnum(new EnumType(key, e.labels(), s.here()));
    }

    private EnumType enumType(ObjectName name) {
        return s.schema.enumType(name).orElseThrow(() -> s.refuse(Kind.UNKNOWN_TYPE, name.qualified(),
                "type " + name.displayQualified() + " does not exist"));
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
                throw s.refuse(Kind.UNKNOWN_TYPE, name.qualified(), "type " + name.displayQualified() + " does not exist");
            }
            List<String> dependents = new ArrayList<>();
            for (Table t : s.schema.allRelations()) {
                for (Column c : t.columns()) {
                    if (type.name().equals(enumOf(c.type()))) {
                        dependents.add("column " + c.name() + " of table " + t.name().displayQualified());
                    }
                }
            }
            if (!d.cascade() && !dependents.isEmpty()) {
                throw s.refuse(Kind.HAS_DEPENDENTS, type.name().qualified(), "cannot drop type " + type.name().displayQualified()
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
            throw s.refuse(Kind.ALREADY_EXISTS, key.qualified(), "relation " + key.displayQualified() + " already exists");
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
