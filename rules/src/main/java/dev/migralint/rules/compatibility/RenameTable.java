package dev.migralint.rules.compatibility;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;

/**
 * Renaming a table (or moving it to another schema) takes effect at commit; clients of the previous
 * release that still name it fail. Quiet on tables created in the same migration, in down scripts,
 * on a swap (RENAME TABLE t TO t_old, t_new TO t), on a rebuild (the table renamed away and created
 * anew later in the same script) and when a later statement creates a view under the old name (the
 * remedy the help gives): the old name stays in use.
 */
@RuleInfo(id = "rename-table", category = Category.COMPATIBILITY, severity = Severity.WARNING,
        summary = "Renaming a table breaks clients that still use the old name")
public final class RenameTable implements ChangeRule<SchemaChange.RenameTable> {
    private static final String HELP = "Rename in steps that old and new code both survive: create the new table, "
            + "write to both and backfill it, switch readers, and drop the old table in a later release; or rename "
            + "it and create a view with the old name (CREATE VIEW old_name AS SELECT * FROM new_name), which "
            + "PostgreSQL and MySQL let simple INSERT/UPDATE/DELETE write through, until no client uses the old name";

    @Override
    public void check(SchemaChange.RenameTable change, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(change.table()) || ctx.facts().inDownScript() || swapped(change, ctx)
                || ctx.facts().createdLaterInThisScript(change.table())
                || ctx.facts().viewCreatedLaterInThisScript(change.table())) {
            return;
        }
        boolean move = change.newName().name().equals(change.table().name());
        String what = move ? "Moving table " + change.table() + " to " + change.newName()
                : "Renaming table " + change.table() + " to " + change.newName();
        ctx.report(change, what + " breaks running clients that still use " + change.table()).help(HELP);
    }

    /** True when the same statement renames another table to this one's old name. */
    private static boolean swapped(SchemaChange.RenameTable change, RuleContext ctx) {
        for (SchemaChange c : ctx.changes()) {
            if (c != change && c instanceof SchemaChange.RenameTable other && other.newName().sameObject(change.table())) {
                return true;
            }
        }
        return false;
    }
}
