package dev.migralint.rules.compatibility;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;

/**
 * Dropping NOT NULL is instant and safe for the database, but it widens the contract readers rely
 * on: once new code writes NULL, the previous release (still running during the deploy, or back
 * after a rollback) and other readers of the table meet values they were written never to see.
 * Quiet on tables created in the same migration, in down scripts, and on a column already nullable.
 */
@RuleInfo(id = "drop-not-null", category = Category.COMPATIBILITY, severity = Severity.INFO,
        summary = "Dropping NOT NULL lets NULLs reach readers that assume the column is always set")
public final class DropNotNull implements ChangeRule<SchemaChange.DropNotNull> {
    private static final String HELP = "Make sure every reader of the column (the previous release, reports, "
            + "exports, other services) handles NULL before code starts writing it; restoring NOT NULL later "
            + "needs the NULLs backfilled first";

    @Override
    public void check(SchemaChange.DropNotNull change, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(change.table()) || ctx.facts().inDownScript()) {
            return;
        }
        // Already nullable (generators often emit DROP NOT NULL with every column change): nothing changes.
        if (ctx.schemaBefore().table(change.table()).flatMap(t -> t.column(change.column()))
                .map(c -> !c.notNull()).orElse(false)) {
            return;
        }
        ctx.report(change, "Column " + ObjectLabels.qualified(change.table()) + "."
                + ObjectLabels.columnName(ctx.schemaBefore(), change.table(), change.column(), null)
                + " becomes nullable: readers that assume it is always set will meet NULLs").help(HELP);
    }
}
