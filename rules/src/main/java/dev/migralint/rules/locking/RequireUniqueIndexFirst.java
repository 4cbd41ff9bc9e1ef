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
import java.util.List;

/**
 * ADD UNIQUE and ADD PRIMARY KEY build their index while holding ACCESS EXCLUSIVE on the table, so
 * reads and writes wait for the whole build. CREATE UNIQUE INDEX CONCURRENTLY builds it without
 * blocking writes, and ADD CONSTRAINT ... USING INDEX then only attaches it.
 */
@RuleInfo(id = "require-unique-index-first", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "ADD UNIQUE or PRIMARY KEY on an existing table builds its index while blocking reads and writes")
public final class RequireUniqueIndexFirst implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof AddConstraint add && add.constraint().usingIndex() == null
                    && (add.constraint() instanceof Constraint.Unique || add.constraint() instanceof Constraint.PrimaryKey)
                    && !ctx.facts().createdInThisMigration(add.table())) {
                report(ctx, add, add.table(), add.constraint(), columns(add.constraint()));
            } else if (change instanceof AddColumn column && !ctx.facts().createdInThisMigration(column.table())) {
                for (Constraint c : column.constraints()) {
                    if (c instanceof Constraint.Unique || c instanceof Constraint.PrimaryKey) {
                        report(ctx, column, column.table(), c, List.of(column.column().name()));
                    }
                }
                if (column.column().primaryKey() && column.constraints().stream()
                        .noneMatch(c -> c instanceof Constraint.PrimaryKey)) {
                    report(ctx, column, column.table(), null, List.of(column.column().name()));
                }
            }
        }
    }

    private static void report(RuleContext ctx, SchemaChange change, ObjectName table, Constraint c,
                               List<String> columns) {
        boolean pk = c == null || c instanceof Constraint.PrimaryKey;
        String kind = pk ? "PRIMARY KEY" : "UNIQUE";
        String name = c != null && c.name() != null ? c.name()
                : table.name() + (pk ? "_pkey" : "_" + String.join("_", columns) + "_key");
        String t = ObjectLabels.sql(table, ctx.dialect());
        String n = ObjectLabels.sql(name, ctx.dialect());
        String cols = ObjectLabels.sqlList(columns, ctx.dialect());
        String help = "Build the index first without blocking writes, then attach it (the index build cannot run "
                + "inside a transaction block): CREATE UNIQUE INDEX CONCURRENTLY " + n + " ON " + t + " (" + cols + "); "
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + n + " " + kind + " USING INDEX " + n + ";";
        if (pk) {
            help += " A primary key also needs its columns NOT NULL: set that first, or ADD PRIMARY KEY scans the "
                    + "table to check it";
        }
        if (change instanceof AddColumn) {
            help = "Add the column without " + kind + ", then " + Character.toLowerCase(help.charAt(0)) + help.substring(1);
        }
        ctx.report(change, kind + " constraint on existing table " + ObjectLabels.table(table) + " builds its index "
                + "under an ACCESS EXCLUSIVE lock, blocking reads and writes until the build finishes").help(help);
    }

    private static List<String> columns(Constraint c) {
        if (c instanceof Constraint.Unique u) {
            return u.columns();
        }
        return ((Constraint.PrimaryKey) c).columns();
    }
}
