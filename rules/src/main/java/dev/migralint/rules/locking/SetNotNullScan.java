package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.SchemaChange.SetNotNull;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.rules.ObjectLabels;
import java.util.Locale;
import java.util.Optional;

/**
 * SET NOT NULL holds ACCESS EXCLUSIVE while it scans the whole table for nulls. PostgreSQL 12 and
 * later skip the scan when a validated CHECK (column IS NOT NULL) constraint already proves it.
 */
@RuleInfo(id = "set-not-null-scan", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "SET NOT NULL on an existing table scans it for nulls while blocking reads and writes")
public final class SetNotNullScan implements ChangeRule<SetNotNull> {
    @Override
    public void check(SetNotNull change, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(change.table())) {
            return;
        }
        Optional<Table> table = ctx.schemaBefore().table(change.table());
        Optional<Column> column = table.flatMap(t -> t.column(change.column()));
        if (column.isPresent() && column.get().notNull()) {
            return; // already NOT NULL: PostgreSQL does nothing
        }
        if (ctx.targetVersion() >= 12 && (table.isPresent() && provenByCheck(table.get(), change.column())
                || provenInThisScript(ctx, change, table))) {
            return;
        }
        String t = ObjectLabels.sql(change.table(), ctx.dialect());
        String c = ObjectLabels.sql(change.column(), ctx.dialect());
        FindingBuilder finding = ctx.report(change, "SET NOT NULL on " + ObjectLabels.column(change.table(),
                change.column()) + " scans existing table " + ObjectLabels.table(change.table())
                + " for nulls under an ACCESS EXCLUSIVE lock, blocking reads and writes");
        String check = ObjectLabels.sql(change.table().name() + "_" + change.column() + "_not_null", ctx.dialect());
        if (ctx.targetVersion() >= 12) {
            finding.help("Prove it with a CHECK constraint first, validated without blocking writes; PostgreSQL 12+ then "
                    + "skips the scan: ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c
                    + " IS NOT NULL) NOT VALID; ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check
                    + "; (in its own transaction) ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL; ALTER TABLE "
                    + t + " DROP CONSTRAINT " + check + ";");
        } else {
            finding.help("Before PostgreSQL 12 SET NOT NULL always scans. A CHECK (" + c + " IS NOT NULL) constraint "
                    + "added NOT VALID and then validated in its own transaction enforces the same without the long "
                    + "lock: ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c + " IS NOT NULL) NOT VALID; "
                    + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + check + ";");
        }
    }

    /**
     * A CHECK (column IS NOT NULL) that this script added and validated before, or a constraint it
     * validated whose definition is not in view at all (the usual recipe across two migrations: the
     * check added NOT VALID in one, validated just before SET NOT NULL in the next).
     */
    private static boolean provenInThisScript(RuleContext ctx, SetNotNull change, Optional<Table> table) {
        for (StatementFacts.ScriptConstraint c : ctx.facts().constraintsOfThisScript(change.table())) {
            if (!c.validated()) {
                continue;
            }
            if (c.constraint() instanceof Constraint.Check check ? check.enforced()
                    && provesNotNull(check.expression(), change.column())
                    : c.constraint() == null && table.map(t -> t.checks().stream()
                            .noneMatch(k -> c.name().equals(k.name()))).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /** A validated CHECK whose whole expression is {@code column IS NOT NULL}. */
    private static boolean provenByCheck(Table table, String column) {
        for (CheckConstraint check : table.checks()) {
            if (check.validated() && provesNotNull(check.expression(), column)) {
                return true;
            }
        }
        return false;
    }

    static boolean provesNotNull(String expression, String column) {
        String e = expression.strip();
        while (e.startsWith("(") && e.endsWith(")")) {
            e = e.substring(1, e.length() - 1).strip();
        }
        String suffix = " is not null";
        if (!e.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return false;
        }
        String subject = e.substring(0, e.length() - suffix.length()).strip();
        while (subject.startsWith("(") && subject.endsWith(")")) {
            subject = subject.substring(1, subject.length() - 1).strip();
        }
        if (subject.startsWith("\"") && subject.endsWith("\"") && subject.length() > 1) {
            return subject.substring(1, subject.length() - 1).replace("\"\"", "\"").equals(column);
        }
        return subject.toLowerCase(Locale.ROOT).equals(column);
    }
}
