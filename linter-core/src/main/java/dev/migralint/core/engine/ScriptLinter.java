package dev.migralint.core.engine;

import dev.migralint.core.rule.ParseError;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.TableColumn;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.ColumnRule;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.query.QueryFacts;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Lints one script of a migration: lex, split, parse and translate its statements, then replay them
 * one by one onto the schema the chain has reached, running the rules on each statement with the
 * schema before it and the facts of its situation. Not shared between threads.
 */
final class ScriptLinter {
    /**
     * What one script gave: findings, its statements, the schema after it, tables it created, the
     * changes replay refused, counts.
     */
    record Result(List<Finding> findings, List<ScriptStatement> statements, Schema schemaAfter,
                  List<ObjectName> created, List<AddedColumn> addedColumns, List<ReplayNote> notes, RunStats stats) {
    }

    /** A column an ADD COLUMN of the script added to a table. */
    record AddedColumn(ObjectName table, String column) {
    }

    private final Config config;
    private final List<ActiveRule> rules;
    private final StatementParser parser;
    private final SchemaReplayer replayer = new SchemaReplayer();
    private final LexOptions lexOptions;
    private final RuleFailures failures;
    /** Whether a rule for the dialect reads query facts: then queries are validated, on another thread if allowed. */
    private final boolean readsQueryFacts;
    /** The rules for the config's dialect, every statement's context has: chosen once, not per statement. */
    private final List<ActiveRule> dialectRules;

    ScriptLinter(Config config, List<ActiveRule> rules, StatementParser parser, LexOptions lexOptions,
                 RuleFailures failures) {
        this.config = config;
        this.rules = rules;
        this.parser = parser;
        this.lexOptions = lexOptions;
        this.failures = failures;
        this.dialectRules = rules.stream().filter(a -> a.appliesTo(config.dialect())).toList();
        this.readsQueryFacts = dialectRules.stream().anyMatch(a -> a.rule() instanceof QueryRule q && q.readsQueryFacts());
    }

    /**
     * Lints {@code script} starting from {@code before}. {@code createdByUp} lists the tables the
     * migration's up created and {@code addedByUp} the columns it added, for its down script (empty
     * for an up).
     */
    Result lint(MigrationScript script, Schema before, TransactionMode mode, boolean down,
                List<ObjectName> createdByUp, List<AddedColumn> addedByUp, QueryScope scope) {
        return lint(read(script, parser, lexOptions), before, mode, down, createdByUp, addedByUp, scope);
    }

    /**
     * Scripts longer than this (in characters) keep no JSqlParser tree between reading and linting:
     * the trees of a whole file, with the token chains they hold, took about 100 bytes of heap per
     * byte of SQL, so a file of some megabytes needed a heap of gigabytes. Such a script's statements
     * are parsed once more, one at a time, when the linting reaches them: twice the parse time, for
     * files that few projects have (a dump of a whole schema), against one tree in memory at a time.
     * At 1 MiB the limit re-parsed ruoyi-vue-pro's two seed-data dumps (1.2 and 1.4 M characters),
     * 18 % of that run's CPU; at 2 MiB their trees cost about 90 MB more at peak.
     */
    static final int LARGE_SCRIPT_CHARS = 2 << 20;

    /**
     * A script lexed, split and parsed: the part of its lint that needs no schema, so it can be read
     * ahead. In a script over {@link #LARGE_SCRIPT_CHARS} ({@code treesDropped}), the {@link
     * ParsedStatement.Parsed} entries keep their changes but no tree ({@code ast()} is null).
     */
    record Front(MigrationScript script, List<ScriptStatement> statements, List<ParsedStatement> parsed,
                 boolean treesDropped) {
    }

    /** Lexes, splits and parses {@code script}; {@code parser} must belong to the calling thread. */
    static Front read(MigrationScript script, StatementParser parser, LexOptions lexOptions) {
        LexResult lexed = Lexer.lex(script.text(), script.options().lexOptions(lexOptions));
        List<ScriptStatement> statements = Splitter.split(script.file(), lexed, script.options().splitStatements(),
                script.options().unsplitBlocks());
        boolean dropTrees = script.text().length() > LARGE_SCRIPT_CHARS;
        List<ParsedStatement> parsed = new ArrayList<>(statements.size());
        for (ScriptStatement statement : statements) {
            ParsedStatement p = parser.parse(statement);
            parsed.add(dropTrees && p instanceof ParsedStatement.Parsed q
                    ? new ParsedStatement.Parsed(q.statement(), null, q.changes()) : p);
        }
        return new Front(script, statements, parsed, dropTrees);
    }

    /** This linter's own reading of {@code script}, in the calling thread. */
    Front read(MigrationScript script) {
        return read(script, parser, lexOptions);
    }

    /** True when a rule of this linter asks for query facts, so the query validator will be needed. */
    boolean readsQueryFacts() {
        return readsQueryFacts;
    }

    LexOptions lexOptions() {
        return lexOptions;
    }

    /** Lints a script already read ({@link #read}), as the other {@code lint} does. */
    Result lint(Front front, Schema before, TransactionMode mode, boolean down,
                List<ObjectName> createdByUp, List<AddedColumn> addedByUp, QueryScope scope) {
        List<ScriptStatement> statements = front.statements();
        List<ParsedStatement> parsed = front.parsed();
        List<List<SchemaChange>> changes = new ArrayList<>(statements.size());
        List<Finding> findings = new ArrayList<>();
        int[] counts = new int[6];
        for (ParsedStatement p : parsed) {
            changes.add(p.changes());
            count(p, counts).ifPresent(findings::add);
        }
        boolean wrapped = TransactionModes.wrapsInTransaction(mode, changes, parsed, config);
        ScriptFacts scriptFacts = new ScriptFacts(changes, wrapped, down, createdByUp, addedByUp);
        List<ReplayNote> allNotes = new ArrayList<>();
        ScriptReplay replay = new ScriptReplay(replayer, before, changes, new ReplayContext(front.script().file()),
                new DynamicSql(statements, config.dialect()), scope.migration());
        int n = statements.size();
        List<Future<QueryFacts>> ahead = readsQueryFacts && ValidateAhead.enabled() && !front.treesDropped() ? new ArrayList<>(n) : null;
        for (int i = 0; ahead != null && i < n; i++) {
            ahead.add(ValidateAhead.submit(parsed.get(i), config.dialect(),
                    scope.timeline(replay.before(i), replay.stepsBefore(i))));
        }
        try {
            for (int i = 0; i < n; i++) {
                List<SchemaChange> statementChanges = changes.get(i);
                Schema statementBefore = replay.before(i);
                List<SchemaChange> ruleChanges = RuleChanges.of(statementChanges);
                StatementFacts facts = scriptFacts.before(i, statementChanges, ruleChanges);
                ParsedStatement current = parsed.get(i);
                if (front.treesDropped() && current instanceof ParsedStatement.Parsed) {
                    current = parser.parse(current.statement());
                }
                StatementContext ctx = new StatementContext(current, ruleChanges, config.dialect(),
                        config.targetVersion(), facts, statementBefore, replay.after(i), replay.notes(i), scope,
                        replay.stepsBefore(i), ahead == null ? null : ahead.get(i));
                allNotes.addAll(replay.notes(i));
                runRules(ctx, ruleChanges);
                ctx.queryFactsIfValidated().ifPresent(q -> counts[q.validated() ? 4 : 5]++);
                findings.addAll(ctx.findings());
                scriptFacts.after(ruleChanges, statementBefore, facts);
            }
        } finally {
            ValidateAhead.cancel(ahead); // a script whose linting died leaves no validation queued
        }
        RunStats stats = new RunStats(0, statements.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
                counts[5]);
        return new Result(findings, statements, replay.end(), scriptFacts.created(), scriptFacts.added(), allNotes, stats);
    }

    private void runRules(StatementContext ctx, List<SchemaChange> changes) {
        List<TableColumn> columns = null;
        for (ActiveRule active : dialectRules) {
            if (active.rule() instanceof ColumnRule && columns == null) {
                // a down script restores the columns its up changed: their types were chosen before
                columns = ctx.facts().inDownScript() ? List.of()
                        : newTypes(TableColumn.definedBy(changes), ctx.schemaBefore());
            }
            ctx.use(active);
            try {
                runRule(active, ctx, changes, columns);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                // a try per rule rather than RuleFailures.guard: no lambda for every rule and statement
                failures.record(active, new Location.Span(ctx.statement().file(), ctx.statement().range()), e);
            }
        }
    }

    private void runRule(ActiveRule active, StatementContext ctx, List<SchemaChange> changes, List<TableColumn> columns) {
        if (active.rule() instanceof StatementRule sr) {
            sr.check(ctx);
        }
        if (active.rule() instanceof QueryRule qr && ctx.parsed() instanceof ParsedStatement.Parsed) {
            qr.check(ctx);
        }
        if (active.rule() instanceof ChangeRule<?> cr) {
            for (SchemaChange c : changes) {
                dispatch(cr, c, ctx);
            }
        }
        if (active.rule() instanceof ColumnRule colr) {
            for (TableColumn c : columns) {
                colr.check(c, ctx);
            }
        }
    }

    RuleFailures failures() {
        return failures;
    }

    /**
     * Leaves out retypes that keep the column's type (MySQL's MODIFY and CHANGE restate it to change
     * something else): the type was chosen, and reported, where the column was defined.
     */
    private static List<TableColumn> newTypes(List<TableColumn> columns, Schema before) {
        List<TableColumn> kept = new ArrayList<>();
        for (TableColumn c : columns) {
            boolean unchanged = c.retype() && before.table(c.table())
                    .flatMap(t -> t.column(c.column().name()))
                    .map(old -> old.type().name().equals(c.column().type().name())
                            && old.type().args().equals(c.column().type().args())
                            && old.type().array() == c.column().type().array())
                    .orElse(false);
            if (!unchanged) {
                kept.add(c);
            }
        }
        return kept;
    }

    @SuppressWarnings("unchecked") // changeType() is T's class, read from the rule's declaration
    private static <T extends SchemaChange> void dispatch(ChangeRule<T> rule, SchemaChange change,
                                                         StatementContext ctx) {
        if (rule.changeType().isInstance(change)) {
            rule.check((T) change, ctx);
        }
    }

    /** Counts the statement by how it was understood; an unparsed one yields its parse-error finding. */
    private Optional<Finding> count(ParsedStatement p, int[] counts) {
        if (p instanceof ParsedStatement.Parsed) {
            counts[0]++;
        } else if (p instanceof ParsedStatement.Recognized) {
            counts[1]++;
        } else if (p instanceof ParsedStatement.Skipped) {
            counts[2]++;
        } else if (p instanceof ParsedStatement.Unparsed u) {
            counts[3]++;
            return parseError(u);
        }
        return Optional.empty();
    }

    private Optional<Finding> parseError(ParsedStatement.Unparsed u) {
        ActiveRule rule = ActiveRule.find(rules, ParseError.ID);
        if (rule == null) {
            return Optional.empty();
        }
        ScriptStatement s = u.statement();
        return Optional.of(new Finding(rule.id(), rule.severity(), "Cannot parse statement: " + u.message(),
                new Location.Span(s.file(), tokenAt(s, u.errorOffset())),
                "Other rules skip this statement. If it is valid SQL, check the dialect setting (now "
                        + config.dialect().id() + ").",
                List.of(), null, null, null));
    }

    private static TextRange tokenAt(ScriptStatement s, int offset) {
        for (Token t : s.tokens()) {
            if (t.start() <= offset && offset < t.end()) {
                return t.range();
            }
        }
        int len = s.file().text().length();
        int at = Math.min(Math.max(offset, 0), len);
        return new TextRange(at, Math.min(at + 1, len));
    }
}
