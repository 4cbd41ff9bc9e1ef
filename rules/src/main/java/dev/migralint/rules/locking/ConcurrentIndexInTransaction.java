package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.StatementRule;
import java.util.stream.Collectors;

/**
 * PostgreSQL refuses CREATE INDEX, DROP INDEX and REINDEX CONCURRENTLY inside a transaction
 * block, so the migration fails at this statement (after running, and rolling back, the ones before).
 */
public final class ConcurrentIndexInTransaction implements StatementRule {
    private static final RuleMeta META = RuleMeta.of("concurrent-index-in-transaction", Category.LOCKING,
            Severity.ERROR, "CREATE or DROP INDEX CONCURRENTLY inside a transaction fails at run time");

    private static final String HELP = "Run it outside a transaction: remove the surrounding BEGIN/COMMIT, or mark "
            + "the migration as non-transactional (Flyway: executeInTransaction=false in a script config file; "
            + "Rails: disable_ddl_transaction!; Django: atomic = False; Diesel: run_in_transaction = false in "
            + "metadata.toml; golang-migrate: keep it out of an explicit transaction)";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.dialect() != Dialect.POSTGRESQL || !ctx.facts().inTransaction()) {
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
            } else if (change instanceof Reindex reindex && reindex.concurrently()) {
                ctx.report(reindex, "REINDEX " + reindex.target() + " CONCURRENTLY cannot run inside a transaction block")
                        .help(HELP);
            }
        }
    }
}
