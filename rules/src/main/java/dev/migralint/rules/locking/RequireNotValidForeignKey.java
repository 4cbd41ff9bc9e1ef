package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.rules.ObjectLabels;

/**
 * ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on the table and on the table it references, and holds
 * both while it checks every existing row: writes to both tables wait. NOT VALID skips the check;
 * VALIDATE CONSTRAINT later checks the rows under SHARE UPDATE EXCLUSIVE, which lets writes go on.
 */
@RuleInfo(id = "require-not-valid-foreign-key", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "Adding a foreign key to an existing table without NOT VALID blocks writes while every row is checked")
public final class RequireNotValidForeignKey implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof AddConstraint add && add.constraint() instanceof Constraint.ForeignKey fk
                    && !fk.notValid() && !ctx.facts().createdInThisMigration(add.table())) {
                NotValidFix.offer(ctx.report(add, message(add, fk)), ctx, add.table(), fk);
            } else if (change instanceof SchemaChange.ValidateConstraint validate) {
                NotValidFix.validatedTooSoon(ctx, validate, Constraint.ForeignKey.class, "SHARE ROW EXCLUSIVE", "writes");
            } else if (change instanceof AddColumn column && !ctx.facts().createdInThisMigration(column.table())) {
                for (Constraint c : column.constraints()) {
                    if (c instanceof Constraint.ForeignKey fk) {
                        ctx.report(column, message(column.table(), column.column().name(), fk)).help(
                                "Add the column first, then the foreign key as its own statement: ALTER TABLE "
                                + ObjectLabels.sql(column.table(), ctx.dialect()) + " ADD CONSTRAINT <name> FOREIGN KEY ("
                                + ObjectLabels.sql(column.column().name(), ctx.dialect()) + ") REFERENCES "
                                + ObjectLabels.sql(fk.refTable(), ctx.dialect()) + " NOT VALID; then VALIDATE "
                                + "CONSTRAINT <name> in a separate transaction");
                    }
                }
            }
        }
    }

    private static String message(AddConstraint add, Constraint.ForeignKey fk) {
        String name = fk.name() == null ? "" : " " + fk.name();
        return "Foreign key" + name + " on existing table " + ObjectLabels.table(add.table()) + " is checked against "
                + "every row while SHARE ROW EXCLUSIVE locks block writes to " + tables(add.table(), fk);
    }

    private static String message(ObjectName table, String column, Constraint.ForeignKey fk) {
        return "Column " + ObjectLabels.column(table, column) + " is added with a foreign key that is checked against "
                + "every row of existing table " + ObjectLabels.table(table) + " while SHARE ROW EXCLUSIVE locks block "
                + "writes to " + tables(table, fk);
    }

    private static String tables(ObjectName table, Constraint.ForeignKey fk) {
        return fk.refTable() == null || fk.refTable().sameObject(table) ? ObjectLabels.table(table)
                : ObjectLabels.table(table) + " and " + ObjectLabels.table(fk.refTable());
    }
}
