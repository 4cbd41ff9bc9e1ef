package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.ColumnTypes;
import dev.migralint.core.analysis.RetypeRewrite;
import dev.migralint.core.analysis.RetypeRewrite.Verdict;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Column;
import dev.migralint.rules.ObjectLabels;
import java.util.Set;

/**
 * ALTER COLUMN TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE unless the
 * change is binary-compatible ({@link RetypeRewrite} holds the table of safe changes).
 */
@RuleInfo(id = "column-type-rewrite", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "ALTER COLUMN TYPE that rewrites an existing table while blocking reads and writes")
public final class ColumnTypeRewrite implements ChangeRule<AlterColumnType> {
    /** New types some old type reaches without a rewrite; with the old type unknown, no verdict. */
    private static final Set<String> MAYBE_SAFE = Set.of("text", "varchar", "numeric", "varbit", "inet", "timestamp",
            "timestamptz", "interval");
    private static final String HELP = "Avoid the rewrite: add a column of the new type, fill it in batches, keep the "
            + "two in sync (a trigger) until readers and writers use the new one, then drop the old column. "
            + "Widening varchar, varchar to text and raising numeric precision need no rewrite";

    /** Zones whose offset is zero all year, the condition PostgreSQL 12+ checks to skip the rewrite. */
    private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "z", "zulu", "universal",
            "etc/universal", "uct", "etc/uct", "0", "+00", "+00:00");

    private static boolean utc(String zone) {
        return zone != null && UTC.contains(zone.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void check(AlterColumnType change, RuleContext ctx) {
        if (change.type() == null || ctx.facts().createdInThisMigration(change.table())) {
            return;
        }
        DataType to = change.type();
        String label = ObjectLabels.column(change.table(), change.column());
        String tail = " rewrites existing table " + ObjectLabels.table(change.table()) + " and rebuilds its indexes "
                + "under an ACCESS EXCLUSIVE lock, blocking reads and writes";
        String newType = ColumnTypes.label(to, ctx.dialect());
        Column old = ctx.schemaBefore().table(change.table()).flatMap(t -> t.column(change.column())).orElse(null);
        if (old == null) {
            if (!MAYBE_SAFE.contains(to.name()) && RetypeRewrite.usingKeepsValues(change.using(), change.column())) {
                ctx.report(change, "Changing " + label + " to " + newType + tail
                        + " (unless its current type, not in view, is already " + newType + ")").help(HELP);
            } else if (!RetypeRewrite.usingKeepsValues(change.using(), change.column())) {
                ctx.report(change, "Changing " + label + " to " + newType + " with a USING expression" + tail)
                        .help(HELP);
            }
            return;
        }
        String oldType = ColumnTypes.label(old.type(), ctx.dialect());
        Verdict verdict = RetypeRewrite.of(old.type(), to, ctx.targetVersion());
        String from = "Changing " + label + " from " + oldType + " to " + newType;
        if (!RetypeRewrite.usingKeepsValues(change.using(), change.column())) {
            ctx.report(change, from + " with a USING expression" + tail).help(HELP);
        } else if (verdict == Verdict.REWRITE) {
            ctx.report(change, from + tail).help(HELP);
        } else if (verdict == Verdict.UNLESS_UTC && !utc(ctx.facts().settingBefore("timezone"))) {
            ctx.report(change, from + tail + ", unless the session time zone is UTC").help("PostgreSQL 12+ skips the "
                    + "rewrite of timestamp to timestamptz (or back) only when the session's TimeZone is UTC: run SET "
                    + "TIME ZONE 'UTC' before it in the same session, or " + Character.toLowerCase(HELP.charAt(0))
                    + HELP.substring(1));
        }
    }
}
