package dev.migralint.core.schema;

import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.SourceKind;
import dev.migralint.core.change.SchemaChange.TableSource;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE, in the order PostgreSQL does it: columns (those copied by LIKE, INHERITS or
 * PARTITION OF first), check constraints, then the primary key's index and the unique and exclusion
 * constraints' indexes (an index constraint equal to an earlier one is dropped as redundant), then
 * foreign keys. Columns of CREATE TABLE AS, OF type, or a LIKE/parent that replay does not know are
 * unknown: the table is marked so that unknown columns are not reported.
 *
 * <p>Partitions (PARTITION OF) get the parent's columns, NOT NULL flags and checks; the indexes and
 * foreign keys PostgreSQL clones from a partitioned parent are not modelled.
 */
final class TableCreation {
    private final ReplayState s;

    TableCreation(ReplayState s) {
        this.s = s;
    }

    void create(CreateTable c) {
        if (!s.mysql() && c.table().schema() != null && !s.schema.schemaNames().contains(c.table().schema())
                && !c.temporary()) {
            String schema = c.table().schema();
            if (schema.matches("[\\p{L}_][\\p{L}\\p{N}_$]*")) {
                s.note(Kind.UNKNOWN_SCHEMA, schema, "schema " + schema + " does not exist");
            }
            // Created anyway: templated schemas ({{ .Schema }}) are never created in view.
            s.schema = s.schema.withSchema(schema);
        }
        ObjectName key = s.schema.keyForNew(c.table(), c.temporary());
        if (s.schema.relationNameTaken(key)) {
            if (c.ifNotExists()) {
                return;
            }
            throw s.refuse(Kind.ALREADY_EXISTS, key.qualified(), "relation " + key.displayQualified() + " already exists");
        }
        Table.Builder b = new Table.Builder(key, Table.Kind.TABLE, c.temporary(), s.here());
        List<Constraint> copied = new ArrayList<>();
        List<Index> likeIndexes = new ArrayList<>();
        for (TableSource source : c.sources()) {
            copyFrom(b, source, copied, likeIndexes);
        }
        for (ColumnDef def : c.columns()) {
            Column column = SchemaReplayer.column(s, key, def);
            int existing = b.columnIndex(def.name());
            if (existing >= 0) {
                if (c.sources().stream().noneMatch(src -> src.kind() == SourceKind.INHERITS)) {
                    throw s.refuse(Kind.INVALID, def.name(), "column " + def.name() + " specified more than once");
                }
                // INHERITS merges a redefined column with the parent's
                Column parent = b.columns.get(existing);
                b.columns.set(existing, column.withNotNull(column.notNull() || parent.notNull()));
            } else {
                b.columns.add(column);
            }
        }
        KeyReplay keys = new KeyReplay(s);
        List<Constraint> all = new ArrayList<>(copied);
        all.addAll(c.constraints());
        for (ColumnDef def : c.columns()) {
            if (def.primaryKey() && all.stream().noneMatch(x -> x instanceof Constraint.PrimaryKey)) {
                all.add(new Constraint.PrimaryKey(null, List.of(def.name()), List.of(), null, def.range()));
            }
        }
        for (Constraint x : all) {
            if (x instanceof Constraint.Check check) {
                keys.check(b, check, true);
            }
        }
        List<Constraint> indexConstraints = all.stream()
                .filter(x -> x instanceof Constraint.PrimaryKey || x instanceof Constraint.Unique
                        || x instanceof Constraint.Exclusion).toList();
        for (Constraint x : s.mysql() ? indexConstraints : KeyReplay.withoutRedundantKeys(indexConstraints)) {
            keys.add(b, x, true);
        }
        for (Index like : likeIndexes) {
            keys.createIndex(b, new CreateIndex(s.mysql() ? ObjectName.of(like.name()) : null, key, like.keys(),
                    like.unique(), false, false, like.method(), like.predicate(), like.include(), c.range()));
        }
        s.put(null, b);
        for (Constraint x : all) {
            if (x instanceof Constraint.ForeignKey fk) {
                Table.Builder current = s.schema.tableByKey(key).toBuilder();
                keys.foreignKey(current, fk, true);
                s.put(key, current);
            }
        }
    }

    /**
     * Columns (and what LIKE's INCLUDING options ask for) from a source table; a source replay does not
     * know, a query or a composite type leave the table's columns unknown.
     */
    private void copyFrom(Table.Builder b, TableSource source, List<Constraint> constraints, List<Index> indexes) {
        Table from = source.table() == null ? null : s.schema.relation(source.table()).orElse(null);
        // An inheritance child is judged with its parent too, the way dumps (sakila) use it for partitions.
        ObjectName parent = from == null ? source.table() : from.name();
        if (source.kind() == SourceKind.PARTITION_OF || (source.kind() == SourceKind.INHERITS && b.partitionOf == null)) {
            b.partitionOf = parent;
        } else if (source.kind() == SourceKind.INHERITS) {
            b.moreParents.add(parent);
        }
        if (from == null || source.kind() == SourceKind.OF_TYPE) {
            b.columnsKnown = false;
            if (source.table() != null && source.kind() != SourceKind.OF_TYPE) {
                s.note(Kind.UNKNOWN_TABLE, source.table().qualified(), "table " + source.table().displayQualified()
                        + " does not exist");
            }
            return;
        }
        if (!from.columnsKnown()) {
            b.columnsKnown = false;
        }
        Set<String> including = source.including();
        boolean all = including.contains("all");
        boolean like = source.kind() == SourceKind.LIKE;
        for (Column col : from.columns()) {
            if (b.columnIndex(col.name()) >= 0) {
                continue;
            }
            boolean keepDefault = !like || all || including.contains("defaults") || s.mysql();
            boolean keepIdentity = !like || all || including.contains("identity") || s.mysql();
            b.columns.add(new Column(col.name(), col.type(), col.notNull(), keepDefault ? col.defaultExpression() : null,
                    keepIdentity && col.identity(), col.generated(), col.definedAt(), col.comment(), col.spelling()));
        }
        boolean checks = !like || all || including.contains("constraints") || s.mysql();
        if (checks) {
            for (CheckConstraint check : from.checks()) {
                b.checks.add(check);
            }
        }
        if (like && (all || including.contains("indexes") || s.mysql())) {
            for (Index i : from.indexes()) {
                if (i.kind() == IndexKind.PRIMARY_KEY) {
                    constraints.add(new Constraint.PrimaryKey(null, i.columnNames(), i.include(), null,
                            s.range));
                } else if (i.kind() == IndexKind.UNIQUE_CONSTRAINT) {
                    constraints.add(new Constraint.Unique(null, i.columnNames(), i.include(), false, null, s.range));
                } else if (i.kind() != IndexKind.EXCLUSION_CONSTRAINT) {
                    indexes.add(i);
                }
            }
        }
    }
}
