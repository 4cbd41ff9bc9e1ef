package dev.migralint.core.schema;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The working state while one change is replayed: the schema so far, the notes, where the change
 * stands. A change the database would refuse ends with {@link #refuse}, which the replayer catches to
 * keep the schema as it was before the change.
 */
final class ReplayState {
    final Dialect dialect;
    final ReplayContext context;
    final TextRange range;
    Schema schema;
    final List<ReplayNote> notes = new ArrayList<>();

    ReplayState(Schema schema, ReplayContext context, TextRange range) {
        this.schema = schema;
        this.dialect = schema.dialect();
        this.context = context;
        this.range = range;
    }

    boolean mysql() {
        return dialect == Dialect.MYSQL;
    }

    /** An identifier as the database keeps it: PostgreSQL truncates to 63 bytes. */
    String id(String name) {
        return mysql() ? name : GeneratedNames.truncate(name);
    }

    Location here() {
        return context.at(range);
    }

    Location at(TextRange r) {
        return context.at(r == null ? range : r);
    }

    void note(ReplayNote.Kind kind, String subject, String message) {
        notes.add(new ReplayNote(kind, subject, message, here()));
    }

    /** Records the note and abandons the change: the database would have refused the statement. */
    RuntimeException refuse(ReplayNote.Kind kind, String subject, String message) {
        note(kind, subject, message);
        return new Refused();
    }

    /** Thrown to abandon a change after {@link #refuse} noted why. */
    static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** The table or materialized view a name resolves to; refuses the change when there is none. */
    Table relation(ObjectName name) {
        return schema.relation(name).orElseThrow(() ->
                refuse(ReplayNote.Kind.UNKNOWN_TABLE, name.qualified(), "table " + name.displayQualified() + " does not exist"));
    }

    /** A table (not a materialized view); refuses the change when there is none. */
    Table table(ObjectName name) {
        Table t = relation(name);
        if (t.kind() != Table.Kind.TABLE) {
            throw refuse(ReplayNote.Kind.INVALID, name.qualified(), name.displayQualified() + " is not a table");
        }
        return t;
    }

    void put(ObjectName oldKey, Table.Builder table) {
        schema = schema.withTable(oldKey, table.build());
    }

    /** Whether a relation name (index, table, view) is taken in the table's schema, counting the builder's indexes. */
    Predicate<String> relationTaken(Table.Builder b) {
        return n -> {
            if (b.index(n) != null) {
                return true;
            }
            if (mysql()) {
                return false; // MySQL index names are per table
            }
            ObjectName key = new ObjectName(b.name.schema(), n);
            return key.equals(b.name) || schema.relationNameTaken(key);
        };
    }

    /** Whether a constraint name is taken: per schema in PostgreSQL (as it checks), per table in MySQL. */
    Predicate<String> constraintTaken(Table.Builder b) {
        return n -> b.hasConstraint(n) || (!mysql() && schema.constraintNameTaken(b.name.schema(), n))
                || (mysql() && schema.constraintNameCount(b.name.schema(), n) > (storedHas(b.name, n) ? 1 : 0));
    }

    /** Whether the table stored under {@code key} (the one being changed, as it was) has constraint {@code name}. */
    private boolean storedHas(ObjectName key, String name) {
        Table stored = schema.tableByKey(key);
        return stored != null && stored.constraint(name).isPresent();
    }

    /** The column, or a refusal naming it (unless the table's columns are not all known, then null). */
    int column(Table.Builder b, String column) {
        return column(b, column, null);
    }

    /** {@link #column(Table.Builder, String)}, the refusal naming the column as {@code written} when known (MySQL). */
    int column(Table.Builder b, String column, String written) {
        int i = b.columnIndex(id(column));
        if (i < 0 && b.columnsKnown) {
            throw refuse(ReplayNote.Kind.UNKNOWN_COLUMN, b.name.name() + "." + column,
                    "column " + (written != null ? written : column) + " of table " + b.name.displayQualified()
                            + " does not exist");
        }
        return i;
    }
}
