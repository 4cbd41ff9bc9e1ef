package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;

/**
 * CREATE INDEX takes a SHARE lock on its table for the whole build, so every INSERT, UPDATE and
 * DELETE waits; REINDEX does the same and also locks the index against reads. Tables created in
 * the same migration are exempt: nobody uses them yet.
 */
@RuleInfo(id = "require-concurrent-index", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL, summary = "CREATE INDEX or REINDEX without CONCURRENTLY blocks writes to an existing table")
public final class RequireConcurrentIndex implements StatementRule {
    private static final String HELP = "Build it with CREATE INDEX CONCURRENTLY, which does not block writes "
            + "(it cannot run inside a transaction block)";
    /** A DO block runs as one function call in a transaction, where CONCURRENTLY is refused. */
    private static final String IN_BLOCK_HELP = "CONCURRENTLY cannot run inside a DO block: move the statement out "
            + "of the block, with IF NOT EXISTS in place of the block's existence check, and add CONCURRENTLY there";

    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof CreateIndex index && !index.concurrently() && index.table() != null
                    && !ctx.facts().createdInThisMigration(index.table())) {
                String name = index.name() == null ? "" : " " + index.name();
                FindingBuilder finding = ctx.report(index, "CREATE INDEX" + name + " on existing table " + index.table()
                        + " blocks writes to the table until the index is built");
                if (ctx.facts().inProceduralBlock()) {
                    finding.help(IN_BLOCK_HELP);
                } else if (index.indexKeyword() == null) {
                    finding.help(HELP);
                } else {
                    finding.helpShowingFix("Build it without blocking writes (this cannot run inside a transaction "
                            + "block): ", Fix.insert("Add CONCURRENTLY", index.indexKeyword().end(), " CONCURRENTLY"));
                }
            } else if (change instanceof Reindex reindex) {
                checkReindex(ctx, reindex);
            }
        }
    }

    private static void checkReindex(RuleContext ctx, Reindex reindex) {
        if (reindex.concurrently() || reindex.target().equals("SYSTEM")) {
            return; // system catalogs cannot be reindexed concurrently
        }
        ObjectName name = reindex.name();
        if (reindex.target().equals("TABLE") && name != null && ctx.facts().createdInThisMigration(name)) {
            return;
        }
        String target = name == null ? "" : name.qualified();
        String what = "REINDEX " + reindex.target() + (target.isEmpty() ? "" : " " + target);
        FindingBuilder finding = ctx.report(reindex, what
                + " blocks writes to the table and reads that use the rebuilt indexes until it finishes");
        if (ctx.targetVersion() < 12) {
            finding.help("Before PostgreSQL 12 there is no REINDEX CONCURRENTLY: build a replacement with CREATE "
                    + "INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one");
            return;
        }
        if (ctx.facts().inProceduralBlock()) {
            finding.help(IN_BLOCK_HELP);
            return;
        }
        // CONCURRENTLY goes right after the target kind: REINDEX TABLE CONCURRENTLY t, REINDEX DATABASE CONCURRENTLY.
        finding.helpShowingFix("Rebuild without blocking (PostgreSQL 12+, outside a transaction block): ",
                Fix.insert("Add CONCURRENTLY", reindex.targetKeyword().end(), " CONCURRENTLY"));
    }
}
