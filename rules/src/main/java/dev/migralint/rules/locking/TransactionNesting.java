package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;

/**
 * Transaction control that does not do what the file suggests: a BEGIN inside a transaction that is
 * already open (the tool's or the file's own), a BEGIN the file never ends, and a ROLLBACK that
 * throws the migration away while the tool records it as applied. A COMMIT that leaves the tool's
 * transaction on purpose (before CREATE INDEX CONCURRENTLY, after ALTER TYPE ... ADD VALUE) and a
 * stray COMMIT (the server only warns) are not reported.
 */
@RuleInfo(id = "transaction-nesting", category = Category.LOCKING, severity = Severity.ERROR,
        summary = "BEGIN, COMMIT or ROLLBACK that nests in, leaves open or discards the migration's transaction")
public final class TransactionNesting implements StatementRule {
    private static final String TOOL_HELP = "Remove the BEGIN and its COMMIT: the tool already runs the migration in "
            + "one transaction. If the file must manage transactions itself, mark the migration as "
            + "non-transactional (Flyway: executeInTransaction=false in a script config file; sqlx: -- no-transaction "
            + "first line; Diesel: run_in_transaction = false in metadata.toml; Liquibase: runInTransaction:false)";

    @Override
    public void check(RuleContext ctx) {
        StatementFacts facts = ctx.facts();
        if (facts.inProceduralBlock()) {
            return; // COMMIT and ROLLBACK in a procedure's body are the procedure's business
        }
        boolean mysql = ctx.dialect() == Dialect.MYSQL;
        boolean open = facts.explicitTransaction();
        for (SchemaChange change : ctx.changes()) {
            if (!(change instanceof Transaction t)) {
                continue;
            }
            switch (t.kind()) {
                case BEGIN -> {
                    begin(ctx, t, open, mysql);
                    open = true;
                }
                case ROLLBACK -> {
                    if (open || facts.toolTransaction()) {
                        ctx.report(t, "ROLLBACK discards the changes of the transaction it ends, yet the migration "
                                + "tool records the migration as applied").help("Remove the ROLLBACK (and the BEGIN "
                                + "it ends, if the tool already runs the migration in a transaction); to test a "
                                + "migration without keeping it, run it against a scratch database instead");
                    }
                    open = false;
                }
                case COMMIT -> open = false;
                default -> { }
            }
        }
    }

    private static void begin(RuleContext ctx, Transaction t, boolean open, boolean mysql) {
        StatementFacts facts = ctx.facts();
        if (open) {
            ctx.report(t, mysql
                    ? "BEGIN inside an open transaction commits that transaction implicitly: the statements before "
                    + "it are no longer undone with the ones after it"
                    : "BEGIN inside an open transaction does nothing but warn: the first COMMIT ends the outer "
                    + "transaction, and the statements after it run outside any transaction")
                    .help("Remove the inner BEGIN, or end the first transaction with COMMIT before it");
        } else if (facts.toolTransaction()) {
            ctx.report(t, mysql
                    ? "BEGIN inside the transaction the migration tool opened commits the tool's transaction "
                    + "implicitly, and the file's COMMIT ends the transaction early"
                    : "BEGIN inside the transaction the migration tool opened does nothing but warn, and the "
                    + "file's COMMIT commits the tool's transaction early: a failure after it leaves the migration "
                    + "half applied").help(TOOL_HELP);
        } else if (!facts.transactionEndsLater()) {
            ctx.report(t, mysql
                    ? "BEGIN is never committed: when the session ends, MySQL rolls back the data changes made "
                    + "since the last DDL statement (DDL commits implicitly)"
                    : "BEGIN is never committed: when the session ends, the database rolls back every change made "
                    + "after it, and the migration tool may still record the migration as applied")
                    .help("End the transaction with COMMIT at the end of the file");
        }
    }
}
