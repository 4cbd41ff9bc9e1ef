package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.Constraint;
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
 * ADD CHECK takes ACCESS EXCLUSIVE on the table and holds it while it checks every existing row:
 * reads and writes wait. NOT VALID skips the check; VALIDATE CONSTRAINT later checks the rows under
 * SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
 */
@RuleInfo(id = "require-not-valid-check", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "Adding a CHECK constraint to an existing table without NOT VALID blocks reads and writes while every row is checked")
public final class RequireNotValidCheck implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof AddConstraint add && add.constraint() instanceof Constraint.Check check
                    && !check.notValid() && check.enforced() && !ctx.facts().createdInThisMigration(add.table())) {
                String name = check.name() == null ? "" : " " + check.name();
                NotValidFix.offer(ctx.report(add, "CHECK constraint" + name + " on existing table "
                        + ObjectLabels.table(add.table()) + " is checked against every row under an ACCESS EXCLUSIVE "
                        + "lock, blocking reads and writes"), ctx, add.table(), check);
            } else if (change instanceof SchemaChange.ValidateConstraint validate) {
                NotValidFix.validatedTooSoon(ctx, validate, Constraint.Check.class, "ACCESS EXCLUSIVE", "reads and writes");
            } else if (change instanceof AddColumn column && !ctx.facts().createdInThisMigration(column.table())) {
                for (Constraint c : column.constraints()) {
                    if (c instanceof Constraint.Check check && check.enforced()) {
                        ctx.report(column, "Column " + ObjectLabels.column(column.table(), column.column().name())
                                + " is added with a CHECK constraint that is checked against every row of existing "
                                + "table " + ObjectLabels.table(column.table()) + " under an ACCESS EXCLUSIVE lock")
                                .help("Add the column first, then the check as its own statement: ALTER TABLE "
                                        + ObjectLabels.sql(column.table(), ctx.dialect()) + " ADD CONSTRAINT <name> CHECK ("
                                        + check.expression() + ") NOT VALID; then VALIDATE CONSTRAINT <name> in a "
                                        + "separate transaction");
                    }
                }
            }
        }
    }
}
