package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.AstNodes;
import dev.migralint.core.analysis.NodeRanges;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.query.QueryFacts;
import dev.migralint.core.query.QueryNames;
import dev.migralint.core.query.QueryValidator;
import dev.migralint.core.query.SchemaTimeline;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.statement.Statement;

/**
 * The context one rule sees for one statement; collects what the rule reports. For a statement
 * JSqlParser parsed it is also the {@link QueryContext}, whose nodes and ranges it finds on first use.
 */
final class StatementContext implements RuleContext, QueryContext {
    private final ParsedStatement parsed;
    private final List<SchemaChange> changes;
    private final Dialect dialect;
    private final int targetVersion;
    private final StatementFacts facts;
    private final Schema schemaBefore;
    private final Schema schemaAfter;
    private final List<ReplayNote> replayNotes;
    private final QueryScope scope;
    /** The schema after each earlier statement of the script that changed it (read only while this statement runs). */
    private final List<SchemaTimeline.Step> earlierInScript;
    private QueryFacts queryFacts;
    /** This statement's facts being worked out on another thread ({@link ValidateAhead}), or null. */
    private final Future<QueryFacts> validating;
    private ActiveRule rule;
    private final List<PendingFinding> pending = new ArrayList<>();
    private AstNodes nodes;
    private NodeRanges ranges;

    StatementContext(ParsedStatement parsed, List<SchemaChange> changes, Dialect dialect, int targetVersion,
                     StatementFacts facts, Schema schemaBefore, Schema schemaAfter, List<ReplayNote> replayNotes,
                     QueryScope scope, List<SchemaTimeline.Step> earlierInScript, Future<QueryFacts> validating) {
        this.parsed = parsed;
        this.validating = validating;
        this.scope = scope;
        this.earlierInScript = earlierInScript;
        this.schemaBefore = schemaBefore;
        this.schemaAfter = schemaAfter;
        this.replayNotes = List.copyOf(replayNotes);
        this.changes = changes;
        this.dialect = dialect;
        this.targetVersion = targetVersion;
        this.facts = facts;
    }

    /** Switches to the next rule; findings reported so far stay collected. */
    void use(ActiveRule next) {
        this.rule = next;
    }

    List<Finding> findings() {
        return pending.stream().map(PendingFinding::build).toList();
    }

    @Override
    public SourceFile file() {
        return parsed.statement().file();
    }

    @Override
    public ScriptStatement statement() {
        return parsed.statement();
    }

    @Override
    public ParsedStatement parsed() {
        return parsed;
    }

    @Override
    public List<SchemaChange> changes() {
        return changes;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public int targetVersion() {
        return targetVersion;
    }

    @Override
    public StatementFacts facts() {
        return facts;
    }

    @Override
    public Schema schemaBefore() {
        return schemaBefore;
    }

    @Override
    public Schema schemaAfter() {
        return schemaAfter;
    }

    @Override
    public List<ReplayNote> replayNotes() {
        return replayNotes;
    }

    @Override
    public <T extends Record> T options(Class<T> type) {
        return type.cast(rule.options());
    }

    @Override
    public Statement ast() {
        if (parsed instanceof ParsedStatement.Parsed p) {
            return p.ast();
        }
        throw new IllegalStateException("statement " + statement().index() + " was not parsed by JSqlParser");
    }

    @Override
    public <T> List<T> nodes(Class<T> type) {
        List<T> found = new ArrayList<>(astNodes().ofType(type));
        // Stable: nodes the locator can't place keep the walk's order, after the placed ones.
        found.sort(java.util.Comparator.comparingInt(n -> n instanceof ASTNodeAccess a && ranges().range(a) != null
                ? ranges().range(a).start() : Integer.MAX_VALUE));
        return found;
    }

    @Override
    public TextRange range(ASTNodeAccess node) {
        TextRange r = ranges().range(node);
        return r == null ? statement().range() : r;
    }

    @Override
    public TextRange operator(BinaryExpression e) {
        TextRange left = ranges().range(e.getLeftExpression());
        TextRange right = ranges().range(e.getRightExpression());
        TextRange between = left == null ? null : ranges().between(left, right);
        return between == null ? range(e) : between;
    }

    @Override
    public String text(TextRange range) {
        return file().text(range);
    }

    @Override
    public TextRange statementRange() {
        return statement().range();
    }

    private AstNodes astNodes() {
        if (nodes == null) {
            nodes = AstNodes.of(ast());
        }
        return nodes;
    }

    private NodeRanges ranges() {
        if (ranges == null) {
            ScriptStatement s = statement();
            ranges = new NodeRanges(s.sql(), s.range().start(), s.significantTokens(), dialect, astNodes());
        }
        return ranges;
    }

    @Override
    public QueryFacts queryFacts() {
        if (queryFacts == null && validating != null) {
            queryFacts = ValidateAhead.get(validating);
        } else if (queryFacts == null) {
            queryFacts = parsed instanceof ParsedStatement.Parsed p && QueryValidator.isQuery(p.ast())
                    ? QueryValidator.validate(statement(), p.ast(), dialect, scope.timeline(schemaBefore, earlierInScript))
                    : QueryFacts.NOT_A_QUERY;
        }
        return queryFacts;
    }

    /** The facts of a query some rule had validated, if one did. */
    Optional<QueryFacts> queryFactsIfValidated() {
        return queryFacts == null || queryFacts == QueryFacts.NOT_A_QUERY ? Optional.empty() : Optional.of(queryFacts);
    }

    @Override
    public FindingBuilder report(TextRange range, String message) {
        String named = scope.queryFile() ? QueryNames.of(statement()).map(n -> n + ": " + message).orElse(message)
                : message;
        PendingFinding p = new PendingFinding(rule, new Location.Span(file(), clamp(range)), named, statement());
        pending.add(p);
        return p;
    }

    private TextRange clamp(TextRange r) {
        int len = file().text().length();
        return new TextRange(Math.min(r.start(), len), Math.min(r.end(), len));
    }
}
