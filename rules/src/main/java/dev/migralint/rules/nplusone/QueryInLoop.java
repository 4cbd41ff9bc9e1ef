package dev.migralint.rules.nplusone;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.LoopQueries;
import dev.migralint.core.analysis.LoopQueries.Loop;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;

/**
 * A PL/pgSQL loop (in a DO block, function or procedure) whose body runs a query on each iteration:
 * over the rows of a query, the elements of an array, a range of integers, or rows fetched from a
 * cursor one at a time. Each iteration is a separate statement with its own planning and executor
 * start-up, the N+1 pattern inside the database. A WHILE or bare LOOP that fetches no rows is left
 * alone: that is how large changes are batched (DELETE ... LIMIT until nothing is left), on purpose;
 * so is a loop over catalog objects (tables, sequences), which has no set-based equivalent.
 */
@RuleInfo(id = "query-in-loop", category = Category.N_PLUS_ONE, severity = Severity.WARNING,
        summary = "A PL/pgSQL loop that runs a query on each iteration", dialects = Dialect.POSTGRESQL)
public final class QueryInLoop implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (Loop loop : LoopQueries.in(ctx.file(), ctx.statementRange(), ctx.dialect())) {
            String over = switch (loop.kind()) {
                case QUERY_ROWS -> "FOR loop over a query's rows";
                case ARRAY_ELEMENTS -> "FOREACH loop over an array";
                case INTEGER_RANGE -> "FOR loop over an integer range";
                case CURSOR_FETCH -> "Loop fetching one cursor row at a time";
                case CONDITION, CATALOG_OBJECTS -> null;
            };
            if (over == null) {
                continue;
            }
            ctx.report(loop.header(), over + " runs " + loop.verb() + " on every iteration, one statement per "
                            + (loop.kind() == LoopQueries.Kind.ARRAY_ELEMENTS ? "element" : "row"))
                    .related(loop.query(), "the " + loop.verb() + " that runs per iteration")
                    .help("Do the work in one set-based statement: join the loop's source into the query "
                            + "(UPDATE ... FROM (SELECT ...) s WHERE ..., INSERT ... SELECT ..., "
                            + "DELETE ... WHERE id IN (SELECT ...), or = ANY(array) / unnest(array) for an array)");
        }
    }
}
