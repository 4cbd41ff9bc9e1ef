package dev.migralint.core.change;

import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * What a statement does to the schema or the session, independent of dialect. Each change carries
 * the range of its own clause, so findings point at the clause rather than the whole statement.
 * The list grows with schema replay; {@link Opaque} stands for statements with no modelled effect.
 */
public sealed interface SchemaChange {
    TextRange range();

    record CreateTable(ObjectName table, List<ColumnDef> columns, boolean ifNotExists, boolean temporary,
                       TextRange range) implements SchemaChange {
        public CreateTable {
            columns = List.copyOf(columns);
        }
    }

    record DropTable(List<ObjectName> tables, boolean ifExists, boolean cascade, TextRange range)
            implements SchemaChange {
        public DropTable {
            tables = List.copyOf(tables);
        }
    }

    record AddColumn(ObjectName table, ColumnDef column, boolean ifNotExists, TextRange range)
            implements SchemaChange {
    }

    record DropColumn(ObjectName table, String column, boolean ifExists, TextRange range) implements SchemaChange {
    }

    /**
     * CREATE [UNIQUE] INDEX [CONCURRENTLY]; {@code name} null when unnamed; {@code method} lower-case
     * ("btree" when not given); {@code where} the partial-index predicate text or null.
     */
    record CreateIndex(ObjectName name, ObjectName table, List<IndexColumn> columns, boolean unique,
                       boolean concurrently, boolean ifNotExists, String method, String where,
                       TextRange range) implements SchemaChange {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    record DropIndex(List<ObjectName> indexes, boolean concurrently, boolean ifExists, ObjectName table,
                     TextRange range) implements SchemaChange {
        public DropIndex {
            indexes = List.copyOf(indexes);
        }
    }

    enum TransactionKind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    record Transaction(TransactionKind kind, TextRange range) implements SchemaChange {
    }

    /** SET / SET LOCAL / SET SESSION; {@code name} lower-case, {@code value} unquoted text. */
    record SetSetting(String name, String value, boolean local, TextRange range) implements SchemaChange {
    }

    enum DataChangeKind { INSERT, UPDATE, DELETE, MERGE }

    /** DML; {@code hasWhere} tells UPDATE/DELETE apart from whole-table ones. */
    record DataChange(DataChangeKind kind, ObjectName table, boolean hasWhere, TextRange range)
            implements SchemaChange {
    }

    record Truncate(List<ObjectName> tables, boolean cascade, TextRange range) implements SchemaChange {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    record LockTable(List<ObjectName> tables, String mode, TextRange range) implements SchemaChange {
        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    /** A statement whose effect is not modelled (yet); {@code what} names it for debugging. */
    record Opaque(String what, TextRange range) implements SchemaChange {
    }
}
