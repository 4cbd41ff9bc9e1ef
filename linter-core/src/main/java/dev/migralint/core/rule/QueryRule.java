package dev.migralint.core.rule;

/**
 * Reads the query AST of a statement: called only for statements JSqlParser parsed (queries, DML
 * and DDL alike), never for ones only recognized or not understood at all. The rule finds nodes
 * with {@link QueryContext#nodes} and reports at {@link QueryContext#range} of a node.
 */
public interface QueryRule extends Rule {
    void check(QueryContext ctx);
}
