package dev.migralint.core.query;

import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Table;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/** A column reference of a validated query resolved, through its aliases and scopes, to a replayed table's column. */
record ResolvedColumn(Table table, Column column) {

    /** The column {@code id} names in {@code scope}, or null when it is not a column of a fully known table. */
    static ResolvedColumn of(SqlIdentifier id, SqlValidatorScope scope) {
        if (id.isStar() || scope == null) {
            return null;
        }
        SqlQualified q;
        try {
            q = scope.fullyQualify(id);
        } catch (RuntimeException e) {
            return null; // an output alias in ORDER BY, or a name the scope does not own
        }
        if (q == null || q.namespace == null || q.suffix().size() != 1 || q.namespace.getTable() == null) {
            return null;
        }
        CalciteCatalog.KnownTable known = q.namespace.getTable().unwrap(CalciteCatalog.KnownTable.class);
        if (known == null) {
            return null;
        }
        String name = q.suffix().get(0);
        return known.table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .map(c -> new ResolvedColumn(known.table, c)).orElse(null);
    }
}
