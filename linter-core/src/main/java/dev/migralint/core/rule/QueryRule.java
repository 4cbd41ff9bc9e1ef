package dev.migralint.core.rule;

/**
 * Reads the query AST of a statement: called only for statements JSqlParser parsed (queries, DML
 * and DDL alike), never for ones only recognized or not understood at all. The rule finds nodes
 * with {@link QueryContext#nodes} and reports at {@link QueryContext#range} of a node.
 */
public interface QueryRule extends Rule {
    void check(QueryContext ctx);

    /**
     * True for a rule that reads {@link QueryContext#queryFacts}: when one is on, the engine starts the
     * query validator (Apache Calcite, about a second of class loading) on a reading thread as soon
     * as a script with a query is read, so the replay does not wait for it.
     */
    default boolean readsQueryFacts() {
        return false;
    }
}
