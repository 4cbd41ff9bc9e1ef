package dev.migralint.core.schema;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import java.util.List;

/**
 * A constraint of a replayed table, with the name the database gave it (the written one or the one it
 * made up). Primary keys, unique and exclusion constraints are backed by an index of the same name
 * (MySQL: PRIMARY and the unique index).
 */
public sealed interface TableConstraint {
    String name();

    Location definedAt();

    record PrimaryKey(String name, List<String> columns, Location definedAt) implements TableConstraint {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    record UniqueKey(String name, List<String> columns, Location definedAt) implements TableConstraint {
        public UniqueKey {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key. {@code refColumns} are resolved (the referenced primary key's columns when the SQL
     * named none); {@code referencedIndex} is the unique index on the referenced table the key depends
     * on (dropping it needs CASCADE), null when none was found. {@code validated} is false after
     * NOT VALID until VALIDATE CONSTRAINT. Actions are upper-case, "NO ACTION" when not given.
     */
    record ForeignKey(String name, List<String> columns, ObjectName refTable, List<String> refColumns,
                      String onDelete, String onUpdate, boolean validated, String referencedIndex,
                      Location definedAt) implements TableConstraint {
        public ForeignKey {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }
    }

    /** CHECK; {@code expression} in canonical token text. */
    record CheckConstraint(String name, String expression, boolean validated, Location definedAt)
            implements TableConstraint {
    }

    record ExclusionConstraint(String name, Location definedAt) implements TableConstraint {
    }
}
