package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.Reading;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DataChangeKind;
import dev.migralint.core.source.TextRange;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The changes of a statement JSqlParser parsed. DML is read from the AST, which knows where a WHERE
 * belongs; everything else keeps the token reading, whose text and offsets are as written.
 */
final class AstChanges {
    private AstChanges() {
    }

    static List<SchemaChange> of(Statement ast, Reading reading, TextRange range, Dialect dialect) {
        if (ast instanceof Update u) {
            return List.of(new DataChange(DataChangeKind.UPDATE, tableName(u.getTable(), dialect), u.getWhere() != null,
                    range));
        }
        if (ast instanceof Delete d) {
            Table table = d.getTable() != null ? d.getTable()
                    : d.getTables() != null && !d.getTables().isEmpty() ? d.getTables().get(0) : null;
            return List.of(new DataChange(DataChangeKind.DELETE, tableName(table, dialect), d.getWhere() != null, range));
        }
        if (ast instanceof Insert i) {
            return List.of(new DataChange(DataChangeKind.INSERT, tableName(i.getTable(), dialect), false, range));
        }
        if (ast instanceof Merge m) {
            // MERGE always joins on a condition: it is never a whole-table change.
            return List.of(new DataChange(DataChangeKind.MERGE, tableName(m.getTable(), dialect), true, range));
        }
        if (!reading.modelled() && !(reading.changes().get(0) instanceof SchemaChange.Opaque o
                && o.what().startsWith("not translated"))) {
            return List.of(new SchemaChange.Opaque(ast.getClass().getSimpleName(), range));
        }
        return reading.changes();
    }

    private static ObjectName tableName(Table table, Dialect dialect) {
        return table == null ? null : ObjectName.parse(table.getFullyQualifiedName(), dialect);
    }
}
