package dev.migralint.rules.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;

/**
 * An INSERT whose rows do not give one value per target column is rejected by the server every time
 * it runs. With a column list the statement alone shows it; without one, the replayed table's
 * columns are the targets, where its columns and whole history are in view. PostgreSQL fills the
 * missing trailing columns with defaults when no list is given, so only too many values are an
 * error there; MySQL wants exactly one value per column either way.
 */
@RuleInfo(id = "insert-value-count", category = Category.QUERY, severity = Severity.ERROR,
        summary = "INSERT should give exactly one value per target column")
public final class InsertValueCount implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        for (Insert insert : ctx.nodes(Insert.class)) {
            if (insert.isUseSet() || insert.isOnlyDefaultValues() || insert.getSelect() == null
                    || insert.getTable() == null) {
                continue;
            }
            boolean listed = insert.getColumns() != null && !insert.getColumns().isEmpty();
            int targets = listed ? insert.getColumns().size()
                    : InsertTargets.fullyKnown(ctx, insert).map(t -> t.columns().size()).orElse(-1);
            if (targets < 0) {
                continue;
            }
            boolean fewerAllowed = !listed && ctx.dialect() != Dialect.MYSQL;
            for (Row row : rows(insert.getSelect())) {
                if (row.values > targets || row.values < targets && !fewerAllowed) {
                    String what = listed ? targets + " column" + (targets == 1 ? "" : "s") + " in its column list"
                            : "table " + ctx.text(ctx.range(insert.getTable())) + ", which has " + targets
                            + " column" + (targets == 1 ? "" : "s");
                    ctx.report(row.at == null ? insert.getTable() : row.at, "INSERT gives " + row.values
                                    + " value" + (row.values == 1 ? "" : "s") + " for " + what + ": the database "
                                    + "rejects the statement")
                            .help(listed ? "Give one value per listed column, or list the columns the values are for"
                                    : "Name the columns the values are for: INSERT INTO "
                                    + ctx.text(ctx.range(insert.getTable())) + " (col1, col2, ...) VALUES ...");
                }
            }
        }
    }

    private record Row(int values, ASTNodeAccess at) {
    }

    /** The rows the INSERT's source gives, with their value counts; a SELECT with * gives none. */
    private static List<Row> rows(Select source) {
        List<Row> rows = new ArrayList<>();
        if (source instanceof Values values) {
            ExpressionList<?> list = values.getExpressions();
            boolean multiRow = !list.isEmpty() && list.stream().allMatch(e -> e instanceof ExpressionList<?>);
            if (multiRow) {
                for (Expression e : list) {
                    rows.add(new Row(((ExpressionList<?>) e).size(), (ASTNodeAccess) e));
                }
            } else {
                rows.add(new Row(list.size(), values));
            }
        } else if (source instanceof PlainSelect plain) {
            List<SelectItem<?>> items = plain.getSelectItems();
            if (items != null && items.stream().noneMatch(i -> i.getExpression() instanceof AllColumns)) {
                rows.add(new Row(items.size(), null));
            }
        } else if (source instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            rows.addAll(rows(parenthesed.getSelect()));
        } else if (source instanceof SetOperationList union && !union.getSelects().isEmpty()) {
            rows.addAll(rows(union.getSelects().get(0)));
        }
        return rows;
    }
}
