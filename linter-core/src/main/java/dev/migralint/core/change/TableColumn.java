package dev.migralint.core.change;

import java.util.ArrayList;
import java.util.List;

/**
 * A column definition with its table, as CREATE TABLE, ADD COLUMN and a retype (ALTER COLUMN ... TYPE,
 * MySQL's MODIFY and CHANGE) define them; what type rules check. {@code retype} is true for a retype,
 * whose definition holds only the name and new type in PostgreSQL (see
 * {@link SchemaChange.AlterColumnType#newDefinition()}).
 */
public record TableColumn(ObjectName table, ColumnDef column, boolean retype) {

    public TableColumn(ObjectName table, ColumnDef column) {
        this(table, column, false);
    }

    /** Every column the changes define, in statement order. */
    public static List<TableColumn> definedBy(List<SchemaChange> changes) {
        List<TableColumn> columns = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.CreateTable create) {
                create.columns().forEach(c -> columns.add(new TableColumn(create.table(), c)));
            } else if (change instanceof SchemaChange.AddColumn add) {
                columns.add(new TableColumn(add.table(), add.column()));
            } else if (change instanceof SchemaChange.AlterColumnType retype) {
                columns.add(new TableColumn(retype.table(), retype.newDefinition(), true));
            }
        }
        return columns;
    }

    /** {@code table.column} as messages name it (without the schema). */
    public String label() {
        return table.displayName() + "." + column.displayName();
    }
}
