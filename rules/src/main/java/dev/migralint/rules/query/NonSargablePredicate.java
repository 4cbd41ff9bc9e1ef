package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.query.PredicateColumn;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Index;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.rules.ObjectLabels;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A filter or join that applies a function or cast to a column some index leads with
 * ({@code lower(email) = ?}, {@code created_at::date = ?}): a B-tree index on the column orders its
 * values, not the function's results, so it cannot serve the comparison. Silent when the table has an
 * expression index on that function of the column, which is the fix.
 */
@RuleInfo(id = "non-sargable-predicate", category = Category.QUERY, severity = Severity.INFO,
        summary = "A function or cast on an indexed column keeps the index from serving the filter")
public final class NonSargablePredicate implements QueryRule {
    @Override
    public boolean readsQueryFacts() {
        return true;
    }

    @Override
    public void check(QueryContext ctx) {
        for (PredicateColumn c : ctx.queryFacts().predicateColumns()) {
            if (c.wrapper() == null || c.clause() == PredicateColumn.Clause.ORDER_BY) {
                continue;
            }
            Index index = c.leadingIndex().orElse(null);
            // Only a B-tree orders the column's values; a GIN or hash index never served a range or a sort.
            if (index == null || !"btree".equals(index.method()) || hasExpressionIndex(c)) {
                continue;
            }
            ctx.report(c.wrapperRange(), c.wrapper() + " hides " + c.table().name().displayName() + "."
                            + ObjectLabels.columnName(c.table(), c.column())
                            + " from its index " + index.displayName())
                    .help("Compare the column itself (move the function to the other side, or use a range), or index"
                            + " the expression: CREATE INDEX ON " + c.table().name().displayName() + " (("
                            + unqualified(c.wrapper(), c.column()) + "));");
        }
    }

    /** The expression without the alias before the column, as an index definition writes it. */
    private static String unqualified(String expression, String column) {
        return expression.replaceAll("(?i)[\\w\"]+\\.(?=\"?" + Pattern.quote(column) + "\\b)", "");
    }

    /** An expression key that mentions the column: such an index is made for some function of it. */
    private static boolean hasExpressionIndex(PredicateColumn c) {
        String column = c.column().toLowerCase(Locale.ROOT);
        for (Index i : c.table().indexes()) {
            for (IndexColumn k : i.keys()) {
                if (k.column() == null && k.expression() != null
                        && k.expression().toLowerCase(Locale.ROOT).matches("(?s).*\\b" + Pattern.quote(column) + "\\b.*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
