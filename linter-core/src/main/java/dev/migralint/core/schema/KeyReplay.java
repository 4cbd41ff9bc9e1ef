package dev.migralint.core.schema;

import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ExclusionConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.TableConstraint.PrimaryKey;
import dev.migralint.core.schema.TableConstraint.UniqueKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Constraints and indexes: creating them with the names the database would choose, and the indexes
 * the database makes for them (PostgreSQL: primary key, unique and exclusion constraints; MySQL:
 * PRIMARY, and an index for a foreign key no index serves).
 */
final class KeyReplay {
    private final ReplayState s;

    KeyReplay(ReplayState s) {
        this.s = s;
    }

    private static List<IndexColumn> keys(List<String> columns) {
        return columns.stream().map(c -> new IndexColumn(c, null, false)).toList();
    }

    /** PRIMARY KEY on {@code b}: the constraint, its index, and NOT NULL on its columns. */
    void primaryKey(Table.Builder b, Constraint.PrimaryKey pk) {
        if (b.primaryKey != null) {
            throw s.refuse(Kind.INVALID, b.name.qualified(),
                    "table " + b.name.displayQualified() + " already has a primary key (" + b.primaryKey.name() + ")");
        }
        Index index;
        if (pk.usingIndex() != null) {
            index = adopt(b, pk.name(), pk.usingIndex(), IndexKind.PRIMARY_KEY);
        } else {
            for (String c : pk.columns()) {
                s.column(b, c);
            }
            String name = s.mysql() ? "PRIMARY" : pk.name() != null ? fresh(b, s.id(pk.name()))
                    : GeneratedNames.choose(b.name.name(), null, "pkey", relationOrConstraint(b));
            index = new Index(name, b.name, keys(pk.columns()), true, "btree", null, pk.include(), IndexKind.PRIMARY_KEY,
                    s.at(pk.range()));
            b.indexes.add(index);
        }
        b.primaryKey = new PrimaryKey(index.name(), index.columnNames(), s.at(pk.range()));
        for (String c : index.columnNames()) {
            int i = b.columnIndex(c);
            if (i >= 0) {
                b.columns.set(i, b.columns.get(i).withNotNull(true));
            }
        }
    }

    /** A PostgreSQL UNIQUE constraint and its index ({@code <table>_<columns>_key}). */
    void unique(Table.Builder b, Constraint.Unique u) {
        Index index;
        if (u.usingIndex() != null) {
            index = adopt(b, u.name(), u.usingIndex(), IndexKind.UNIQUE_CONSTRAINT);
        } else {
            for (String c : u.columns()) {
                s.column(b, c);
            }
            String name = u.name() != null ? fresh(b, s.id(u.name()))
                    : GeneratedNames.choose(b.name.name(),
                            GeneratedNames.nameAddition(GeneratedNames.indexColumnNames(keys(u.columns()), u.include())),
                            "key", relationOrConstraint(b));
            index = new Index(name, b.name, keys(u.columns()), true, "btree", null, u.include(),
                    IndexKind.UNIQUE_CONSTRAINT, s.at(u.range()), null, u.nullsNotDistinct());
            b.indexes.add(index);
        }
        b.uniques.add(new UniqueKey(index.name(), index.columnNames(), s.at(u.range())));
    }

    /** A PostgreSQL EXCLUDE constraint and its index ({@code <table>_<columns>_excl}). */
    void exclusion(Table.Builder b, Constraint.Exclusion e) {
        String name = e.name() != null ? fresh(b, s.id(e.name()))
                : GeneratedNames.choose(b.name.name(),
                        GeneratedNames.nameAddition(GeneratedNames.indexColumnNames(e.keys(), List.of())), "excl",
                        relationOrConstraint(b));
        b.indexes.add(new Index(name, b.name, e.keys(), false, e.method(), e.where(), List.of(),
                IndexKind.EXCLUSION_CONSTRAINT, s.at(e.range())));
        b.exclusions.add(new ExclusionConstraint(name, s.at(e.range())));
    }

    /** ADD ... USING INDEX: the index becomes the constraint's, renamed to the constraint's name if one is given. */
    private Index adopt(Table.Builder b, String constraintName, ObjectName indexName, IndexKind kind) {
        Index index = b.index(s.id(indexName.name()));
        if (index == null) {
            throw s.refuse(Kind.UNKNOWN_INDEX, indexName.qualified(), "index " + indexName.displayQualified() + " does not exist"
                    + " on table " + b.name.displayQualified());
        }
        if (index.kind() != IndexKind.EXPLICIT) {
            throw s.refuse(Kind.INVALID, index.name(), "index " + index.name() + " already belongs to a constraint");
        }
        if (!index.unique() || index.predicate() != null || index.hasExpressions() || !index.method().equals("btree")) {
            throw s.refuse(Kind.INVALID, index.name(), "index " + index.name()
                    + " cannot back a constraint: it must be a unique btree index on plain columns without a predicate");
        }
        String name = constraintName == null || s.id(constraintName).equals(index.name()) ? index.name()
                : fresh(b, s.id(constraintName));
        Index adopted = (name.equals(index.name()) ? index : index.withName(name, null)).withKind(kind);
        b.replaceIndex(index.name(), adopted);
        return adopted;
    }

    /** A given name for a new index-backed constraint; refused when a relation or constraint has it. */
    private String fresh(Table.Builder b, String name) {
        if (s.relationTaken(b).test(name)) {
            throw s.refuse(Kind.ALREADY_EXISTS, name, "relation \"" + name + "\" already exists");
        }
        if (b.hasConstraint(name)) {
            throw s.refuse(Kind.ALREADY_EXISTS, name, "constraint \"" + name + "\" for relation \""
                    + b.name.name() + "\" already exists");
        }
        return name;
    }

    private java.util.function.Predicate<String> relationOrConstraint(Table.Builder b) {
        return s.relationTaken(b).or(s.constraintTaken(b));
    }

    /**
     * CHECK: PostgreSQL names an unnamed one {@code <table>_<column>_check} when it mentions exactly one
     * column, else {@code <table>_check}; MySQL {@code <table>_chk_<n>}.
     */
    void check(Table.Builder b, Constraint.Check c, boolean validated) {
        String name;
        if (c.name() != null) {
            name = s.id(c.name());
            if (b.hasConstraint(name)) {
                throw s.refuse(Kind.ALREADY_EXISTS, name, "constraint " + name + " for relation "
                        + b.name.qualified() + " already exists");
            }
        } else if (s.mysql()) {
            name = GeneratedNames.mysqlConstraintName(b.name.name(), "chk", s.constraintTaken(b));
        } else {
            Set<String> mentioned = new LinkedHashSet<>();
            for (String id : GeneratedNames.identifiers(c.expression())) {
                if (b.columnIndex(id) >= 0) {
                    mentioned.add(id);
                }
            }
            String column = mentioned.size() == 1 ? mentioned.iterator().next() : null;
            name = GeneratedNames.choose(b.name.name(), column, "check", s.constraintTaken(b));
        }
        b.checks.add(new CheckConstraint(name, c.expression(), validated, s.at(c.range())));
    }

    /**
     * FOREIGN KEY: resolves the referenced table and columns (its primary key when none are named) and
     * the unique index the key depends on; MySQL also gets an index for the key when none serves it.
     */
    void foreignKey(Table.Builder b, Constraint.ForeignKey fk, boolean validated) {
        for (String c : fk.columns()) {
            s.column(b, c);
        }
        ObjectName resolved = s.schema.relation(fk.refTable()).map(Table::name).orElse(null);
        // A table may reference itself, including while CREATE TABLE is still building it.
        Table target = b.name.equals(resolved) || (resolved == null && selfReference(b, fk.refTable())) ? b.build()
                : s.table(fk.refTable());
        List<String> refColumns = fk.refColumns();
        if (refColumns.isEmpty()) {
            if (target.primaryKey() == null) {
                throw s.refuse(Kind.INVALID, target.name().qualified(),
                        "there is no primary key for referenced table " + target.name().displayQualified());
            }
            refColumns = target.primaryKey().columns();
        }
        if (refColumns.size() != fk.columns().size()) {
            throw s.refuse(Kind.INVALID, fk.refTable().qualified(),
                    "number of referencing and referenced columns for foreign key disagree");
        }
        for (String c : refColumns) {
            if (target.columnsKnown() && target.column(c).isEmpty()) {
                throw s.refuse(Kind.UNKNOWN_COLUMN, target.name().name() + "." + c,
                        "column " + c + " referenced in foreign key constraint does not exist");
            }
        }
        String referenced = referencedIndex(target, refColumns);
        if (referenced == null && target.columnsKnown()) {
            throw s.refuse(Kind.INVALID, target.name().qualified(), s.mysql()
                    ? "missing index for constraint in the referenced table " + target.name().displayQualified()
                    : "there is no unique constraint matching given keys for referenced table " + target.name().displayQualified());
        }
        String name;
        if (fk.name() != null) {
            name = s.id(fk.name());
            if (s.constraintTaken(b).test(name) && (s.mysql() || b.hasConstraint(name))) {
                throw s.refuse(Kind.ALREADY_EXISTS, name, "constraint " + name + " already exists");
            }
        } else if (s.mysql()) {
            name = GeneratedNames.mysqlConstraintName(b.name.name(), "ibfk", s.constraintTaken(b));
        } else {
            name = GeneratedNames.choose(b.name.name(), GeneratedNames.nameAddition(fk.columns()), "fkey",
                    s.constraintTaken(b));
        }
        b.foreignKeys.add(new ForeignKey(name, fk.columns(), target.name(), refColumns,
                fk.onDelete() == null ? "NO ACTION" : fk.onDelete(), fk.onUpdate() == null ? "NO ACTION" : fk.onUpdate(),
                validated, referenced, s.at(fk.range())));
        if (s.mysql() && servingIndex(b.indexes, fk.columns(), null) == null) {
            String indexName = fk.name() != null && b.index(fk.name()) == null ? fk.name()
                    : fk.indexName() != null && b.index(fk.indexName()) == null ? fk.indexName()
                    : GeneratedNames.mysqlIndexName(keys(fk.columns()), n -> b.index(n) != null);
            b.indexes.add(new Index(indexName, b.name, keys(fk.columns()), false, "btree", null, List.of(),
                    IndexKind.FOREIGN_KEY_AUTO, s.at(fk.range()), spelledAfterColumn(b, indexName, keys(fk.columns()))));
        }
    }

    private boolean selfReference(Table.Builder b, ObjectName ref) {
        return ref.name().equals(b.name.name()) && (ref.schema() == null || s.mysql() || ref.schema().equals(b.name.schema()));
    }

    /**
     * The index a foreign key to {@code refColumns} depends on: PostgreSQL takes the first unique,
     * non-partial index on plain columns whose columns are exactly those (in any order); MySQL any index
     * whose leading columns they are.
     */
    String referencedIndex(Table target, List<String> refColumns) {
        if (s.mysql()) {
            Index i = servingIndex(target.indexes(), refColumns, null);
            return i == null ? null : i.name();
        }
        Set<String> wanted = new HashSet<>(refColumns);
        for (Index i : target.indexes()) {
            if (i.unique() && i.predicate() == null && !i.hasExpressions() && i.keys().size() == refColumns.size()
                    && new HashSet<>(i.columnNames()).equals(wanted)) {
                return i.name();
            }
        }
        return null;
    }

    /** An index (other than {@code except}) whose leading key columns are {@code columns} in order, or null. */
    static Index servingIndex(List<Index> indexes, List<String> columns, Index except) {
        for (Index i : indexes) {
            if (i != except && i.keys().size() >= columns.size()
                    && i.columnNames().subList(0, columns.size()).equals(columns)) {
                return i;
            }
        }
        return null;
    }

    /** CREATE INDEX, or a MySQL KEY/INDEX/UNIQUE: named as the database would, refused when the name is taken. */
    Index createIndex(Table.Builder b, CreateIndex ci) {
        for (IndexColumn k : ci.columns()) {
            if (k.column() != null) {
                s.column(b, k.column());
            }
        }
        for (String c : ci.include()) {
            s.column(b, c);
        }
        String name;
        String spelling = null;
        if (ci.name() != null) {
            name = s.id(ci.name().name());
            spelling = ci.name().spelling();
            if (s.relationTaken(b).test(name) || (s.mysql() && name.equalsIgnoreCase("primary"))) {
                if (ci.ifNotExists()) {
                    return null;
                }
                throw s.refuse(Kind.ALREADY_EXISTS, name, (s.mysql() ? "duplicate key name " : "relation ") + name
                        + (s.mysql() ? "" : " already exists"));
            }
        } else if (s.mysql()) {
            name = GeneratedNames.mysqlIndexName(ci.columns(), n -> b.index(n) != null);
            spelling = spelledAfterColumn(b, name, ci.columns());
        } else {
            name = GeneratedNames.choose(b.name.name(),
                    GeneratedNames.nameAddition(GeneratedNames.indexColumnNames(ci.columns(), ci.include())), "idx",
                    s.relationTaken(b));
        }
        Index index = new Index(name, b.name, ci.columns(), ci.unique(), ci.method() == null ? "btree" : ci.method(),
                ci.where(), ci.include(), IndexKind.EXPLICIT, s.at(ci.range()), spelling, ci.nullsNotDistinct());
        if (s.mysql()) {
            // InnoDB drops the index it made for a foreign key once another index can serve the key.
            for (ForeignKey fk : b.foreignKeys) {
                Index auto = servingIndex(b.indexes, fk.columns(), null);
                if (auto != null && auto.kind() == IndexKind.FOREIGN_KEY_AUTO
                        && servingIndex(List.of(index), fk.columns(), null) != null) {
                    b.indexes.remove(auto);
                }
            }
        }
        b.indexes.add(index);
        return index;
    }

    /**
     * The spelling of a MySQL index named after its first column ({@code AppId}, {@code AppId_2}): MySQL
     * takes the column's name as the column has it. Null when the name is not the column's.
     */
    private static String spelledAfterColumn(Table.Builder b, String name, List<IndexColumn> keys) {
        String first = keys.isEmpty() ? null : keys.get(0).column();
        int at = first == null || !name.startsWith(first) ? -1 : b.columnIndex(first);
        return at < 0 ? null : b.columns.get(at).displayName() + name.substring(first.length());
    }

    /** Keeps only the first of index constraints with equal definitions, as CREATE TABLE does (primary key first). */
    static List<Constraint> withoutRedundantKeys(List<Constraint> keys) {
        List<Constraint> ordered = new ArrayList<>();
        keys.stream().filter(c -> c instanceof Constraint.PrimaryKey).forEach(ordered::add);
        keys.stream().filter(c -> !(c instanceof Constraint.PrimaryKey)).forEach(ordered::add);
        List<Constraint> kept = new ArrayList<>();
        for (Constraint c : ordered) {
            boolean redundant = false;
            for (int i = 0; i < kept.size(); i++) {
                Constraint prior = kept.get(i);
                if (sameIndex(prior, c)) {
                    redundant = true;
                    if (prior.name() == null && c.name() != null) {
                        kept.set(i, renamed(prior, c.name()));
                    }
                    break;
                }
            }
            if (!redundant) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean sameIndex(Constraint a, Constraint b) {
        List<String> ac = indexColumns(a);
        List<String> bc = indexColumns(b);
        return ac != null && ac.equals(bc) && includes(a).equals(includes(b)) && a.usingIndex() == null
                && b.usingIndex() == null && nullsNotDistinct(a) == nullsNotDistinct(b);
    }

    private static List<String> indexColumns(Constraint c) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return pk.columns();
        }
        return c instanceof Constraint.Unique u ? u.columns() : null;
    }

    private static List<String> includes(Constraint c) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return pk.include();
        }
        return c instanceof Constraint.Unique u ? u.include() : List.of();
    }

    private static boolean nullsNotDistinct(Constraint c) {
        return c instanceof Constraint.Unique u && u.nullsNotDistinct();
    }

    private static Constraint renamed(Constraint c, String name) {
        if (c instanceof Constraint.PrimaryKey pk) {
            return new Constraint.PrimaryKey(name, pk.columns(), pk.include(), pk.usingIndex(), pk.range());
        }
        Constraint.Unique u = (Constraint.Unique) c;
        return new Constraint.Unique(name, u.columns(), u.include(), u.nullsNotDistinct(), u.usingIndex(), u.range());
    }

    /** Adds one index-backed or plain constraint to {@code b} (ALTER TABLE ADD, or CREATE TABLE's later steps). */
    void add(Table.Builder b, Constraint c, boolean validated) {
        if (c instanceof Constraint.PrimaryKey pk) {
            primaryKey(b, pk);
        } else if (c instanceof Constraint.Unique u) {
            if (s.mysql()) {
                createIndex(b, new CreateIndex(u.name() == null ? null : ObjectName.of(u.name()), b.name,
                        keys(u.columns()), true, false, false, "btree", null, List.of(), u.range()));
            } else {
                unique(b, u);
            }
        } else if (c instanceof Constraint.Exclusion e) {
            exclusion(b, e);
        } else if (c instanceof Constraint.Check ch) {
            check(b, ch, validated);
        } else if (c instanceof Constraint.ForeignKey fk) {
            foreignKey(b, fk, validated);
        }
    }
}
