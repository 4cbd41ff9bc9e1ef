package dev.migralint.rules.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.query.UnknownName;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;

/**
 * A query names a column (or a table) that the schema at its point of the migrations lacks, most
 * often one a later migration dropped or renamed. Core validates the query (QueryContext.queryFacts)
 * and calls a name unknown only where the schema is sure: every relation the query reads has its
 * whole history in view, and a table counts as missing only when the migrations show it going. An
 * INSERT's column list is checked from the AST against the same fully known tables.
 */
@RuleInfo(id = "unknown-column", category = Category.QUERY, severity = Severity.ERROR,
        summary = "Queries should name only tables and columns the migrations leave in the schema")
public final class UnknownColumn implements QueryRule {
    @Override
    public boolean readsQueryFacts() {
        return true;
    }

    @Override
    public void check(QueryContext ctx) {
        for (UnknownName u : ctx.queryFacts().unknownNames()) {
            UnknownName.Gone gone = u.gone();
            String what = u.kind() == UnknownName.Kind.TABLE ? "Table " + u.name()
                    : gone != null ? "Column " + gone.table() + "." + u.name()
                    : u.table() != null ? "Column " + u.table() + "." + u.name()
                    : "Column " + u.name();
            String message = gone == null
                    ? what + (u.table() != null || u.kind() == UnknownName.Kind.TABLE ? " does not exist"
                            : " is in none of the query's tables")
                    : what + " no longer exists: " + gone.migration()
                            + (gone.renamedTo() != null ? " renamed it to " + gone.renamedTo() : " dropped it");
            String help = gone != null && gone.renamedTo() != null
                    ? "Use the new name, " + gone.renamedTo() + ", or keep the old one until no query uses it"
                    : gone != null ? "Remove it from the query, or restore it in a new migration"
                    : "Check the spelling against the tables the query reads";
            ctx.report(u.range(), message).help(help);
        }
        for (Insert insert : ctx.nodes(Insert.class)) {
            insertColumns(ctx, insert);
        }
    }

    private static void insertColumns(QueryContext ctx, Insert insert) {
        if (insert.getTable() == null || insert.getColumns() == null || insert.getColumns().isEmpty()) {
            return;
        }
        Table table = InsertTargets.fullyKnown(ctx, insert).orElse(null);
        if (table == null) {
            return;
        }
        for (net.sf.jsqlparser.schema.Column c : insert.getColumns()) {
            String written = c.getColumnName();
            boolean quoted = written.length() > 1 && (written.charAt(0) == '"' || written.charAt(0) == '`');
            String column = quoted ? written.substring(1, written.length() - 1) : written;
            boolean exists = table.columns().stream().anyMatch(k -> quoted && ctx.dialect() != Dialect.MYSQL
                    ? k.name().equals(column) : k.name().equalsIgnoreCase(column));
            if (!exists) {
                ctx.report(c, "Column " + table.name().displayName() + "." + column + " does not exist")
                        .help("Check the spelling against the columns of " + table.name().displayName());
            }
        }
    }
}
