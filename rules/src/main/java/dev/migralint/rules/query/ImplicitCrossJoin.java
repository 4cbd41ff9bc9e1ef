package dev.migralint.rules.query;

import dev.migralint.core.analysis.SelectScope;
import dev.migralint.core.analysis.SelectScope.Source;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * {@code FROM a, b} with no condition in WHERE (or a join's ON) that relates a column of one to a
 * column of the other is a Cartesian product: rows multiply, and the query usually lacks a
 * forgotten join predicate. Only tables count: a function ({@code unnest}, {@code generate_series},
 * implicitly LATERAL in PostgreSQL), a subquery, a VALUES list or a WITH query is usually a
 * deliberate one-row or small cross join. A SELECT whose conditions name a column that cannot be
 * placed (unqualified, with tables the schema does not know) is skipped rather than guessed at.
 */
@RuleInfo(id = "implicit-cross-join", category = Category.QUERY, severity = Severity.WARNING,
        summary = "Tables listed in FROM with no join condition between them multiply their rows")
public final class ImplicitCrossJoin implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        Set<String> withNames = ctx.nodes(WithItem.class).stream()
                .filter(w -> w.getAlias() != null)
                .map(w -> ObjectName.normalize(w.getAlias().getName(), ctx.dialect()))
                .collect(Collectors.toSet());
        List<Column> columns = ctx.nodes(Column.class);
        List<PlainSelect> selects = ctx.nodes(PlainSelect.class);
        for (PlainSelect select : selects) {
            if (select.getJoins() == null || select.getJoins().stream().noneMatch(Join::isSimple)) {
                continue;
            }
            List<TextRange> nested = selects.stream().filter(s -> s != select).map(ctx::range).toList();
            check(select, withNames, columns, nested, ctx);
        }
    }

    private static void check(PlainSelect select, Set<String> withNames, List<Column> columns, List<TextRange> nested,
                              QueryContext ctx) {
        SelectScope scope = SelectScope.of(select, ctx.schemaBefore(), ctx.dialect());
        List<Source> sources = scope.sources();
        int[] group = new int[sources.size()];
        for (int i = 0; i < group.length; i++) {
            Source s = sources.get(i);
            boolean table = s.item() instanceof Table t && !withNames.contains(s.table().name()) && t.getName() != null;
            boolean explicit = s.join() != null && !s.join().isSimple() && (s.join().isCross() || s.join().isNatural()
                    || (s.join().getUsingColumns() != null && !s.join().getUsingColumns().isEmpty()));
            // sources that are not plain tables, and joins written as such, join everything before them
            group[i] = i;
            if (!table || explicit) {
                for (int j = 0; j < i; j++) {
                    union(group, i, j);
                }
                if (!table) {
                    for (int j = i + 1; j < group.length; j++) {
                        union(group, i, j);
                    }
                }
            }
        }
        List<Expression> conditions = new ArrayList<>(SelectScope.conjuncts(select.getWhere()));
        for (Join j : select.getJoins()) {
            if (j.getOnExpressions() != null) {
                j.getOnExpressions().forEach(e -> conditions.addAll(SelectScope.conjuncts(e)));
            }
        }
        for (Expression condition : conditions) {
            TextRange within = ctx.range(condition);
            int first = -1;
            for (Column c : columns) {
                if (!within.contains(ctx.range(c))) {
                    continue;
                }
                boolean qualified = c.getTable() != null && c.getTable().getName() != null;
                if (!qualified && nested.stream().anyMatch(n -> within.contains(n) && n.contains(ctx.range(c)))) {
                    continue; // a subquery's own column
                }
                Optional<Source> source = scope.resolve(c);
                if (source.isEmpty()) {
                    if (!qualified && !scope.lacks(c)) {
                        return; // a column that may belong to any of them: do not guess
                    }
                    continue;
                }
                int at = sources.indexOf(source.get());
                if (first < 0) {
                    first = at;
                } else {
                    union(group, first, at);
                }
            }
        }
        for (int i = 1; i < sources.size(); i++) {
            int root = find(group, i);
            if (root != find(group, 0) && firstOfGroup(group, i)) {
                Source s = sources.get(i);
                String name = ctx.text(ctx.range(s.item()));
                String others = sources.stream().filter(o -> find(group, sources.indexOf(o)) != root)
                        .map(o -> o.qualifier() == null ? "?" : o.qualifier()).distinct()
                        .collect(Collectors.joining(", "));
                ctx.report(s.item(), name + " is listed in FROM with no condition joining it to " + others
                                + ": every row of one is paired with every row of the other")
                        .help("Write the join with its condition: JOIN " + name + " ON <its key> = <the other "
                                + "table's column>; if the cross product is intended, write CROSS JOIN " + name);
            }
        }
    }

    private static boolean firstOfGroup(int[] group, int i) {
        for (int j = 0; j < i; j++) {
            if (find(group, j) == find(group, i)) {
                return false;
            }
        }
        return true;
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            i = group[i];
        }
        return i;
    }

    private static void union(int[] group, int a, int b) {
        group[find(group, a)] = find(group, b);
    }
}
