package dev.migralint.core.schema;

import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.RenameColumn;
import dev.migralint.core.diag.Location;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.TableConstraint.PrimaryKey;
import dev.migralint.core.schema.TableConstraint.UniqueKey;
import java.util.ArrayList;
import java.util.List;

/** Column changes: add, drop, rename, retype, nullability and defaults. */
final class ColumnReplay {
    private final ReplayState s;

    ColumnReplay(ReplayState s) {
        this.s = s;
    }

    void add(AddColumn a) {
        Table t = s.table(a.table());
        Table.Builder b = t.toBuilder();
        if (b.columnIndex(s.id(a.column().name())) >= 0) {
            if (a.ifNotExists()) {
                return;
            }
            throw s.refuse(Kind.ALREADY_EXISTS, t.name().name() + "." + a.column().name(),
                    "column " + a.column().name() + " of relation " + t.name().displayQualified() + " already exists");
        }
        Column added = SchemaReplayer.column(s, t.name(), a.column());
        b.columns.add(added);
        SchemaReplayer.inlineConstraints(s, b, a.column(), a.constraints(), true);
        s.put(t.name(), b);
        for (Table child : children(t.name())) {
            Table.Builder cb = child.toBuilder();
            // a child that has the column already keeps it: PostgreSQL merges the two definitions
            if (cb.columnIndex(added.name()) < 0) {
                cb.columns.add(added);
                s.put(child.name(), cb);
            }
        }
    }

    /**
     * The partitions and inheritance children of {@code parent}, their own children included: ADD
     * COLUMN, RENAME COLUMN and ALTER COLUMN TYPE on a parent change them too (PostgreSQL refuses ONLY
     * for those when the parent has children), and so does DROP COLUMN without ONLY. A child of several
     * parents is reached from each ({@link Table#childOf}).
     */
    private List<Table> children(ObjectName parent) {
        List<Table> found = new ArrayList<>();
        List<ObjectName> parents = new ArrayList<>(List.of(parent));
        for (int i = 0; i < parents.size(); i++) {
            ObjectName p = parents.get(i);
            for (Table t : s.schema.allRelations()) {
                if (t.childOf(p) && !parents.contains(t.name())) {
                    found.add(t);
                    parents.add(t.name());
                }
            }
        }
        return found;
    }

    void drop(DropColumn d) {
        Table t = s.table(d.table());
        Table.Builder b = t.toBuilder();
        if (b.columnIndex(s.id(d.column())) < 0) {
            if (d.ifExists() || !t.columnsKnown()) {
                return;
            }
            s.column(b, d.column(), d.spelling());
        }
        String column = s.id(d.column());
        int at = b.columnIndex(column);
        Location definedAt = at >= 0 ? b.columns.get(at).definedAt() : null;
        new DropReplay(s).dropColumn(b, column, d.cascade());
        s.put(t.name(), b);
        if (d.only() || definedAt == null) {
            return;
        }
        for (Table child : children(t.name())) {
            // Only a column the child inherited goes (its definition is the parent's); one the child
            // defined itself stays, as PostgreSQL keeps a column that is local to the child.
            Table.Builder cb = s.schema.table(child.name()).orElse(child).toBuilder();
            int childAt = cb.columnIndex(column);
            if (childAt >= 0 && definedAt.equals(cb.columns.get(childAt).definedAt())) {
                new DropReplay(s).dropColumn(cb, column, d.cascade());
                s.put(child.name(), cb);
            }
        }
    }

    /**
     * RENAME COLUMN: indexes, constraints and other tables' foreign keys follow the column (PostgreSQL
     * keeps them by column number; the names in their text change). Index and constraint names stay.
     */
    void rename(RenameColumn r) {
        Table t = s.table(r.table());
        Table.Builder b = t.toBuilder();
        int at = s.column(b, r.column());
        if (at < 0) {
            return;
        }
        if (b.columnIndex(s.id(r.newName())) >= 0) {
            throw s.refuse(Kind.ALREADY_EXISTS, t.name().name() + "." + r.newName(),
                    "column " + r.newName() + " of relation " + t.name().displayQualified() + " already exists");
        }
        String from = b.columns.get(at).name();
        String to = s.id(r.newName());
        List<Table> children = children(t.name());
        renameIn(t, b, at, from, to, r.newSpelling());
        for (Table child : children) {
            Table.Builder cb = s.schema.table(child.name()).orElse(child).toBuilder();
            int childAt = cb.columnIndex(from);
            if (childAt >= 0 && cb.columnIndex(to) < 0) {
                renameIn(child, cb, childAt, from, to, r.newSpelling());
            }
        }
    }

    private void renameIn(Table t, Table.Builder b, int at, String from, String to, String spelling) {
        b.columns.set(at, b.columns.get(at).withName(to, spelling));
        b.indexes.replaceAll(i -> i.withKeys(i.keys().stream().map(k -> renameKey(k, from, to)).toList(),
                rename(i.include(), from, to), GeneratedNames.renameIdentifier(i.predicate(), from, to)));
        if (b.primaryKey != null) {
            b.primaryKey = new PrimaryKey(b.primaryKey.name(), rename(b.primaryKey.columns(), from, to),
                    b.primaryKey.definedAt());
        }
        b.uniques.replaceAll(u -> new UniqueKey(u.name(), rename(u.columns(), from, to), u.definedAt()));
        b.checks.replaceAll(c -> new CheckConstraint(c.name(), GeneratedNames.renameIdentifier(c.expression(), from, to),
                c.validated(), c.definedAt()));
        b.foreignKeys.replaceAll(fk -> renameInForeignKey(fk, b.name, from, to, true));
        s.put(t.name(), b);
        for (Table other : s.schema.allRelations()) {
            if (!other.name().equals(t.name()) && other.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(t.name()))) {
                Table.Builder ob = other.toBuilder();
                ob.foreignKeys.replaceAll(fk -> renameInForeignKey(fk, t.name(), from, to, false));
                s.put(other.name(), ob);
            }
        }
    }

    private static IndexColumn renameKey(IndexColumn k, String from, String to) {
        if (from.equals(k.column())) {
            return new IndexColumn(to, null, k.descending(), k.opclass());
        }
        if (k.expression() != null) {
            return new IndexColumn(null, GeneratedNames.renameIdentifier(k.expression(), from, to), k.descending(),
                    k.opclass());
        }
        return k;
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    private static ForeignKey renameInForeignKey(ForeignKey fk, ObjectName table, String from, String to, boolean own) {
        List<String> columns = own ? rename(fk.columns(), from, to) : fk.columns();
        List<String> refColumns = fk.refTable().equals(table) ? rename(fk.refColumns(), from, to) : fk.refColumns();
        return new ForeignKey(fk.name(), columns, fk.refTable(), refColumns, fk.onDelete(), fk.onUpdate(), fk.validated(),
                fk.referencedIndex(), fk.definedAt());
    }

    /**
     * ALTER COLUMN TYPE keeps everything but the type; MySQL's MODIFY/CHANGE replace the definition
     * (nullability, default, AUTO_INCREMENT), though primary key columns stay NOT NULL.
     */
    void alterType(AlterColumnType a) {
        Table t = s.table(a.table());
        Table.Builder b = t.toBuilder();
        int at = s.column(b, a.column());
        if (at < 0) {
            return;
        }
        Column old = b.columns.get(at);
        ColumnDef def = a.redefinition();
        Column replaced;
        if (def != null) {
            Column fresh = SchemaReplayer.column(s, t.name(), def);
            boolean keyColumn = b.primaryKey != null && b.primaryKey.columns().contains(old.name());
            replaced = new Column(old.name(), fresh.type(), fresh.notNull() || keyColumn, fresh.defaultExpression(),
                    fresh.identity(), fresh.generated(), old.definedAt(), fresh.comment(), fresh.spelling());
        } else {
            replaced = old.withType(a.type());
        }
        b.columns.set(at, replaced);
        s.put(t.name(), b);
        if (def == null) {
            for (Table child : children(t.name())) {
                Table.Builder cb = child.toBuilder();
                int childAt = cb.columnIndex(old.name());
                if (childAt >= 0) {
                    cb.columns.set(childAt, cb.columns.get(childAt).withType(a.type()));
                    s.put(child.name(), cb);
                }
            }
        }
    }

    void setNotNull(ObjectName table, String column, boolean notNull) {
        Table t = s.table(table);
        Table.Builder b = t.toBuilder();
        int at = s.column(b, column);
        if (at < 0) {
            return;
        }
        Column c = b.columns.get(at);
        if (!notNull && !s.mysql()) {
            if (b.primaryKey != null && b.primaryKey.columns().contains(column)) {
                throw s.refuse(Kind.INVALID, t.name().name() + "." + column, "column " + column + " is in a primary key");
            }
            if (c.identity()) {
                throw s.refuse(Kind.INVALID, t.name().name() + "." + column, "column " + column
                        + " of relation " + t.name().displayQualified() + " is an identity column");
            }
        }
        b.columns.set(at, c.withNotNull(notNull));
        s.put(t.name(), b);
    }

    void setDefault(ObjectName table, String column, String expression) {
        Table t = s.table(table);
        Table.Builder b = t.toBuilder();
        int at = s.column(b, column);
        if (at < 0) {
            return;
        }
        b.columns.set(at, b.columns.get(at).withDefault(expression));
        s.put(t.name(), b);
    }

    /**
     * COMMENT ON COLUMN, added to the column's documentation (IS NULL removes the database's comment
     * but not what the source said). It also documents columns of views and other relations that replay
     * does not model, and changes nothing a migration depends on, so a name not in view is passed over,
     * not refused.
     */
    void setComment(ObjectName table, String column, String comment) {
        Table t = s.schema.relation(table).orElse(null);
        int at = t == null ? -1 : t.toBuilder().columnIndex(s.id(column));
        if (at < 0) {
            return;
        }
        Table.Builder b = t.toBuilder();
        b.columns.set(at, b.columns.get(at).withComment(comment));
        s.put(t.name(), b);
    }
}
