package dev.migralint.rules.query;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Column;
import java.util.stream.Collectors;
import net.sf.jsqlparser.statement.insert.Insert;

/**
 * {@code INSERT INTO t VALUES (...)} or {@code INSERT INTO t SELECT ...} without a column list binds
 * values to columns by position: adding, dropping or reordering a column (a dump and restore, a
 * table rebuilt by another tool) makes the statement fail or, worse, put values in the wrong
 * columns. A table created earlier in the same migration is exempt: its column order is the one
 * written just above, and seed rows after a CREATE TABLE are routinely written this way. MySQL's
 * {@code INSERT ... SET a = 1} and {@code DEFAULT VALUES} name no columns by position and are fine.
 */
@RuleInfo(id = "insert-without-columns", category = Category.QUERY, severity = Severity.WARNING,
        summary = "INSERT without a column list depends on the table's column order")
public final class InsertWithoutColumns implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        for (Insert insert : ctx.nodes(Insert.class)) {
            boolean positional = insert.getSelect() != null && (insert.getColumns() == null || insert.getColumns().isEmpty());
            if (!positional || insert.isUseSet() || insert.isOnlyDefaultValues() || insert.getTable() == null) {
                continue;
            }
            ObjectName table = ObjectName.parse(insert.getTable().getFullyQualifiedName(), ctx.dialect());
            if (ctx.facts().createdInThisMigration(table)) {
                continue;
            }
            String columns = ctx.schemaBefore().table(table)
                    .map(t -> t.columns().stream().filter(c -> c.generated() == null).map(Column::displayName)
                            .collect(Collectors.joining(", ")))
                    .orElse("");
            ctx.report(insert.getTable(), "INSERT INTO " + ctx.text(ctx.range(insert.getTable()))
                            + " has no column list, so its values go to the table's columns by position")
                    .help("Name the columns: INSERT INTO " + ctx.text(ctx.range(insert.getTable())) + " ("
                            + (columns.isEmpty() ? "col1, col2, ..." : columns) + ") ...");
        }
    }
}
