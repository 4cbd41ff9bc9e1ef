package dev.migralint.rules.reversibility;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.schema.Table;
import java.util.Optional;

/** When dropping or emptying a table loses data someone may want back. */
final class Destructive {
    private Destructive() {
    }

    /**
     * False for a table this migration created (in a down: its own up), a temporary table, and a
     * table the replayed history shows does not exist; true otherwise, a table not in view included.
     */
    static boolean holdsData(ObjectName table, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(table)) {
            return false;
        }
        Optional<Table> known = ctx.schemaBefore().table(table);
        if (known.isPresent()) {
            return !known.get().temporary();
        }
        return !ctx.schemaBefore().historyInView(table);
    }
}
