package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The relations one SELECT reads in its FROM clause (joins included), the names that qualify their
 * columns, and the replayed table behind each, so a rule can tell which relation a column belongs to.
 */
public final class SelectScope {
    /**
     * One relation of the FROM clause. {@code table} is null for a subquery, function or VALUES list
     * (and {@code schemaTable} empty when the schema does not know it); {@code nullable} when an outer
     * join can fill its columns with NULL; {@code join} is null for the first FROM item.
     */
    public record Source(FromItem item, Join join, String qualifier, ObjectName table, Optional<Table> schemaTable,
                         boolean nullable) {
        /** True when the schema knows this relation's columns. */
        public boolean known() {
            return schemaTable.isPresent();
        }

        public boolean hasColumn(String name) {
            return schemaTable.flatMap(t -> t.column(name)).isPresent();
        }
    }

    private final List<Source> sources;
    private final Dialect dialect;

    private SelectScope(List<Source> sources, Dialect dialect) {
        this.sources = List.copyOf(sources);
        this.dialect = dialect;
    }

    public static SelectScope of(PlainSelect select, Schema schema, Dialect dialect) {
        List<Source> sources = new ArrayList<>();
        if (select.getFromItem() != null) {
            add(select.getFromItem(), null, false, schema, dialect, sources);
        }
        if (select.getJoins() != null) {
            for (Join j : select.getJoins()) {
                boolean outer = j.isLeft() || j.isFull() || (j.isOuter() && !j.isRight());
                if (j.isRight() || j.isFull()) {
                    // the relations already joined are on the side a RIGHT or FULL join pads with NULL
                    sources.replaceAll(s -> new Source(s.item(), s.join(), s.qualifier(), s.table(), s.schemaTable(), true));
                }
                add(j.getRightItem(), j, outer, schema, dialect, sources);
            }
        }
        return new SelectScope(sources, dialect);
    }

    private static void add(FromItem item, Join join, boolean nullable, Schema schema, Dialect dialect,
                            List<Source> sources) {
        if (item instanceof ParenthesedFromItem p) {
            // (a JOIN b) as one FROM item: its relations count as this scope's
            add(p.getFromItem(), join, nullable, schema, dialect, sources);
            if (p.getJoins() != null) {
                for (Join j : p.getJoins()) {
                    add(j.getRightItem(), join, nullable || j.isLeft() || j.isFull(), schema, dialect, sources);
                }
            }
            return;
        }
        ObjectName table = item instanceof net.sf.jsqlparser.schema.Table t
                ? ObjectName.parse(t.getFullyQualifiedName(), dialect) : null;
        String qualifier = item.getAlias() != null && item.getAlias().getName() != null
                ? ObjectName.normalize(item.getAlias().getName(), dialect)
                : table != null ? table.name() : null;
        Optional<Table> schemaTable = table == null ? Optional.empty() : schema.relation(table);
        sources.add(new Source(item, join, qualifier, table, schemaTable, nullable));
    }

    public List<Source> sources() {
        return sources;
    }

    /** The source a qualifier ({@code o} in {@code o.id}) names: its alias, or its table's name. */
    public Optional<Source> qualified(String qualifier) {
        String q = ObjectName.normalize(qualifier, dialect);
        return sources.stream().filter(s -> q.equals(s.qualifier())).findFirst();
    }

    /**
     * The source {@code column} belongs to: the one its qualifier names; for an unqualified column the
     * only source, or the only one whose replayed table has it. Empty when that cannot be told.
     */
    public Optional<Source> resolve(Column column) {
        if (column.getTable() != null && column.getTable().getName() != null) {
            return qualified(column.getTable().getName());
        }
        if (sources.size() == 1) {
            return Optional.of(sources.get(0));
        }
        if (sources.stream().anyMatch(s -> !s.known())) {
            return Optional.empty();
        }
        String name = columnName(column);
        List<Source> having = sources.stream().filter(s -> s.hasColumn(name)).toList();
        return having.size() == 1 ? Optional.of(having.get(0)) : Optional.empty();
    }

    /** True when an unqualified {@code column} cannot belong to any of these sources, by the schema. */
    public boolean lacks(Column column) {
        String name = columnName(column);
        return !sources.isEmpty() && sources.stream().allMatch(s -> s.known() && !s.hasColumn(name));
    }

    /** The AND-ed terms of a condition ({@code a AND (b AND c)} gives a, b, c); empty for null. */
    public static List<Expression> conjuncts(Expression condition) {
        List<Expression> out = new ArrayList<>();
        addConjuncts(condition, out);
        return out;
    }

    private static void addConjuncts(Expression e, List<Expression> out) {
        if (e instanceof AndExpression and) {
            addConjuncts(and.getLeftExpression(), out);
            addConjuncts(and.getRightExpression(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    /** The column's own name, normalized. */
    public String columnName(Column column) {
        return ObjectName.normalize(column.getColumnName(), dialect);
    }
}
