package dev.migralint.rules.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.query.TypeMismatch;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;

/**
 * A query compares, computes or calls a function with a column of a type PostgreSQL rejects there
 * ({@code id = 'abc'}, {@code active = 1}, {@code name + 1}, {@code lower(total)}). Core finds them
 * while validating the query (QueryContext.queryFacts), only where the column's replayed type and the
 * other side are certain. PostgreSQL only: MySQL converts between these types instead of failing.
 */
@RuleInfo(id = "query-type-mismatch", category = Category.QUERY, severity = Severity.ERROR,
        dialects = Dialect.POSTGRESQL,
        summary = "Queries should compare and compute with values of the column's type")
public final class QueryTypeMismatch implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        for (TypeMismatch m : ctx.queryFacts().typeMismatches()) {
            ctx.report(m.range(), m.problem() + " fails in PostgreSQL: " + m.error()).help(m.help());
        }
    }
}
