package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.query.PredicateColumn;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table that a query filters or joins on, where no filtered column is the leading column of any of
 * its indexes (primary keys and unique constraints count): the database reads the whole table. One
 * served column is enough for the table to be reached through an index, so a table is reported only
 * when none is; a sort (ORDER BY) counts only for a table the query does not filter at all.
 */
@RuleInfo(id = "unindexed-predicate", category = Category.QUERY, severity = Severity.INFO,
        summary = "Filters and joins should read columns some index leads with")
public final class UnindexedPredicate implements QueryRule {
    @Override
    public boolean readsQueryFacts() {
        return true;
    }

    @Override
    public void check(QueryContext ctx) {
        Map<Table, List<PredicateColumn>> filters = new LinkedHashMap<>();
        Map<Table, List<PredicateColumn>> sorts = new LinkedHashMap<>();
        for (PredicateColumn c : ctx.queryFacts().predicateColumns()) {
            (c.clause() == PredicateColumn.Clause.ORDER_BY ? sorts : filters)
                    .computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c);
        }
        sorts.keySet().removeAll(filters.keySet());
        report(ctx, filters, "filters on");
        report(ctx, sorts, "sorts by");
    }

    private static void report(QueryContext ctx, Map<Table, List<PredicateColumn>> byTable, String verb) {
        for (Map.Entry<Table, List<PredicateColumn>> e : byTable.entrySet()) {
            Table table = e.getKey();
            if (e.getValue().stream().anyMatch(c -> c.leadingIndex().isPresent())) {
                continue;
            }
            List<String> columns = e.getValue().stream().map(PredicateColumn::column).distinct().toList();
            PredicateColumn first = e.getValue().get(0);
            ctx.report(first.range(), "No index of " + table.name().displayName() + " leads with "
                            + String.join(" or ", ObjectLabels.columnNames(table, columns)) + ", which the query " + verb)
                    .help("If the table is large and this query runs often, index it: CREATE INDEX ON "
                            + table.name().displayName() + " (" + ObjectLabels.columnName(table, first.column()) + ");");
        }
    }
}
