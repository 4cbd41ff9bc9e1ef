package dev.migralint.core.query;

import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Table;
import dev.migralint.core.source.TextRange;
import java.util.Optional;

/**
 * A column of a replayed table that a query filters, joins or sorts on, resolved through the query's
 * aliases and scopes. {@code range} is where the column reference is written. {@code wrapper} is the
 * function call or cast applied directly to the column (as written), with {@code wrapperRange}; both
 * null when the column is compared as it is.
 */
public record PredicateColumn(Table table, String column, Clause clause, TextRange range, String wrapper,
                              TextRange wrapperRange) {
    public enum Clause { WHERE, JOIN, ORDER_BY }

    /** An index of the table whose first key is the column, a full one before a partial one; empty when none. */
    public Optional<Index> leadingIndex() {
        Index partial = null;
        for (Index i : table.indexes()) {
            if (!i.keys().isEmpty() && column.equals(i.keys().get(0).column())) {
                if (i.predicate() == null) {
                    return Optional.of(i);
                }
                partial = partial == null ? i : partial;
            }
        }
        return Optional.ofNullable(partial);
    }
}
