package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AttachPartition;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import java.util.stream.Collectors;

/**
 * PostgreSQL refuses CREATE INDEX, DROP INDEX and REINDEX CONCURRENTLY, and ALTER TABLE ... DETACH
 * PARTITION ... CONCURRENTLY, inside a transaction block, so the migration fails at this statement (after running, and rolling back, the ones before).
 */
@RuleInfo(id = "concurrent-index-in-transaction", category = Category.LOCKING, severity = Severity.ERROR,
        dialects = Dialect.POSTGRESQL, summary = "CREATE or DROP INDEX CONCURRENTLY inside a transaction fails at run time")
public final class ConcurrentIndexInTransaction implements StatementRule {
    private static final String HELP = "Run it outside a transaction: remove the surrounding BEGIN/COMMIT, or mark "
            + "the migration as non-transactional (Flyway: executeInTransaction=false in a script config file; "
            + "Rails: disable_ddl_transaction!; Django: atomic = False; Diesel: run_in_transaction = false in "
            + "metadata.toml; golang-migrate: keep it out of an explicit transaction)";
    /** PostgreSQL runs a DO block's body as one function call, where CONCURRENTLY is refused. */
    private static final String IN_BLOCK_HELP = "Move it out of the DO block as its own statement: IF NOT EXISTS / "
            + "IF EXISTS on the statement replaces the block's existence check";

    @Override
    public void check(RuleContext ctx) {
        boolean inBlock = ctx.facts().inProceduralBlock();
        if (!ctx.facts().inTransaction() && !inBlock) {
            return;
        }
        String where = inBlock ? " cannot run inside a DO block" : " cannot run inside a transaction block";
        String help = inBlock ? IN_BLOCK_HELP : HELP;
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof CreateIndex index && index.concurrently()) {
                String name = index.name() == null ? "" : " " + index.name();
                ctx.report(index, "CREATE INDEX CONCURRENTLY" + name + " on " + index.table()
                        + where).help(help);
            } else if (change instanceof DropIndex drop && drop.concurrently()) {
                String names = drop.indexes().stream().map(ObjectName::toString).collect(Collectors.joining(", "));
                ctx.report(drop, "DROP INDEX CONCURRENTLY " + names + where).help(help);
            } else if (change instanceof Reindex reindex && reindex.concurrently()) {
                ctx.report(reindex, "REINDEX " + reindex.target() + " CONCURRENTLY" + where).help(help);
            } else if (change instanceof AttachPartition detach && detach.concurrently()) {
                ctx.report(detach, "DETACH PARTITION " + detach.partition() + " CONCURRENTLY" + where).help(help);
            }
        }
    }
}
