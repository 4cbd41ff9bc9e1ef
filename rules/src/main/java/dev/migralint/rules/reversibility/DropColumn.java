package dev.migralint.rules.reversibility;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.Optional;

/**
 * ALTER TABLE ... DROP [COLUMN] deletes the column's values in every row; a down script can add the
 * column back but not its data. Exempt: columns of a table this migration created and columns it
 * added (a down dropping what its own up made), and a column the replayed history shows the table does not have.
 */
@RuleInfo(id = "drop-column", category = Category.REVERSIBILITY, severity = Severity.WARNING,
        summary = "Dropping a column deletes its data for good")
public final class DropColumn implements ChangeRule<SchemaChange.DropColumn> {
    @Override
    public void check(SchemaChange.DropColumn drop, RuleContext ctx) {
        if (!Destructive.holdsData(drop.table(), ctx)
                || ctx.facts().columnAddedInThisMigration(drop.table(), drop.column())) {
            return;
        }
        Optional<Table> table = ctx.schemaBefore().table(drop.table());
        if (table.isPresent() && table.get().columnsKnown() && table.get().column(drop.column()).isEmpty()
                && ctx.schemaBefore().historyInView(drop.table())) {
            return;
        }
        String label = ObjectLabels.column(ctx.schemaBefore(), drop.table(), drop.column(), drop.spelling());
        ctx.report(drop, "Dropping column " + label + " deletes its values in every row; reverting the migration "
                        + "can add the column back but not its data")
                .help("Stop using the column first: release code that no longer reads or writes " + label
                        + " (ORMs cache column lists, so tell yours to ignore it), drop it in a later release, "
                        + "and keep a backup of its values until you are sure they are not needed");
    }
}
