package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AttachPartition;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;

/**
 * ALTER TABLE ... DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table, so every
 * query on any partition waits for it, and it waits itself behind every running one. PostgreSQL 14
 * added DETACH PARTITION ... CONCURRENTLY, which holds only SHARE UPDATE EXCLUSIVE on the parent.
 * A parent created in the same migration is exempt: nobody uses it yet.
 */
@RuleInfo(id = "require-concurrent-detach", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "DETACH PARTITION without CONCURRENTLY locks the parent table against reads and writes")
public final class RequireConcurrentDetach implements ChangeRule<AttachPartition> {
    @Override
    public void check(AttachPartition change, RuleContext ctx) {
        if (change.attached() || change.concurrently() || change.finalizing()
                || ctx.facts().createdInThisMigration(change.table())) {
            return;
        }
        FindingBuilder finding = ctx.report(change, "DETACH PARTITION " + change.partition() + " takes an ACCESS "
                + "EXCLUSIVE lock on " + change.table() + ", blocking reads and writes on every partition until it "
                + "finishes");
        if (ctx.targetVersion() < 14) {
            finding.help("Before PostgreSQL 14 there is no DETACH PARTITION CONCURRENTLY: set a short lock_timeout "
                    + "(SET lock_timeout = '5s') so the detach fails fast instead of queueing traffic behind it, "
                    + "and retry it at a quiet time");
        } else if (ctx.facts().inProceduralBlock() || ctx.changes().size() > 1) {
            // CONCURRENTLY must be the ALTER TABLE's only action and cannot run in a function call.
            finding.help("Detach it with its own ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY statement, "
                    + "outside a transaction block and outside any DO block (PostgreSQL 14+)");
        } else {
            finding.helpShowingFix("Detach it without blocking queries (PostgreSQL 14+, outside a transaction "
                    + "block, and not while the table has a DEFAULT partition): ",
                    Fix.insert("Add CONCURRENTLY", change.partitionName().end(), " CONCURRENTLY"));
        }
    }
}
