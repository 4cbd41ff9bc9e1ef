package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.RecognizedStatement.Reindex;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import java.util.stream.Collectors;

/**
 * PostgreSQL refuses CREATE INDEX, DROP INDEX and REINDEX CONCURRENTLY inside a transaction
 * block, so the migration fails at this statement (after running, and rolling back, the ones before).
 */
@RuleInfo(id = "concurrent-index-in-transaction", category = Category.LOCKING, severity = Severity.ERROR,
        dialects = Dialect.POSTGRESQL, summary = "CREATE or DROP INDEX CONCURRENTLY inside a transaction fails at run time")
public final class ConcurrentIndexInTransaction implements StatementRule {
    private static final String HELP = "Run it outside a transaction: remove the surrounding BEGIN/COMMIT, or mark "
            + "the migration as non-transactional (Flyway: executeInTransaction=false in a script config file; "
            + "Rails: disable_ddl_transaction!; Django: atomic = False; Diesel: run_in_transaction = false in "
            + "metadata.toml; golang-migrate: keep it out of an explicit transaction)";

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.facts().inTransaction()) {
            return;
        }
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof CreateIndex index && index.concurrently()) {
                String name = index.name() == null ? "" : " " + index.name();
                ctx.report(index, "CREATE INDEX CONCURRENTLY" + name + " on " + index.table()
                        + " cannot run inside a transaction block").help(HELP);
            } else if (change instanceof DropIndex drop && drop.concurrently()) {
                String names = drop.indexes().stream().map(ObjectName::toString).collect(Collectors.joining(", "));
                ctx.report(drop, "DROP INDEX CONCURRENTLY " + names + " cannot run inside a transaction block")
                        .help(HELP);
            }
        }
        if (ctx.parsed() instanceof ParsedStatement.Recognized r && r.what() instanceof Reindex reindex
                && reindex.concurrently()) {
            ctx.report("REINDEX " + reindex.target() + " CONCURRENTLY cannot run inside a transaction block").help(HELP);
        }
    }
}
