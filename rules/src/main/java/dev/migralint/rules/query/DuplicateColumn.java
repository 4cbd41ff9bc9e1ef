package dev.migralint.rules.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.source.TextRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * A column named twice where the database takes each column once fails the statement every time it
 * runs: an INSERT column list (PostgreSQL: "column specified more than once"; MySQL: "Column
 * specified twice"), a PostgreSQL UPDATE SET, ON CONFLICT DO UPDATE or MERGE ("multiple assignments
 * to same column"), the columns of a CREATE TABLE, and the output names of a view, CREATE TABLE AS
 * or SELECT INTO. MySQL runs a single-table UPDATE's assignments left to right and accepts a repeated
 * column there, so its UPDATEs are not checked. PostgreSQL combines assignments to different fields
 * or elements of one column ({@code a.x = 1, a.y = 2}), so only a whole-column assignment conflicts.
 */
@RuleInfo(id = "duplicate-column", category = Category.QUERY, severity = Severity.ERROR,
        summary = "A statement should not name the same column twice where the database takes each column once")
public final class DuplicateColumn implements QueryRule {
    /** PostgreSQL truncates identifiers to NAMEDATALEN - 1 bytes. */
    private static final int PG_NAME_BYTES = 63;

    /** One place a column is named: its normalized name, whether it sets only a part of it, and where. */
    private record Target(String column, String shown, boolean partial, TextRange at) {
    }

    @Override
    public void check(QueryContext ctx) {
        boolean mysql = ctx.dialect() == Dialect.MYSQL;
        for (Insert insert : ctx.nodes(Insert.class)) {
            if (insert.getColumns() != null) {
                report(ctx, "INSERT", columns(ctx, insert.getColumns()));
            }
            if (mysql && insert.getSetUpdateSets() != null) {
                report(ctx, "INSERT", assignments(ctx, insert.getSetUpdateSets()));
            }
            if (!mysql && insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
                report(ctx, "ON CONFLICT DO UPDATE", assignments(ctx, insert.getConflictAction().getUpdateSets()));
            }
        }
        for (Merge merge : ctx.nodes(Merge.class)) {
            for (MergeOperation op : merge.getOperations() == null ? List.<MergeOperation>of() : merge.getOperations()) {
                if (op instanceof MergeInsert mi && mi.getColumns() != null) {
                    report(ctx, "MERGE INSERT", columns(ctx, mi.getColumns()));
                } else if (op instanceof MergeUpdate mu && !mysql && mu.getUpdateSets() != null) {
                    report(ctx, "MERGE UPDATE", assignments(ctx, mu.getUpdateSets()));
                }
            }
        }
        if (!mysql) {
            for (Update update : ctx.nodes(Update.class)) {
                if (update.getUpdateSets() != null) {
                    report(ctx, "UPDATE", assignments(ctx, update.getUpdateSets()));
                }
            }
        }
        for (CreateTable create : ctx.nodes(CreateTable.class)) {
            if (create.getColumnDefinitions() != null) {
                report(ctx, "CREATE TABLE", definitions(ctx, create.getColumnDefinitions()));
            } else if (create.getSelect() != null && create.getColumns() == null) {
                report(ctx, "CREATE TABLE AS", outputs(ctx, create.getSelect(), List.of()));
            }
        }
        for (CreateView view : ctx.nodes(CreateView.class)) {
            List<Target> listed = view.getColumnNames() == null ? List.of() : columns(ctx, view.getColumnNames());
            report(ctx, "CREATE VIEW", outputs(ctx, view.getSelect(), listed));
        }
        if (!mysql) {
            for (PlainSelect select : ctx.nodes(PlainSelect.class)) {
                if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
                    report(ctx, "SELECT INTO", outputs(ctx, select, List.of()));
                }
            }
        }
    }

    private static void report(QueryContext ctx, String where, List<Target> targets) {
        Map<String, Target> first = new HashMap<>();
        for (Target t : targets) {
            Target earlier = first.putIfAbsent(t.column(), t);
            if (earlier == null || earlier.partial() && t.partial()) {
                continue;
            }
            ctx.report(t.at(), where + " names column " + t.shown() + " twice: the database rejects the statement")
                    .help("Name each column once: remove or rename one of the two, keeping the value you meant");
        }
    }

    /** A column list: PostgreSQL reads {@code a.x} as field x of column a, MySQL as column x of table a. */
    private static List<Target> columns(QueryContext ctx, List<Column> list) {
        List<Target> out = new ArrayList<>();
        for (Column c : list) {
            out.add(target(ctx, c));
        }
        return out;
    }

    private static List<Target> assignments(QueryContext ctx, List<UpdateSet> sets) {
        List<Target> out = new ArrayList<>();
        for (UpdateSet set : sets) {
            if (set.getColumns() != null) {
                out.addAll(columns(ctx, set.getColumns()));
            }
        }
        return out;
    }

    private static Target target(QueryContext ctx, Column c) {
        boolean mysql = ctx.dialect() == Dialect.MYSQL;
        String base = c.getColumnName();
        boolean partial = false;
        if (!mysql && c.getTable() != null && c.getTable().getName() != null) {
            base = c.getTable().getSchemaName() != null ? c.getTable().getSchemaName() : c.getTable().getName();
            partial = true;
        }
        partial |= !mysql && c.getArrayConstructor() != null;
        return new Target(name(ctx, base), base, partial, ctx.range(c));
    }

    private static List<Target> definitions(QueryContext ctx, List<ColumnDefinition> defs) {
        List<Target> out = new ArrayList<>();
        for (ColumnDefinition d : defs) {
            // A column definition is not an AST node the engine can place: the finding marks the statement.
            out.add(new Target(name(ctx, d.getColumnName()), d.getColumnName(), false, ctx.statementRange()));
        }
        return out;
    }

    /**
     * The columns a query gives a view or new table: the listed names first, then each remaining item's
     * alias or, without one, the name the database infers (a column's name; in PostgreSQL also
     * {@code ?column?} for a constant and the function's name for a call). Items whose inferred name
     * is not certain are left out.
     */
    private static List<Target> outputs(QueryContext ctx, Select select, List<Target> listed) {
        PlainSelect plain = first(select);
        if (plain == null || plain.getSelectItems() == null) {
            return listed;
        }
        List<Target> out = new ArrayList<>(listed);
        List<SelectItem<?>> items = plain.getSelectItems();
        for (int i = listed.size(); i < items.size(); i++) {
            SelectItem<?> item = items.get(i);
            String inferred = item.getAlias() != null ? item.getAlias().getName() : inferredName(ctx, item.getExpression());
            if (inferred != null) {
                out.add(new Target(name(ctx, inferred), inferred, false, ctx.range(item)));
            }
        }
        return out;
    }

    private static PlainSelect first(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        } else if (select instanceof ParenthesedSelect p && p.getSelect() != null) {
            return first(p.getSelect());
        } else if (select instanceof SetOperationList union && !union.getSelects().isEmpty()) {
            return first(union.getSelects().get(0));
        }
        return null;
    }

    private static String inferredName(QueryContext ctx, Expression e) {
        if (e instanceof Column c) {
            return c.getColumnName();
        }
        if (ctx.dialect() == Dialect.MYSQL) {
            return null;
        }
        if (e instanceof LongValue || e instanceof StringValue) {
            return "\"?column?\"";
        }
        if (e instanceof Function f && f.getName() != null) {
            String n = f.getName();
            return n.substring(n.lastIndexOf('.') + 1);
        }
        return null;
    }

    /** A name as the database compares it: folded and unquoted; MySQL's column names ignore case. */
    private static String name(QueryContext ctx, String raw) {
        String n = ObjectName.normalize(raw, ctx.dialect());
        if (ctx.dialect() == Dialect.MYSQL) {
            return n.toLowerCase(Locale.ROOT);
        }
        byte[] bytes = n.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= PG_NAME_BYTES) {
            return n;
        }
        int len = PG_NAME_BYTES;
        while (len > 0 && (bytes[len] & 0xC0) == 0x80) {
            len--; // never cut a multi-byte character
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
}
