package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Whether a SELECT obviously returns at most one row: LIMIT 1, or a WHERE whose AND-ed equalities
 * pin every column of the read table's primary key, or of one of its unique keys or unique indexes,
 * to a parameter or a literal. When the schema does not know the table, a pinned column named
 * {@code id} counts as its key.
 */
public final class SingleRow {
    private SingleRow() {
    }

    public static boolean of(Statement statement, Schema schema, Dialect dialect) {
        return statement instanceof PlainSelect select && of(select, schema, dialect);
    }

    public static boolean of(PlainSelect select, Schema schema, Dialect dialect) {
        if (select.getFromItem() == null) {
            return false;
        }
        if (select.getLimit() != null && select.getLimit().getRowCount() instanceof LongValue n && n.getValue() <= 1) {
            return true;
        }
        SelectScope scope = SelectScope.of(select, schema, dialect);
        SelectScope.Source base = scope.sources().get(0);
        if (base.table() == null) {
            return false;
        }
        Set<String> pinned = new HashSet<>();
        for (Expression e : SelectScope.conjuncts(select.getWhere())) {
            if (e instanceof EqualsTo eq) {
                pin(eq.getLeftExpression(), eq.getRightExpression(), base, scope, pinned);
                pin(eq.getRightExpression(), eq.getLeftExpression(), base, scope, pinned);
            }
        }
        if (base.schemaTable().isEmpty()) {
            return pinned.contains("id");
        }
        Table t = base.schemaTable().get();
        List<List<String>> keys = new ArrayList<>();
        if (t.primaryKey() != null) {
            keys.add(t.primaryKey().columns());
        }
        t.uniques().forEach(u -> keys.add(u.columns()));
        for (Index i : t.indexes()) {
            if (i.unique() && i.predicate() == null && i.keys().stream().allMatch(k -> k.column() != null)) {
                keys.add(i.keys().stream().map(IndexColumn::column).toList());
            }
        }
        return keys.stream().anyMatch(k -> !k.isEmpty()
                && k.stream().allMatch(c -> pinned.contains(c.toLowerCase(Locale.ROOT))));
    }

    private static void pin(Expression column, Expression value, SelectScope.Source base, SelectScope scope,
                            Set<String> pinned) {
        boolean constant = value instanceof JdbcParameter || value instanceof LongValue || value instanceof StringValue;
        if (constant && column instanceof Column c && scope.resolve(c).filter(s -> s == base).isPresent()) {
            pinned.add(scope.columnName(c).toLowerCase(Locale.ROOT));
        }
    }
}
