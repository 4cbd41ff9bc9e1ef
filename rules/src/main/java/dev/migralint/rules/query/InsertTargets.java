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

    /** The INSERT's table as replay has it, when its columns are certain ({@code Schema.columnsCertain}). */
    static Optional<Table> fullyKnown(QueryContext ctx, Insert insert) {
        if (insert.getTable() == null) {
            return Optional.empty();
        }
        ObjectName name = ObjectName.parse(insert.getTable().getFullyQualifiedName(), ctx.dialect());
        return ctx.schemaBefore().relation(name).filter(ctx.schemaBefore()::columnsCertain);
    }
}
