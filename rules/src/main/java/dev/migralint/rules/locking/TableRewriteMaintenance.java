package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.RewriteTable;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * VACUUM FULL and CLUSTER copy the whole table and rebuild its indexes under an ACCESS EXCLUSIVE lock:
 * every read and write of the table waits for the copy. That is true in every PostgreSQL version;
 * what changes is the remedy (REPACK CONCURRENTLY from PostgreSQL 19, the pg_repack extension before).
 * Tables created in the same migration are exempt: nobody uses them yet.
 */
@RuleInfo(id = "table-rewrite-maintenance", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "VACUUM FULL or CLUSTER in a migration locks the table against reads and writes while it is rewritten")
public final class TableRewriteMaintenance implements ChangeRule<RewriteTable> {
    @Override
    public void check(RewriteTable change, RuleContext ctx) {
        List<ObjectName> existing = change.tables().stream()
                .filter(t -> !ctx.facts().createdInThisMigration(t)).toList();
        if (!change.tables().isEmpty() && existing.isEmpty()) {
            return;
        }
        String what = existing.isEmpty()
                ? (change.command().equals("CLUSTER") ? "every table clustered before" : "every table of the database")
                : existing.stream().map(ObjectName::toString).collect(Collectors.joining(", "));
        String message = change.command() + " rewrites " + what + " under an ACCESS EXCLUSIVE lock: reads and writes "
                + "wait until the table and its indexes are copied";
        if (change.command().equals("VACUUM FULL") && ctx.facts().inTransaction()) {
            message += "; and VACUUM cannot run inside a transaction block, so the migration fails here";
        }
        ctx.report(change, message).help(ctx.targetVersion() >= 19
                ? "Take it out of the migration; to reclaim space or reorder rows without blocking, run REPACK "
                        + "(CONCURRENTLY) on the table (PostgreSQL 19+) outside a transaction block"
                : "Take it out of the migration; to reclaim space or reorder rows without blocking, use the pg_repack "
                        + "extension (or REPACK (CONCURRENTLY) from PostgreSQL 19), or run it in a maintenance window");
    }
}
