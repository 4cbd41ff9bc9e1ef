package dev.migralint.rules.compatibility;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;
import java.util.Set;

/**
 * ADD COLUMN ... NOT NULL without a DEFAULT on an existing table. PostgreSQL fills the new column
 * with NULL, so the ALTER fails on any table that has a row. MySQL fills in the type's implicit
 * default (0, '', the zero date) and succeeds, but then every INSERT that does not name the column
 * (all of the previous release's) fails in strict mode. Identity, serial, AUTO_INCREMENT and
 * generated columns get their values from the database and are not required.
 */
@RuleInfo(id = "add-required-column", category = Category.COMPATIBILITY, severity = Severity.ERROR,
        summary = "Adding a NOT NULL column without a default to an existing table fails or breaks inserts "
                + "from running clients")
public final class AddRequiredColumn implements ChangeRule<AddColumn> {
    private static final Set<String> SERIAL = Set.of("serial", "smallserial", "bigserial");
    private static final String PG_HELP = "Give it a DEFAULT (PostgreSQL 11 and later add a column with a "
            + "constant default without rewriting the table), or add it nullable, backfill it, and set NOT NULL "
            + "in a later migration once every client writes it";
    private static final String MYSQL_HELP = "Give it an explicit DEFAULT so that inserts which do not name the "
            + "column keep working, or add it nullable, backfill it, and make it NOT NULL once every client writes it";

    @Override
    public void check(AddColumn change, RuleContext ctx) {
        ColumnDef column = change.column();
        if (!column.notNull() || column.defaultExpression() != null || column.identity()
                || column.generatedExpression() != null || SERIAL.contains(column.type().name())
                || ctx.facts().createdInThisMigration(change.table())) {
            return;
        }
        String name = ObjectLabels.qualified(change.table()) + "." + column.displayName();
        if (ctx.dialect() == Dialect.MYSQL) {
            ctx.report(change, "Column " + name + " is NOT NULL without a DEFAULT: inserts that do not name it, "
                    + "such as those of the running release, fail").help(MYSQL_HELP);
        } else {
            ctx.report(change, "Column " + name + " is NOT NULL without a DEFAULT: adding it fails if "
                    + ObjectLabels.qualified(change.table()) + " has any row, and inserts that do not name it fail").help(PG_HELP);
        }
    }
}
