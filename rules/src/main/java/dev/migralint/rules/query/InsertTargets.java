package dev.migralint.rules.query;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.schema.Table;
import java.util.Optional;
import net.sf.jsqlparser.statement.insert.Insert;

/** The table an INSERT writes, where the rules that check its columns can trust the replayed schema. */
final class InsertTargets {
    private InsertTargets() {
    }

    /**
     * The INSERT's table as replay has it, when replay knows every column and the table's whole history
     * is in view (as Calcite's catalog requires for queries); a partition's columns come from its parent,
     * so it is left out.
     */
    static Optional<Table> fullyKnown(QueryContext ctx, Insert insert) {
        if (insert.getTable() == null) {
            return Optional.empty();
        }
        ObjectName name = ObjectName.parse(insert.getTable().getFullyQualifiedName(), ctx.dialect());
        return ctx.schemaBefore().relation(name).filter(t -> t.columnsKnown() && t.partitionOf() == null
                && ctx.schemaBefore().historyInView(t.name()));
    }
}
