package dev.migralint.rules.query;

import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.source.TextRange;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;

/**
 * {@code x = NULL}, {@code x <> NULL} and {@code x != NULL} yield NULL, never true, so a WHERE with
 * them matches no row. Assignments ({@code UPDATE ... SET x = NULL}, MySQL's ON DUPLICATE KEY
 * UPDATE, {@code SET var = NULL}) and routine parameter defaults are not comparisons in the AST, so
 * they are not seen here.
 */
@RuleInfo(id = "null-comparison", category = Category.QUERY, severity = Severity.ERROR,
        summary = "Comparing with = NULL or <> NULL is never true; use IS NULL or IS NOT NULL")
public final class NullComparison implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        for (ComparisonOperator c : ctx.nodes(ComparisonOperator.class)) {
            if (!(c instanceof EqualsTo) && !(c instanceof NotEqualsTo)) {
                continue;
            }
            boolean nullRight = c.getRightExpression() instanceof NullValue;
            if (!nullRight && !(c.getLeftExpression() instanceof NullValue)) {
                continue;
            }
            TextRange operator = ctx.operator(c);
            TextRange range = nullRight ? operator.union(ctx.range(c.getRightExpression()))
                    : ctx.range(c.getLeftExpression()).union(operator);
            String written = ctx.text(range);
            String operand = operandText(nullRight ? c.getLeftExpression() : c.getRightExpression(), ctx);
            String comparison = operand.isEmpty() ? written : nullRight ? operand + " " + written : written + " " + operand;
            String test = c instanceof EqualsTo ? "IS NULL" : "IS NOT NULL";
            FindingBuilder finding = ctx.report(range, comparison + " is never true: any comparison with NULL yields NULL")
                    .help("Use " + (operand.isEmpty() ? "" : operand + " ") + test);
            if (nullRight) {
                finding.fix(new Fix("Replace " + written + " with " + test, List.of(new Fix.Edit(range, test))));
            }
        }
    }

    /** A column operand as written; other operands are not repeated in the message. */
    private static String operandText(Expression operand, QueryContext ctx) {
        return operand instanceof Column column ? ctx.text(ctx.range(column)) : "";
    }
}
