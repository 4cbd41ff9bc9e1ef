package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;

/**
 * {@code SELECT *} and {@code t.*} in a select list. Not {@code count(*)} and not
 * {@code EXISTS (SELECT * ...)}, where the star selects nothing, nor {@code RETURNING *}. Views are
 * included on purpose: PostgreSQL and MySQL expand the star when the view is created, so the view
 * silently keeps the old column list after columns are added, and (in PostgreSQL) blocks dropping
 * the columns it captured.
 */
@RuleInfo(id = "select-star", category = Category.QUERY, severity = Severity.INFO,
        summary = "SELECT * couples the query to the table's current column list")
public final class SelectStar implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        String view = ctx.ast() instanceof CreateView v ? v.getView().getFullyQualifiedName() : null;
        Set<PlainSelect> existence = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ExistsExpression e : ctx.nodes(ExistsExpression.class)) {
            if (e.getRightExpression() instanceof ParenthesedSelect p && p.getSelect() instanceof PlainSelect ps) {
                existence.add(ps);
            }
        }
        for (PlainSelect select : ctx.nodes(PlainSelect.class)) {
            if (existence.contains(select)) {
                continue;
            }
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression e = item.getExpression();
                if (!(e instanceof AllColumns) && !(e instanceof AllTableColumns)) {
                    continue;
                }
                String star = ctx.text(ctx.range(e));
                String message = view != null
                        ? star + " in view " + view + " is expanded once, when the view is created: columns added "
                                + "later will not appear in it"
                        : star + " selects every column, so the result changes whenever the table's columns change";
                ctx.report(e, message).help("List the columns the query needs by name");
            }
        }
    }
}
