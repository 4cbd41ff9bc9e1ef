package dev.migralint.rules.query;

import dev.migralint.core.analysis.SelectScope;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * {@code x NOT IN (SELECT c ...)} is NULL, not true, for every x as soon as one c is NULL, so the
 * query silently returns nothing. The subquery's column is safe when the replayed schema says it is
 * NOT NULL (a primary key column is) and no outer join can pad it with NULL, or when the subquery
 * filters {@code c IS NOT NULL}; a literal or COALESCE is safe too. A column whose table the schema
 * does not know, or any other expression, may be NULL, and is reported.
 */
@RuleInfo(id = "not-in-subquery", category = Category.QUERY, severity = Severity.WARNING,
        summary = "NOT IN over a subquery whose column can be NULL matches no row once the subquery yields a NULL")
public final class NotInSubquery implements QueryRule {
    private static final Set<String> NEVER_NULL = Set.of("coalesce", "ifnull", "nvl", "count");

    @Override
    public void check(QueryContext ctx) {
        for (InExpression in : ctx.nodes(InExpression.class)) {
            if (!in.isNot() || !(in.getRightExpression() instanceof ParenthesedSelect sub)
                    || !(sub.getSelect() instanceof PlainSelect select) || select.getSelectItems().size() != 1) {
                continue;
            }
            Expression item = select.getSelectItems().get(0).getExpression();
            Optional<String> why = nullable(item, select, ctx);
            if (why.isEmpty()) {
                continue;
            }
            String itemText = ctx.text(ctx.range(item));
            ctx.report(in, "NOT IN over a subquery whose " + itemText + " " + why.get()
                            + ": one NULL there makes the condition NULL for every row, and the query returns nothing")
                    .help("Use NOT EXISTS (SELECT 1 FROM ... WHERE <that column> = <the outer value>), or add "
                            + "WHERE " + itemText + " IS NOT NULL to the subquery");
        }
    }

    /** Why the select item may be NULL, or empty when it cannot be. */
    private static Optional<String> nullable(Expression item, PlainSelect select, QueryContext ctx) {
        if (item instanceof LongValue || item instanceof StringValue || item instanceof DoubleValue) {
            return Optional.empty();
        }
        if (item instanceof Function f && f.getName() != null
                && NEVER_NULL.contains(f.getName().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        boolean groupedExtreme = item instanceof Function f && f.getName() != null
                && Set.of("max", "min").contains(f.getName().toLowerCase(Locale.ROOT))
                && select.getGroupBy() != null && f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().get(0) instanceof Column;
        if (groupedExtreme) {
            // per group, MAX(c) is NULL only when every c of the group is: as nullable as c, and only
            // reported when the schema shows c nullable (it is usually a key)
            Column c = (Column) ((Function) item).getParameters().get(0);
            return nullable(c, select, ctx).filter(why -> !why.contains("unknown"));
        }
        if (!(item instanceof Column column)) {
            return Optional.of("value can be NULL");
        }
        if (filteredNotNull(select.getWhere(), column)) {
            return Optional.empty();
        }
        SelectScope scope = SelectScope.of(select, ctx.schemaBefore(), ctx.dialect());
        Optional<SelectScope.Source> source = scope.resolve(column);
        if (source.isEmpty() || !source.get().known()) {
            return Optional.of("column's nullability is unknown (its table is not in the replayed schema)");
        }
        if (source.get().nullable()) {
            return Optional.of("column comes from the outer side of a join and can be NULL");
        }
        String name = scope.columnName(column);
        boolean notNull = source.get().schemaTable().flatMap(t -> t.column(name))
                .map(c -> c.notNull()).orElse(false)
                || source.get().schemaTable().map(t -> t.primaryKey() != null && t.primaryKey().columns().contains(name))
                .orElse(false);
        return notNull ? Optional.empty() : Optional.of("column is nullable");
    }

    /** True when {@code where} is, or ANDs in, {@code column IS NOT NULL}. */
    private static boolean filteredNotNull(Expression where, Column column) {
        if (where instanceof AndExpression and) {
            return filteredNotNull(and.getLeftExpression(), column) || filteredNotNull(and.getRightExpression(), column);
        }
        return where instanceof IsNullExpression isNull && isNull.isNot() && isNull.getLeftExpression() instanceof Column c
                && c.getColumnName().equalsIgnoreCase(column.getColumnName());
    }
}
