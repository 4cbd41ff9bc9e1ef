package dev.migralint.core.query;

import java.util.List;

/**
 * What validating a query against the replayed schema found: the names it uses that the schema lacks,
 * the table columns its filters, joins and sorts read, and (PostgreSQL) the expressions the server
 * rejects for their types. Empty, with {@link #validated} false, for
 * a statement that was not validated (not a query, or a construct the validator cannot read: see
 * {@link #skipReason}); such a statement gets no finding from the facts.
 */
public record QueryFacts(boolean validated, String skipReason, List<UnknownName> unknownNames,
                         List<PredicateColumn> predicateColumns, List<TypeMismatch> typeMismatches) {
    public QueryFacts {
        unknownNames = List.copyOf(unknownNames);
        predicateColumns = List.copyOf(predicateColumns);
        typeMismatches = List.copyOf(typeMismatches);
    }

    /** A statement that is not a query to validate: nothing counted. */
    public static final QueryFacts NOT_A_QUERY = new QueryFacts(false, null, List.of(), List.of(), List.of());

    static QueryFacts skipped(String reason) {
        return new QueryFacts(false, reason, List.of(), List.of(), List.of());
    }
}
