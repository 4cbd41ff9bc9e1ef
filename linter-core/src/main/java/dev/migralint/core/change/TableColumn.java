package dev.migralint.core.change;

import java.util.ArrayList;
import java.util.List;

/** A column definition with its table, as CREATE TABLE and ADD COLUMN define them; what type rules check. */
public record TableColumn(ObjectName table, ColumnDef column) {

    /** Every column the changes define, in statement order. */
    public static List<TableColumn> definedBy(List<SchemaChange> changes) {
        List<TableColumn> columns = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.CreateTable create) {
                create.columns().forEach(c -> columns.add(new TableColumn(create.table(), c)));
            } else if (change instanceof SchemaChange.AddColumn add) {
                columns.add(new TableColumn(add.table(), add.column()));
            }
        }
        return columns;
    }

    /** {@code table.column} as messages name it (without the schema). */
    public String label() {
        return table.name() + "." + column.name();
    }
}
