package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.OrderByElement;

/**
 * {@code ORDER BY random()} (PostgreSQL, SQLite), {@code RAND()} (MySQL) or {@code NEWID()} (SQL
 * Server) computes a random key for every row the query reads and sorts them all, to keep the first
 * few: the cost grows with the table, however small the LIMIT. Neither database can use an index
 * for it.
 */
@RuleInfo(id = "order-by-random", category = Category.QUERY, severity = Severity.WARNING,
        summary = "ORDER BY random() sorts every row to pick a few")
public final class OrderByRandom implements QueryRule {
    private static final Set<String> RANDOM = Set.of("random", "rand", "newid");

    @Override
    public void check(QueryContext ctx) {
        for (OrderByElement order : ctx.nodes(OrderByElement.class)) {
            if (order.getExpression() instanceof Function f && f.getName() != null
                    && RANDOM.contains(f.getName().toLowerCase(Locale.ROOT))) {
                String written = ctx.text(ctx.range(f));
                ctx.report(f, "ORDER BY " + written + " gives every row read a random key and sorts them all, "
                                + "whatever the LIMIT")
                        .help("To pick a few random rows from a large table, sample instead: in PostgreSQL "
                                + "FROM t TABLESAMPLE SYSTEM (1) or tsm_system_rows, or pick random key values "
                                + "(WHERE id >= <random value between min(id) and max(id)> ORDER BY id LIMIT n)");
            }
        }
    }
}
