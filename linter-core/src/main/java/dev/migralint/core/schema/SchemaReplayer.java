package dev.migralint.core.schema;

import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.DropDefault;
import dev.migralint.core.change.SchemaChange.DropNotNull;
import dev.migralint.core.change.SchemaChange.DropTable;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.RenameColumn;
import dev.migralint.core.change.SchemaChange.SetDefault;
import dev.migralint.core.change.SchemaChange.SetNotNull;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.schema.ReplayNote.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies {@link SchemaChange}s to an immutable {@link Schema}, the way the database would: names
 * the database makes up are made up the same way, CASCADE takes dependents along, renames reach the
 * indexes and foreign keys that mention the renamed thing. A change the database would refuse (an
 * unknown table, a duplicate name, a drop with dependents and no CASCADE) leaves the schema as it was
 * and gives a {@link ReplayNote} instead of an exception, so a rule can report it.
 *
 * <p>Stateless and thread-safe; all state is in the schemas it returns. Tables, renames and column
 * changes are here; constraints and indexes are {@link KeyReplay}'s, drops {@link DropReplay}'s,
 * renames and constraint/index drops {@link ObjectReplay}'s, enum types, views, schemas and the
 * search_path {@link NamespaceReplay}'s.
 */
public final class SchemaReplayer {

    /** Applies one change. */
    public Replay apply(Schema before, SchemaChange change, ReplayContext context) {
        ReplayState s = new ReplayState(before, context, change.range());
        try {
            dispatch(s, change);
        } catch (ReplayState.Refused refused) {
            return new Replay(outOfViewIfRefusedFor(before, change), s.notes);
        } catch (RuntimeException e) {
            // A shape replay does not handle must not stop the lint run: the change is skipped, visibly.
            return new Replay(before, List.of(new ReplayNote(Kind.INVALID, change.getClass().getSimpleName(),
                    "change not replayed: " + e, s.here())));
        }
        return new Replay(s.schema, s.notes);
    }

    /** Applies changes in order, collecting every note. */
    public Replay applyAll(Schema before, List<SchemaChange> changes, ReplayContext context) {
        Schema schema = before;
        List<ReplayNote> notes = new ArrayList<>();
        for (SchemaChange c : changes) {
            Replay r = apply(schema, c, context);
            schema = r.schema();
            notes.addAll(r.notes());
        }
        return new Replay(schema, notes);
    }

    /**
     * The schema after dynamic SQL (a string run with EXECUTE, a procedure called) that may have
     * changed the tables and materialized views named by {@code words} (lower case) in ways replay
     * cannot see: their history is no longer in view, so what replay says they lack is not reported.
     */
    public Schema dynamicallyChanged(Schema schema, Set<String> words) {
        Schema result = schema;
        for (Table t : schema.relationsWithIndexes()) {
            if (words.contains(t.name().name().toLowerCase(Locale.ROOT))) {
                result = result.withHistoryOutOfView(t.name());
            }
        }
        return result;
    }

    /**
     * A CREATE TABLE, ADD COLUMN or ADD CONSTRAINT refused because a foreign key names a table the chain
     * never showed would succeed on a database that has that table: from then on replay's picture of
     * the changed table may be wrong, so its history is no longer in view. A refused CREATE TABLE of a
     * table that does not exist puts its name out of view whatever the reason, and so does one of a table
     * that exists.
     */
    private static Schema outOfViewIfRefusedFor(Schema before, SchemaChange change) {
        ObjectName table;
        List<Constraint> constraints;
        if (change instanceof CreateTable c) {
            table = before.keyForNew(c.table(), c.temporary());
            // A table that does not exist: the database stops at the refused CREATE TABLE (the
            // migration fails there), and what follows about it is not worth a finding of its own.
            // One that exists is defined anew: a second full schema replayed after the first (two
            // versions side by side in one plain folder), or a drop replay did not see; what follows
            // was written against the new definition, which replay does not have.
            if (before.relation(c.table()).isEmpty() || before.relationNameTaken(table)) {
                return before.withHistoryOutOfView(table);
            }
            constraints = c.constraints();
        } else if (change instanceof AddColumn a) {
            table = before.relation(a.table()).map(Table::name).orElse(null);
            constraints = a.constraints();
        } else if (change instanceof AddConstraint a) {
            table = before.relation(a.table()).map(Table::name).orElse(null);
            constraints = List.of(a.constraint());
        } else {
            return before;
        }
        for (Constraint c : constraints) {
            if (table != null && c instanceof Constraint.ForeignKey fk && before.relation(fk.refTable()).isEmpty()
                    && !fk.refTable().name().equals(table.name()) && !before.historyInView(fk.refTable())) {
                return before.withHistoryOutOfView(table);
            }
        }
        return before;
    }

    private void dispatch(ReplayState s, SchemaChange change) {
        change.accept(new Dispatch(s));
    }

    /** What each kind of change does to the schema; the compiler makes a new kind decide here. */
    private final class Dispatch implements SchemaChange.Visitor<Void> {
        private final ReplayState s;
        private final ObjectReplay objects;
        private final ColumnReplay columns;

        Dispatch(ReplayState s) {
            this.s = s;
            this.objects = new ObjectReplay(s);
            this.columns = new ColumnReplay(s);
        }

        @Override
        public Void visit(CreateTable c) {
            new TableCreation(s).create(c);
            return null;
        }

        @Override
        public Void visit(DropTable d) {
            dropTables(s, d);
            return null;
        }

        @Override
        public Void visit(SchemaChange.RenameTable r) {
            objects.renameTable(r);
            return null;
        }

        @Override
        public Void visit(AddColumn a) {
            columns.add(a);
            return null;
        }

        @Override
        public Void visit(DropColumn d) {
            columns.drop(d);
            return null;
        }

        @Override
        public Void visit(RenameColumn r) {
            columns.rename(r);
            return null;
        }

        @Override
        public Void visit(AlterColumnType a) {
            columns.alterType(a);
            return null;
        }

        @Override
        public Void visit(SetNotNull n) {
            columns.setNotNull(n.table(), n.column(), true);
            return null;
        }

        @Override
        public Void visit(DropNotNull n) {
            columns.setNotNull(n.table(), n.column(), false);
            return null;
        }

        @Override
        public Void visit(SetDefault d) {
            columns.setDefault(d.table(), d.column(), d.expression());
            return null;
        }

        @Override
        public Void visit(SchemaChange.CommentOnColumn c) {
            columns.setComment(c.table(), c.column(), c.comment());
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropDefault d) {
            columns.setDefault(d.table(), d.column(), null);
            return null;
        }

        @Override
        public Void visit(AddConstraint a) {
            Table t = s.table(a.table());
            Table.Builder b = t.toBuilder();
            new KeyReplay(s).add(b, a.constraint(), !a.constraint().notValid());
            s.put(t.name(), b);
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropConstraint d) {
            objects.dropConstraint(d);
            return null;
        }

        @Override
        public Void visit(SchemaChange.RenameConstraint r) {
            objects.renameConstraint(r);
            return null;
        }

        @Override
        public Void visit(SchemaChange.ValidateConstraint v) {
            objects.validate(v);
            return null;
        }

        @Override
        public Void visit(SchemaChange.SetRowLevelSecurity r) {
            Table.Builder b = s.table(r.table()).toBuilder();
            b.rowLevelSecurity = r.enabled();
            s.put(b.name, b);
            return null;
        }

        @Override
        public Void visit(SchemaChange.AttachPartition a) {
            Table parent = s.table(a.table());
            Table.Builder b = s.table(a.partition()).toBuilder();
            b.partitionOf = a.attached() ? parent.name() : null;
            if (a.attached()) {
                // PostgreSQL marks an attached partition's columns inherited, as if made PARTITION OF:
                // the parent's DROP COLUMN then reaches them (ColumnReplay.drop).
                b.columns.replaceAll(c -> parent.column(c.name()).map(pc -> c.inheritedFrom(pc)).orElse(c));
            }
            s.put(b.name, b);
            return null;
        }

        @Override
        public Void visit(CreateIndex ci) {
            Table t = s.relation(ci.table());
            Table.Builder b = t.toBuilder();
            if (new KeyReplay(s).createIndex(b, ci) != null) {
                s.put(t.name(), b);
            }
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropIndex d) {
            objects.dropIndex(d);
            return null;
        }

        @Override
        public Void visit(SchemaChange.RenameIndex r) {
            objects.renameIndex(r);
            return null;
        }

        @Override
        public Void visit(SchemaChange.CreateEnum e) {
            objects.namespaces().createEnum(e);
            return null;
        }

        @Override
        public Void visit(SchemaChange.AlterEnum a) {
            objects.namespaces().alterEnum(a);
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropType d) {
            objects.namespaces().dropType(d);
            return null;
        }

        @Override
        public Void visit(SchemaChange.CreateView v) {
            objects.namespaces().createView(v);
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropView d) {
            objects.namespaces().dropView(d);
            return null;
        }

        @Override
        public Void visit(SchemaChange.CreateSchema c) {
            objects.namespaces().createSchema(c);
            return null;
        }

        @Override
        public Void visit(SchemaChange.DropSchema d) {
            objects.namespaces().dropSchema(d);
            return null;
        }

        @Override
        public Void visit(Transaction t) {
            transaction(s, t);
            return null;
        }

        @Override
        public Void visit(SetSetting set) {
            new NamespaceReplay(s).setting(set);
            return null;
        }

        @Override
        public Void visit(DataChange d) {
            if (d.table() != null && s.schema.view(d.table()).isEmpty()) {
                s.relation(d.table());
            }
            return null;
        }

        @Override
        public Void visit(Truncate t) {
            t.tables().forEach(s::table);
            return null;
        }

        @Override
        public Void visit(LockTable l) {
            l.tables().forEach(s::relation);
            return null;
        }

        /** Domains are not modelled. */
        @Override
        public Void visit(SchemaChange.AddDomainConstraint d) {
            return null;
        }

        /** VACUUM FULL and CLUSTER rewrite a table's storage: nothing replay models changes. */
        @Override
        public Void visit(SchemaChange.RewriteTable r) {
            return null;
        }

        /** REINDEX rebuilds indexes in place: nothing replay models changes. */
        @Override
        public Void visit(SchemaChange.Reindex r) {
            return null;
        }

        /** Sequences are not modelled (a serial column's default names its sequence as text). */
        @Override
        public Void visit(SchemaChange.CreateSequence c) {
            return null;
        }

        /** Guarded DDL ("IF NOT EXISTS ... THEN"): what applies is applied, what is refused was likely skipped. */
        @Override
        public Void visit(SchemaChange.ProceduralDdl p) {
            for (SchemaChange inner : p.changes()) {
                s.schema = apply(s.schema, inner, s.context).schema();
            }
            return null;
        }

        /** A statement whose effect is not modelled. */
        @Override
        public Void visit(SchemaChange.Opaque o) {
            return null;
        }
    }

    private static void dropTables(ReplayState s, DropTable d) {
        Set<ObjectName> keys = new LinkedHashSet<>();
        for (ObjectName n : d.tables()) {
            Table t = s.schema.relation(n).orElse(null);
            if (t == null) {
                if (!d.ifExists()) {
                    throw s.refuse(Kind.UNKNOWN_TABLE, n.qualified(), "table " + n.displayQualified() + " does not exist");
                }
                s.schema = s.schema.withSeen(s.schema.keyForNew(n, false));
            } else if (t.kind() != Table.Kind.TABLE) {
                throw s.refuse(Kind.INVALID, n.qualified(), n.displayQualified() + " is not a table");
            } else {
                keys.add(t.name());
            }
        }
        if (!keys.isEmpty()) {
            new DropReplay(s).dropTables(keys, d.cascade());
        }
    }

    /**
     * PostgreSQL undoes DDL on ROLLBACK; MySQL commits implicitly before and after DDL, so there a
     * rollback undoes no schema change.
     */
    private static void transaction(ReplayState s, Transaction t) {
        if (s.mysql()) {
            return;
        }
        s.schema = switch (t.kind()) {
            case BEGIN -> s.schema.inTransaction() ? s.schema : s.schema.pushSnapshot();
            case COMMIT -> s.schema.clearSnapshots();
            case ROLLBACK -> s.schema.rollback();
            case SAVEPOINT -> s.schema.inTransaction() ? s.schema.pushSnapshot() : s.schema;
            case ROLLBACK_TO -> s.schema.inTransaction() ? s.schema.rollbackToSavepoint() : s.schema;
            case RELEASE -> s.schema.releaseSavepoint();
        };
    }

    /**
     * The column a definition gives: PostgreSQL's serial types become integers with a sequence default
     * (the sequence named {@code <table>_<column>_seq}) and NOT NULL; identity columns are NOT NULL.
     */
    static Column column(ReplayState s, ObjectName table, ColumnDef def) {
        DataType type = def.type();
        boolean notNull = def.notNull() || def.primaryKey() || (def.identity() && !s.mysql());
        String defaultExpression = def.defaultExpression();
        String serialBase = switch (type.name()) {
            case "serial" -> "integer";
            case "bigserial" -> "bigint";
            case "smallserial" -> "smallint";
            default -> null;
        };
        if (serialBase != null && !s.mysql() && !type.array()) {
            String sequence = GeneratedNames.makeObjectName(table.name(), def.name(), "seq");
            defaultExpression = "nextval('" + sequence + "'::regclass)";
            notNull = true;
            type = new DataType(serialBase, List.of(), false, type.text());
        } else if (serialBase != null && s.mysql()) {
            // MySQL's SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
            type = new DataType("bigint", List.of(), false, type.text());
            notNull = true;
        }
        if (!s.mysql() && !type.name().contains(".")) {
            // PostgreSQL keeps the type itself, not its name: an enum found on today's search_path stays that enum.
            ObjectName resolved = s.schema.enumType(ObjectName.of(type.name())).map(EnumType::name).orElse(null);
            if (resolved != null) {
                type = new DataType(resolved.qualified(), type.args(), type.array(), type.text());
            }
        }
        return new Column(s.id(def.name()), type, notNull, defaultExpression, def.identity() || (serialBase != null && s.mysql()),
                def.generatedExpression(), s.at(def.range()), def.comment(), def.spelling());
    }

    /** Adds a column's inline constraints (a MySQL SERIAL's unique key included) after the column itself. */
    static void inlineConstraints(ReplayState s, Table.Builder b, ColumnDef def, List<Constraint> constraints,
                                  boolean validated) {
        KeyReplay keys = new KeyReplay(s);
        for (Constraint c : constraints) {
            keys.add(b, c, validated);
        }
        if (def.primaryKey() && constraints.stream().noneMatch(c -> c instanceof Constraint.PrimaryKey)) {
            keys.add(b, new Constraint.PrimaryKey(null, List.of(def.name()), List.of(), null, def.range()), validated);
        }
    }
}
