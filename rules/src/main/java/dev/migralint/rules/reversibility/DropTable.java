package dev.migralint.rules.reversibility;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DROP TABLE deletes the table's rows with it; no down script brings them back. Exempt: tables this
 * migration created (a down dropping what its own up created), temporary tables, a DROP ... IF
 * EXISTS of a table the replayed history shows is already gone, and a table the same script creates
 * again right after (an install or reset script: the drop is there to start from an empty table; after
 * DROP TABLE IF EXISTS, a view of that name counts too).
 */
@RuleInfo(id = "drop-table", category = Category.REVERSIBILITY, severity = Severity.WARNING,
        summary = "Dropping a table deletes its data for good")
public final class DropTable implements ChangeRule<SchemaChange.DropTable> {
    /**
     * The script creates the name again: as a table, or, after DROP TABLE IF EXISTS, as a view (an install
     * script clearing whatever an older version left under that name).
     */
    private static boolean recreated(SchemaChange.DropTable drop, ObjectName table, RuleContext ctx) {
        return ctx.facts().createdLaterInThisScript(table)
                || drop.ifExists() && ctx.facts().viewCreatedLaterInThisScript(table);
    }

    @Override
    public void check(SchemaChange.DropTable drop, RuleContext ctx) {
        List<ObjectName> dropped = drop.tables().stream()
                .filter(t -> Destructive.holdsData(t, ctx) && !recreated(drop, t, ctx)).toList();
        if (dropped.isEmpty()) {
            return;
        }
        String names = dropped.stream().map(ObjectLabels::table).collect(Collectors.joining(", "));
        ctx.report(drop, "DROP TABLE deletes " + (dropped.size() == 1 ? "table " : "tables ") + names
                        + " and all " + (dropped.size() == 1 ? "its" : "their")
                        + " rows; reverting the migration cannot bring the data back")
                .help("Stop using the table first: release code that no longer reads or writes it (renaming it, "
                        + "e.g. ALTER TABLE " + ObjectLabels.table(dropped.get(0)) + " RENAME TO "
                        + dropped.get(0).name() + "_deprecated, shows quickly what still uses it), drop it in a "
                        + "later release, and keep a backup of its data until you are sure it is not needed");
    }
}
