package dev.migralint.rules.nplusone;

import dev.migralint.core.analysis.SelectScope;
import dev.migralint.core.analysis.SingleRow;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.source.TextRange;
import java.util.List;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A subquery in the select list that refers to a table of the outer query is run again for every
 * row the outer query returns (a SubPlan in PostgreSQL's plan, a DEPENDENT SUBQUERY in MySQL's):
 * the N+1 pattern inside one statement. A column belongs to the outer query when its qualifier names
 * an outer table and no table of the subquery, or, unqualified, when the schema shows that none of
 * the subquery's tables has it and an outer one does. A query that obviously returns one row (its
 * WHERE pins a primary or unique key, or LIMIT 1) runs the subquery once and is not reported.
 */
@RuleInfo(id = "correlated-subquery-in-select", category = Category.N_PLUS_ONE, severity = Severity.INFO,
        summary = "A correlated subquery in the select list runs once per output row")
public final class CorrelatedSubqueryInSelect implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        List<ParenthesedSelect> subqueries = ctx.nodes(ParenthesedSelect.class);
        List<PlainSelect> selects = ctx.nodes(PlainSelect.class);
        List<Column> columns = ctx.nodes(Column.class);
        for (PlainSelect outer : selects) {
            if (outer.getFromItem() == null || SingleRow.of(outer, ctx.schemaBefore(), ctx.dialect())) {
                continue; // on one row the subquery runs once
            }
            SelectScope outerScope = SelectScope.of(outer, ctx.schemaBefore(), ctx.dialect());
            for (SelectItem<?> item : outer.getSelectItems()) {
                TextRange itemRange = ctx.range(item);
                List<TextRange> inItem = subqueries.stream().map(ctx::range)
                        .filter(itemRange::contains)
                        .toList();
                for (TextRange sub : inItem) {
                    if (inItem.stream().anyMatch(o -> !o.equals(sub) && o.contains(sub))) {
                        continue; // reported with the subquery around it
                    }
                    Column outerColumn = outerReference(sub, outerScope, selects, columns, ctx);
                    if (outerColumn != null) {
                        ctx.report(sub, "Subquery in the select list refers to " + ctx.text(ctx.range(outerColumn))
                                        + " of the outer query, so it runs once for every row returned")
                                .help("Compute it once for all rows with a join: LEFT JOIN (SELECT <key>, <value> "
                                        + "FROM ... GROUP BY <key>) s ON s.<key> = <outer key>, or LEFT JOIN LATERAL "
                                        + "in PostgreSQL; or load the related rows in one separate query");
                    }
                }
            }
        }
    }

    /** The first column in {@code sub} that belongs to the outer query, or null. */
    private static Column outerReference(TextRange sub, SelectScope outer, List<PlainSelect> selects,
                                         List<Column> columns, QueryContext ctx) {
        List<SelectScope> inner = selects.stream().filter(s -> sub.contains(ctx.range(s)))
                .map(s -> SelectScope.of(s, ctx.schemaBefore(), ctx.dialect())).toList();
        for (Column c : columns) {
            if (!sub.contains(ctx.range(c))) {
                continue;
            }
            if (c.getTable() != null && c.getTable().getName() != null) {
                String q = c.getTable().getName();
                if (inner.stream().allMatch(s -> s.qualified(q).isEmpty()) && outer.qualified(q).isPresent()) {
                    return c;
                }
            } else if (!inner.isEmpty() && inner.stream().allMatch(s -> s.lacks(c))
                    && outer.resolve(c).map(s -> s.hasColumn(outer.columnName(c))).orElse(false)) {
                return c;
            }
        }
        return null;
    }
}
