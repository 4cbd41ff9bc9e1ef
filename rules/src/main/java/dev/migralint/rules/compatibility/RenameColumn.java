package dev.migralint.rules.compatibility;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;

/**
 * A rename takes effect at commit, while the application servers of the previous release keep
 * running during a rolling deploy: every query of theirs that names the old column fails. Quiet on
 * tables created in the same migration (nobody uses them yet) and in down scripts, which revert
 * their up's own rename.
 */
@RuleInfo(id = "rename-column", category = Category.COMPATIBILITY, severity = Severity.WARNING,
        summary = "Renaming a column breaks clients that still use the old name")
public final class RenameColumn implements ChangeRule<SchemaChange.RenameColumn> {
    static final String HELP = "Rename in steps that old and new code both survive: add the new column, write "
            + "both and backfill it, switch readers to the new column, and drop the old one in a later release; "
            + "or keep serving the old name through a view until no client uses it";

    @Override
    public void check(SchemaChange.RenameColumn change, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(change.table()) || ctx.facts().inDownScript()) {
            return;
        }
        // MySQL column names are case-insensitive: CHANGE COLUMN Foo foo keeps the name.
        if (ctx.dialect() == Dialect.MYSQL && change.column().equalsIgnoreCase(change.newName())) {
            return;
        }
        String old = ObjectLabels.columnName(ctx.schemaBefore(), change.table(), change.column(), null);
        ctx.report(change, "Renaming column " + ObjectLabels.qualified(change.table()) + "." + old + " to "
                + change.newDisplayName() + " breaks running clients that still read or write " + old).help(HELP);
    }
}
