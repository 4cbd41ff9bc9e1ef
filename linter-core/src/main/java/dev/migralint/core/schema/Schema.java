package dev.migralint.core.schema;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable database schema as replay builds it: tables (with their columns, constraints and
 * indexes), materialized views, views and enum types, plus the session state that changes how names
 * resolve (PostgreSQL's search_path) and the open transaction's snapshots. Every change gives a new
 * Schema that shares what did not change with the old one, so keeping one per statement is cheap.
 *
 * <p>Names: PostgreSQL objects are keyed by schema and name, and an unqualified name is looked up in
 * temporary tables first, then along the search_path (default {@code public}); index names are unique
 * per schema. MySQL objects are keyed by name alone (a database qualifier is ignored: a migration chain
 * works on one database) and index names are per table. Names are compared as {@link ObjectName}
 * normalizes them.
 */
public final class Schema {
    /** Schema (none first), then name: written out, since every look-up of a relation runs it. */
    static final Comparator<ObjectName> NAME_ORDER = (a, b) -> {
        String sa = a.schema();
        String sb = b.schema();
        if (sa != sb) {
            if (sa == null) {
                return -1;
            }
            if (sb == null) {
                return 1;
            }
            int c = sa.compareTo(sb);
            if (c != 0) {
                return c;
            }
        }
        return a.name().compareTo(b.name());
    };

    /** PostgreSQL's schema for temporary tables, searched before the search_path. */
    static final String TEMP_SCHEMA = "pg_temp";

    private final Dialect dialect;
    private final PersistentMap<ObjectName, Table> tables;
    private final PersistentMap<ObjectName, View> views;
    private final PersistentMap<ObjectName, EnumType> enums;
    /** PostgreSQL: index (schema, name) to its table's key. */
    private final PersistentMap<ObjectName, ObjectName> indexTables;
    /**
     * (schema, constraint name) to how many tables of that schema have a constraint of that name, so
     * that choosing a constraint name does not scan every table (which made replay quadratic).
     */
    private final PersistentMap<ObjectName, Integer> constraintNames;
    private final Set<String> schemas;
    private final List<String> searchPath;
    /** Schemas to return to on ROLLBACK (first: BEGIN) and ROLLBACK TO (the later ones: savepoints). */
    private final List<Schema> snapshots;
    /**
     * Relation keys that existed at some point of the replay, or that DROP ... IF EXISTS made sure are
     * gone: true while their history is in view, false once a change to them was refused for naming a
     * table the chain never showed (which the real database may have).
     */
    private final PersistentMap<ObjectName, Boolean> seen;

    private Schema(Dialect dialect, PersistentMap<ObjectName, Table> tables, PersistentMap<ObjectName, View> views,
                   PersistentMap<ObjectName, EnumType> enums, PersistentMap<ObjectName, ObjectName> indexTables,
                   PersistentMap<ObjectName, Integer> constraintNames,
                   Set<String> schemas, List<String> searchPath, List<Schema> snapshots,
                   PersistentMap<ObjectName, Boolean> seen) {
        this.dialect = dialect;
        this.tables = tables;
        this.views = views;
        this.enums = enums;
        this.indexTables = indexTables;
        this.constraintNames = constraintNames;
        this.schemas = schemas;
        this.searchPath = searchPath;
        this.snapshots = snapshots;
        this.seen = seen;
    }

    /** A database with nothing in it: PostgreSQL's has the schema {@code public} on the search_path. */
    public static Schema empty(Dialect dialect) {
        boolean pg = dialect != Dialect.MYSQL;
        return new Schema(dialect, PersistentMap.empty(NAME_ORDER), PersistentMap.empty(NAME_ORDER),
                PersistentMap.empty(NAME_ORDER), PersistentMap.empty(NAME_ORDER), PersistentMap.empty(NAME_ORDER),
                pg ? Set.of("public") : Set.of(), pg ? List.of("public") : List.of(), List.of(),
                PersistentMap.empty(NAME_ORDER));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Tables (not materialized views), ordered by schema and name. */
    public List<Table> tables() {
        return tables.values().stream().filter(t -> t.kind() == Table.Kind.TABLE).toList();
    }

    public List<Table> materializedViews() {
        return tables.values().stream().filter(t -> t.kind() == Table.Kind.MATERIALIZED_VIEW).toList();
    }

    /** Everything that can carry indexes: tables and materialized views, ordered by schema and name. */
    public List<Table> relationsWithIndexes() {
        return List.copyOf(tables.values());
    }

    public List<View> views() {
        return views.values();
    }

    public List<EnumType> enums() {
        return enums.values();
    }

    /** Every index, grouped by table in table order. */
    public List<Index> indexes() {
        List<Index> all = new ArrayList<>();
        tables.forEach((k, t) -> all.addAll(t.indexes()));
        return all;
    }

    /** The table (not materialized view) a name resolves to. */
    public Optional<Table> table(ObjectName name) {
        return relation(name).filter(t -> t.kind() == Table.Kind.TABLE);
    }

    /** The table or materialized view a name resolves to. */
    public Optional<Table> relation(ObjectName name) {
        ObjectName key = resolve(name, tables::containsKey);
        return Optional.ofNullable(key == null ? null : tables.get(key));
    }

    public Optional<View> view(ObjectName name) {
        ObjectName key = resolve(name, views::containsKey);
        return Optional.ofNullable(key == null ? null : views.get(key));
    }

    public Optional<EnumType> enumType(ObjectName name) {
        ObjectName key = resolve(name, enums::containsKey);
        return Optional.ofNullable(key == null ? null : enums.get(key));
    }

    /**
     * An index by name: PostgreSQL resolves it along the search_path; MySQL index names are per
     * table, so there the first table holding an index of that name answers (use
     * {@link #index(ObjectName, String)} when the table is known).
     */
    public Optional<Index> index(ObjectName name) {
        if (dialect == Dialect.MYSQL) {
            for (Table t : tables.values()) {
                Optional<Index> i = t.index(name.name());
                if (i.isPresent()) {
                    return i;
                }
            }
            return Optional.empty();
        }
        ObjectName key = resolve(name, indexTables::containsKey);
        if (key == null) {
            return Optional.empty();
        }
        return tables.get(indexTables.get(key)).index(key.name());
    }

    public Optional<Index> index(ObjectName table, String name) {
        return relation(table).flatMap(t -> t.index(name));
    }

    /** The foreign keys of other tables (and the table itself) that reference {@code table}, with their tables. */
    public List<Map.Entry<Table, TableConstraint.ForeignKey>> foreignKeysReferencing(ObjectName table) {
        ObjectName key = relation(table).map(Table::name).orElse(null);
        List<Map.Entry<Table, TableConstraint.ForeignKey>> refs = new ArrayList<>();
        if (key == null) {
            return refs;
        }
        tables.forEach((k, t) -> {
            for (TableConstraint.ForeignKey fk : t.foreignKeys()) {
                if (fk.refTable().equals(key)) {
                    refs.add(Map.entry(t, fk));
                }
            }
        });
        return refs;
    }

    /**
     * True when a table, materialized view or (PostgreSQL) index that {@code name} resolves to has existed
     * at some point of the replay so far, or a DROP ... IF EXISTS made sure it is gone, and no change to
     * it was refused for naming a table the chain never showed: the object's history is in view, so
     * what replay says it lacks, it lacks.
     */
    public boolean historyInView(ObjectName name) {
        ObjectName key = resolve(name, seen::containsKey);
        return key != null && seen.get(key);
    }

    /**
     * True when replay knows every column of {@code table} and its whole history is in view, so a column
     * it lacks is really missing: what query validation and the INSERT checks trust. A partition's
     * columns come from its parent, so it is not.
     */
    public boolean columnsCertain(Table table) {
        return table.columnsKnown() && table.partitionOf() == null && historyInView(table.name());
    }

    /** PostgreSQL's search_path as set (without {@code "$user"}); empty for MySQL. */
    public List<String> searchPath() {
        return searchPath;
    }

    /** The PostgreSQL schemas that exist ({@code public} and those created). */
    public Set<String> schemaNames() {
        return schemas;
    }

    public boolean inTransaction() {
        return !snapshots.isEmpty();
    }

    // ---- resolution -------------------------------------------------------------------------------

    /** The key {@code name} resolves to among keys {@code exists} accepts, or null. */
    ObjectName resolve(ObjectName name, java.util.function.Predicate<ObjectName> exists) {
        if (name == null) {
            return null;
        }
        if (dialect == Dialect.MYSQL) {
            ObjectName key = ObjectName.of(name.name());
            return exists.test(key) ? key : null;
        }
        if (name.schema() != null) {
            ObjectName key = new ObjectName(name.schema(), GeneratedNames.truncate(name.name()));
            return exists.test(key) ? key : null;
        }
        for (String s : lookupPath()) {
            ObjectName key = new ObjectName(s, GeneratedNames.truncate(name.name()));
            if (exists.test(key)) {
                return key;
            }
        }
        return null;
    }

    /** Temporary tables shadow everything else; then the search_path. */
    private List<String> lookupPath() {
        List<String> path = new ArrayList<>(searchPath.size() + 1);
        path.add(TEMP_SCHEMA);
        path.addAll(searchPath);
        return path;
    }

    /**
     * The key a new object named {@code name} gets: PostgreSQL puts an unqualified name in the first
     * search_path schema that exists (temporary tables in pg_temp); MySQL drops any qualifier.
     */
    ObjectName keyForNew(ObjectName name, boolean temporary) {
        if (dialect == Dialect.MYSQL) {
            return name.inSchema(null);
        }
        String truncated = GeneratedNames.truncate(name.name());
        if (temporary) {
            return new ObjectName(TEMP_SCHEMA, truncated);
        }
        return new ObjectName(name.schema() != null ? name.schema() : creationSchema(), truncated);
    }

    /** The first existing schema on the search_path; the first named one when none exists (as written). */
    String creationSchema() {
        for (String s : searchPath) {
            if (schemas.contains(s)) {
                return s;
            }
        }
        return searchPath.isEmpty() ? "public" : searchPath.get(0);
    }

    /** True when a table, view, materialized view or (PostgreSQL) index already uses the relation name. */
    boolean relationNameTaken(ObjectName key) {
        return tables.containsKey(key) || views.containsKey(key)
                || (dialect != Dialect.MYSQL && indexTables.containsKey(key));
    }

    /** True when some constraint in the key's schema is named {@code name} (PostgreSQL's constraint namespace). */
    boolean constraintNameTaken(String schema, String name) {
        return constraintNameCount(schema, name) > 0;
    }

    /** How many tables of {@code schema} have a constraint named {@code name}. */
    int constraintNameCount(String schema, String name) {
        Integer n = constraintNames.get(new ObjectName(schema, name));
        return n == null ? 0 : n;
    }

    Table tableByKey(ObjectName key) {
        return tables.get(key);
    }

    List<Table> allRelations() {
        return tables.values();
    }

    // ---- changes (package-private: the replayer makes them) ----------------------------------------

    /** This schema with {@code table} stored under its name, replacing the table stored under {@code oldKey}. */
    Schema withTable(ObjectName oldKey, Table table) {
        PersistentMap<ObjectName, Table> t = tables;
        PersistentMap<ObjectName, ObjectName> idx = indexTables;
        Table old = oldKey == null ? null : tables.get(oldKey);
        if (old != null) {
            t = t.remove(oldKey);
        }
        t = t.put(table.name(), table);
        // A table made anew (no old key) is in view again, even if an earlier attempt at it was not.
        PersistentMap<ObjectName, Boolean> seenNow = seen.containsKey(table.name()) && oldKey != null ? seen
                : seen.put(table.name(), true);
        if (dialect != Dialect.MYSQL) {
            // Only the index names that changed: re-entering all of a table's indexes on every change
            // made a table's n CREATE INDEX statements cost n^2. An unchanged name was seen when it came.
            boolean sameKey = old != null && old.name().equals(table.name());
            Set<ObjectName> before = old == null ? Set.of() : indexKeys(old);
            Set<ObjectName> after = indexKeys(table);
            for (ObjectName k : before) {
                if (!sameKey || !after.contains(k)) {
                    idx = idx.remove(k);
                }
            }
            for (ObjectName k : after) {
                if (!sameKey || !before.contains(k)) {
                    idx = idx.put(k, table.name());
                    seenNow = seenNow.containsKey(k) ? seenNow : seenNow.put(k, true);
                }
            }
        }
        return new Schema(dialect, t, views, enums, idx, recount(constraintNames, old, table), schemas, searchPath,
                snapshots, seenNow);
    }

    private static Set<ObjectName> indexKeys(Table table) {
        Set<ObjectName> keys = new HashSet<>();
        for (Index i : table.indexes()) {
            keys.add(i.qualifiedName());
        }
        return keys;
    }

    private static Set<ObjectName> constraintKeys(Table table) {
        Set<ObjectName> keys = new HashSet<>();
        if (table != null) {
            for (TableConstraint c : table.constraints()) {
                keys.add(new ObjectName(table.name().schema(), c.name()));
            }
        }
        return keys;
    }

    /** The constraint name counts with {@code old}'s names (null: none) replaced by {@code now}'s. */
    private static PersistentMap<ObjectName, Integer> recount(PersistentMap<ObjectName, Integer> counts, Table old,
                                                              Table now) {
        Set<ObjectName> before = constraintKeys(old);
        Set<ObjectName> after = constraintKeys(now);
        PersistentMap<ObjectName, Integer> c = counts;
        for (ObjectName k : before) {
            if (!after.contains(k)) {
                Integer n = c.get(k);
                c = n == null || n <= 1 ? c.remove(k) : c.put(k, n - 1);
            }
        }
        for (ObjectName k : after) {
            if (!before.contains(k)) {
                Integer n = c.get(k);
                c = c.put(k, n == null ? 1 : n + 1);
            }
        }
        return c;
    }

    /** This schema remembering that a relation named {@code key} is known to be gone (DROP ... IF EXISTS). */
    Schema withSeen(ObjectName key) {
        return seen.containsKey(key) ? this
                : new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, searchPath, snapshots, seen.put(key, true));
    }

    /** This schema remembering that what replay knows of {@code key} may differ from the real database. */
    Schema withHistoryOutOfView(ObjectName key) {
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, searchPath, snapshots,
                seen.put(key, false));
    }

    Schema withoutTable(ObjectName key) {
        Table old = tables.get(key);
        if (old == null) {
            return this;
        }
        PersistentMap<ObjectName, ObjectName> idx = indexTables;
        for (Index i : old.indexes()) {
            idx = idx.remove(i.qualifiedName());
        }
        return new Schema(dialect, tables.remove(key), views, enums, idx, recount(constraintNames, old, null), schemas,
                searchPath, snapshots, seen);
    }

    Schema withView(ObjectName oldKey, View view) {
        PersistentMap<ObjectName, View> v = oldKey == null ? views : views.remove(oldKey);
        return new Schema(dialect, tables, v.put(view.name(), view), enums, indexTables, constraintNames, schemas, searchPath, snapshots,
                seen);
    }

    Schema withoutView(ObjectName key) {
        return new Schema(dialect, tables, views.remove(key), enums, indexTables, constraintNames, schemas, searchPath, snapshots, seen);
    }

    Schema withEnum(EnumType type) {
        return new Schema(dialect, tables, views, enums.put(type.name(), type), indexTables, constraintNames, schemas, searchPath,
                snapshots, seen);
    }

    Schema withoutEnum(ObjectName key) {
        return new Schema(dialect, tables, views, enums.remove(key), indexTables, constraintNames, schemas, searchPath, snapshots, seen);
    }

    Schema withSchema(String name) {
        Set<String> s = new LinkedHashSet<>(schemas);
        s.add(name);
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, Set.copyOf(s), searchPath, snapshots, seen);
    }

    Schema withoutSchema(String name) {
        Set<String> s = new LinkedHashSet<>(schemas);
        s.remove(name);
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, Set.copyOf(s), searchPath, snapshots, seen);
    }

    Schema withSearchPath(List<String> path) {
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, List.copyOf(path), snapshots, seen);
    }

    /** BEGIN or SAVEPOINT: remember this schema to return to. */
    Schema pushSnapshot() {
        List<Schema> s = new ArrayList<>(snapshots);
        s.add(this);
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, searchPath, List.copyOf(s), seen);
    }

    /** COMMIT: nothing to return to any more. */
    Schema clearSnapshots() {
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, searchPath, List.of(), seen);
    }

    /** ROLLBACK: the schema as it was at BEGIN (session settings included, as PostgreSQL undoes SET too). */
    Schema rollback() {
        if (snapshots.isEmpty()) {
            return this;
        }
        Schema at = snapshots.get(0);
        // What was created and rolled back was still in view: keep it seen.
        return new Schema(dialect, at.tables, at.views, at.enums, at.indexTables, at.constraintNames, at.schemas, at.searchPath, List.of(),
                seen);
    }

    /** ROLLBACK TO SAVEPOINT: the schema at the last savepoint, which stays. */
    Schema rollbackToSavepoint() {
        if (snapshots.size() < 2) {
            return rollback().pushSnapshot();
        }
        Schema at = snapshots.get(snapshots.size() - 1);
        return new Schema(dialect, at.tables, at.views, at.enums, at.indexTables, at.constraintNames, at.schemas, at.searchPath, snapshots,
                seen);
    }

    /** RELEASE SAVEPOINT: forget the last savepoint. */
    Schema releaseSavepoint() {
        if (snapshots.size() < 2) {
            return this;
        }
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas, searchPath,
                List.copyOf(snapshots.subList(0, snapshots.size() - 1)), seen);
    }

    /** A new session on the same database: default search_path, no open transaction. */
    public Schema newSession() {
        return new Schema(dialect, tables, views, enums, indexTables, constraintNames, schemas,
                dialect == Dialect.MYSQL ? List.of() : List.of("public"), List.of(), seen);
    }
}
