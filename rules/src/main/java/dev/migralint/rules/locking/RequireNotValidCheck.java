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
            } else if (change instanceof SchemaChange.AddDomainConstraint domain && !domain.notValid()) {
                reportDomain(ctx, domain);
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

    /** Domains are not replayed, so one created in this migration is reported too (it has no columns yet). */
    private static void reportDomain(RuleContext ctx, SchemaChange.AddDomainConstraint domain) {
        String name = domain.name() == null ? "<name>" : ObjectLabels.sql(domain.name(), ctx.dialect());
        String sqlDomain = ObjectLabels.sql(domain.domain(), ctx.dialect());
        ctx.report(domain, "CHECK constraint" + (domain.name() == null ? "" : " " + domain.name()) + " on domain "
                + domain.domain() + " is checked against every column of that domain in every table, under a SHARE "
                + "lock on each table that blocks its writes")
                .help("Add it with NOT VALID (new and updated values are checked at once), then run ALTER DOMAIN "
                        + sqlDomain + " VALIDATE CONSTRAINT " + name + " in a separate transaction"
                        + (domain.name() == null ? " (name the constraint to validate it)" : "")
                        + (ctx.targetVersion() < 19 ? "; before PostgreSQL 19 VALIDATE also blocks writes while it "
                        + "scans, so run it at a quiet time" : ""));
    }
}
