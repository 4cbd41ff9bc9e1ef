package dev.migralint.core.analysis;

import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL table locks a change takes that block writes (SHARE and stronger): the locks that
 * make every later query on the table queue behind the statement while it waits for them. Weaker
 * locks (VALIDATE CONSTRAINT's SHARE UPDATE EXCLUSIVE, DML's ROW EXCLUSIVE, CONCURRENTLY builds) are
 * not listed. Shared by the rules and the engine fact about locks taken earlier in a migration.
 */
public final class TableLocks {
    private TableLocks() {
    }

    public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    public static final String SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE";
    public static final String SHARE = "SHARE";

    /** A lock on {@code table}; {@code table} is null when the schema does not say which table (DROP INDEX of an unknown index). */
    public record Lock(ObjectName table, String mode) {
    }

    private static final Set<String> BLOCKING_WRITES = Set.of(SHARE, SHARE_ROW_EXCLUSIVE, "EXCLUSIVE", ACCESS_EXCLUSIVE);

    /** The write-blocking locks {@code change} takes, read against the schema before it. */
    public static List<Lock> blockingWrites(SchemaChange change, Schema before) {
        List<Lock> locks = new ArrayList<>();
        if (change instanceof SchemaChange.AddColumn c) {
            locks.add(new Lock(c.table(), ACCESS_EXCLUSIVE));
            for (Constraint k : c.constraints()) {
                referenced(k, c.table(), locks);
            }
        } else if (change instanceof SchemaChange.AddConstraint c) {
            // A foreign key alone takes SHARE ROW EXCLUSIVE on both tables; other constraints ACCESS EXCLUSIVE.
            boolean fk = c.constraint() instanceof Constraint.ForeignKey;
            locks.add(new Lock(c.table(), fk ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE));
            referenced(c.constraint(), c.table(), locks);
        } else if (change instanceof SchemaChange.CreateTable c) {
            for (Constraint k : c.constraints()) {
                referenced(k, c.table(), locks);
            }
            for (SchemaChange.TableSource s : c.sources()) {
                if (s.kind() == SchemaChange.SourceKind.PARTITION_OF) {
                    locks.add(new Lock(s.table(), ACCESS_EXCLUSIVE));
                }
            }
        } else if (change instanceof SchemaChange.CreateIndex c) {
            if (!c.concurrently() && c.table() != null) {
                locks.add(new Lock(c.table(), SHARE));
            }
        } else if (change instanceof SchemaChange.DropIndex c) {
            if (!c.concurrently()) {
                for (ObjectName index : c.indexes()) {
                    locks.add(new Lock(c.table() != null ? c.table() : tableOf(index, before), ACCESS_EXCLUSIVE));
                }
            }
        } else if (change instanceof SchemaChange.Reindex c) {
            if (!c.concurrently() && c.name() != null) {
                if (c.target().equals("TABLE")) {
                    locks.add(new Lock(c.name(), SHARE));
                } else if (c.target().equals("INDEX")) {
                    locks.add(new Lock(tableOf(c.name(), before), SHARE));
                }
            }
        } else if (change instanceof SchemaChange.LockTable c) {
            String mode = c.mode() == null ? ACCESS_EXCLUSIVE : c.mode().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (BLOCKING_WRITES.contains(mode)) {
                c.tables().forEach(t -> locks.add(new Lock(t, mode)));
            }
        } else if (change instanceof SchemaChange.DropTable c) {
            c.tables().forEach(t -> locks.add(new Lock(t, ACCESS_EXCLUSIVE)));
        } else if (change instanceof SchemaChange.Truncate c) {
            c.tables().forEach(t -> locks.add(new Lock(t, ACCESS_EXCLUSIVE)));
        } else {
            ObjectName altered = alteredTable(change);
            if (altered != null) {
                locks.add(new Lock(altered, ACCESS_EXCLUSIVE));
            }
        }
        return locks;
    }

    /** ALTER TABLE actions that take ACCESS EXCLUSIVE on their table. */
    private static ObjectName alteredTable(SchemaChange change) {
        if (change instanceof SchemaChange.DropColumn c) {
            return c.table();
        } else if (change instanceof SchemaChange.AlterColumnType c) {
            return c.table();
        } else if (change instanceof SchemaChange.SetNotNull c) {
            return c.table();
        } else if (change instanceof SchemaChange.DropNotNull c) {
            return c.table();
        } else if (change instanceof SchemaChange.SetDefault c) {
            return c.table();
        } else if (change instanceof SchemaChange.DropDefault c) {
            return c.table();
        } else if (change instanceof SchemaChange.RenameColumn c) {
            return c.table();
        } else if (change instanceof SchemaChange.RenameTable c) {
            return c.table();
        } else if (change instanceof SchemaChange.RenameConstraint c) {
            return c.table();
        } else if (change instanceof SchemaChange.DropConstraint c) {
            return c.table();
        }
        return null;
    }

    /** A foreign key also takes SHARE ROW EXCLUSIVE on the table it references (unless that is the table itself). */
    private static void referenced(Constraint k, ObjectName table, List<Lock> locks) {
        if (k instanceof Constraint.ForeignKey fk && fk.refTable() != null && !fk.refTable().sameObject(table)) {
            locks.add(new Lock(fk.refTable(), SHARE_ROW_EXCLUSIVE));
        }
    }

    private static ObjectName tableOf(ObjectName index, Schema before) {
        return before.index(index).map(Index::table).orElse(null);
    }
}
