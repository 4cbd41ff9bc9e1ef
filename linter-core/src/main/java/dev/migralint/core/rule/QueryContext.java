package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.query.QueryFacts;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.TextRange;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.statement.Statement;

/** What a {@link QueryRule} sees of a parsed statement: its AST, where its nodes are written, and how it reports. */
public interface QueryContext {
    /** The statement as JSqlParser read it. */
    Statement ast();

    /**
     * Every node of {@code type} in the statement (sub-queries, CHECK expressions and view bodies
     * included), each once, in the order they are written where that is known.
     */
    <T> List<T> nodes(Class<T> type);

    /**
     * Where {@code node} is written in the file: from its first token to its last. A node the engine
     * cannot place (rare: text JSqlParser rewrote beyond recognition) gets the statement's range.
     */
    TextRange range(ASTNodeAccess node);

    /** Where the operator between the operands of {@code e} is written ({@code =}, {@code <>}...). */
    TextRange operator(BinaryExpression e);

    /** The file's text in {@code range}, as written. */
    String text(TextRange range);

    /** The whole statement's range, terminator excluded. */
    TextRange statementRange();

    Dialect dialect();

    /** Database major version the project targets (e.g. 15). */
    int targetVersion();

    StatementFacts facts();

    /** The schema as it stood before this statement. */
    Schema schemaBefore();

    /**
     * The statement validated against the schema it stands on (for a query file, the schema at the end
     * of the migrations): names the schema lacks and the table columns its filters read. Computed on
     * first use, with Apache Calcite; {@link QueryFacts#validated} is false for a statement that is not
     * a query or that Calcite cannot read, and such a statement has no facts.
     */
    QueryFacts queryFacts();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    FindingBuilder report(TextRange range, String message);

    default FindingBuilder report(ASTNodeAccess node, String message) {
        return report(range(node), message);
    }
}
