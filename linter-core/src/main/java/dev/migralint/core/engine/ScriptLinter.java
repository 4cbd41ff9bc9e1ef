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
import dev.migralint.core.schema.Replay;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import dev.migralint.core.analysis.TableLocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    ScriptLinter(Config config, List<ActiveRule> rules, StatementParser parser, LexOptions lexOptions) {
        this.config = config;
        this.rules = rules;
        this.parser = parser;
        this.lexOptions = lexOptions;
    }

    /**
     * Lints {@code script} starting from {@code before}. {@code createdByUp} lists the tables the
     * migration's up created and {@code addedByUp} the columns it added, for its down script (empty
     * for an up).
     */
    Result lint(MigrationScript script, Schema before, TransactionMode mode, boolean down,
                List<ObjectName> createdByUp, List<AddedColumn> addedByUp) {
        LexResult lexed = Lexer.lex(script.text(), script.options().lexOptions(lexOptions));
        List<ScriptStatement> statements = Splitter.split(script.file(), lexed, script.options().splitStatements(),
                script.options().unsplitBlocks());
        List<ParsedStatement> parsed = new ArrayList<>(statements.size());
        List<List<SchemaChange>> changes = new ArrayList<>(statements.size());
        List<Finding> findings = new ArrayList<>();
        int[] counts = new int[4];
        for (ScriptStatement statement : statements) {
            ParsedStatement p = parser.parse(statement);
            parsed.add(p);
            changes.add(p.changes());
            count(p, counts).ifPresent(findings::add);
        }
        boolean wrapped = TransactionModes.wrapsInTransaction(mode, changes, parsed, config);
        ReplayContext replayContext = new ReplayContext(script.file());
        Schema schema = before;
        List<ObjectName> created = new ArrayList<>(createdByUp);
        List<AddedColumn> added = new ArrayList<>(addedByUp);
        boolean explicitTransaction = false;
        int lastTransactionEnd = lastTransactionEnd(changes);
        List<List<ObjectName>> createdBy = createdBy(changes);
        List<ReplayNote> allNotes = new ArrayList<>();
        Map<String, String> settings = new HashMap<>();
        boolean blockingLockBefore = false;
        for (int i = 0; i < statements.size(); i++) {
            List<SchemaChange> statementChanges = changes.get(i);
            Schema statementBefore = schema;
            List<ReplayNote> notes = new ArrayList<>();
            for (SchemaChange c : statementChanges) {
                Replay r = replayer.apply(schema, c, replayContext);
                schema = r.schema();
                notes.addAll(r.notes());
            }
            List<SchemaChange> ruleChanges = RuleChanges.of(statementChanges);
            // A table this statement creates counts as created in this migration for the statement's
            // own later changes too: a DO block may create a table and index it.
            for (SchemaChange c : ruleChanges) {
                if (c instanceof SchemaChange.CreateTable ct) {
                    created.add(ct.table());
                } else if (c instanceof SchemaChange.CreateView v && v.materialized()) {
                    created.add(v.name()); // a new materialized view has no readers to block either
                } else if (c instanceof SchemaChange.AddColumn ac) {
                    added.add(new AddedColumn(ac.table(), ac.column().name()));
                }
            }
            boolean procedural = statementChanges.stream().anyMatch(c -> c instanceof SchemaChange.ProceduralDdl);
            StatementFacts facts = facts(new TransactionState(wrapped, explicitTransaction, i < lastTransactionEnd),
                    procedural, created, createdBy.subList(i + 1, createdBy.size()), added, down,
                    new SessionState(Map.copyOf(settings), blockingLockBefore));
            StatementContext ctx = new StatementContext(parsed.get(i), ruleChanges, config.dialect(),
                    config.targetVersion(), facts, statementBefore, schema, notes);
            allNotes.addAll(notes);
            runRules(ctx, ruleChanges);
            findings.addAll(ctx.findings());
            blockingLockBefore |= blocksWrites(ruleChanges, statementBefore, facts);
            for (SchemaChange c : ruleChanges) {
                if (c instanceof SchemaChange.SetSetting set) {
                    settings.put(set.name(), set.value() == null ? "" : set.value());
                }
                if (c instanceof SchemaChange.Transaction t) {
                    switch (t.kind()) {
                        case BEGIN -> explicitTransaction = true;
                        case COMMIT, ROLLBACK -> explicitTransaction = false;
                        default -> { }
                    }
                }
            }
        }
        RunStats stats = new RunStats(0, statements.size(), counts[0], counts[1], counts[2], counts[3]);
        return new Result(findings, statements, schema, created, added, allNotes, stats);
    }

    /** Where the statement stands in the script's transactions: the tool's, the script's own BEGIN, a later end. */
    private record TransactionState(boolean tool, boolean explicit, boolean endsLater) {
    }

    /** The index of the last statement holding a COMMIT or ROLLBACK of the script, or -1. */
    private static int lastTransactionEnd(List<List<SchemaChange>> changes) {
        int last = -1;
        for (int i = 0; i < changes.size(); i++) {
            for (SchemaChange c : changes.get(i)) {
                if (c instanceof SchemaChange.Transaction t && (t.kind() == SchemaChange.TransactionKind.COMMIT
                        || t.kind() == SchemaChange.TransactionKind.ROLLBACK)) {
                    last = i;
                }
            }
        }
        return last;
    }

    /** The tables each statement creates, DO blocks included. */
    private static List<List<ObjectName>> createdBy(List<List<SchemaChange>> changes) {
        List<List<ObjectName>> out = new ArrayList<>(changes.size());
        for (List<SchemaChange> statement : changes) {
            List<ObjectName> tables = new ArrayList<>();
            for (SchemaChange c : RuleChanges.of(statement)) {
                if (c instanceof SchemaChange.CreateTable ct) {
                    tables.add(ct.table());
                }
            }
            out.add(tables);
        }
        return out;
    }

    /** What earlier statements of the script did to the session: settings made, write-blocking locks taken. */
    private record SessionState(Map<String, String> settings, boolean blockingLockBefore) {
    }

    /** True when one of the changes takes a write-blocking lock on a table this migration did not create. */
    private static boolean blocksWrites(List<SchemaChange> changes, Schema before, StatementFacts facts) {
        for (SchemaChange c : changes) {
            for (TableLocks.Lock lock : TableLocks.blockingWrites(c, before)) {
                if (lock.table() == null || !facts.createdInThisMigration(lock.table())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static StatementFacts facts(TransactionState transaction, boolean procedural, List<ObjectName> created,
                                        List<List<ObjectName>> createdLater, List<AddedColumn> added, boolean down,
                                        SessionState session) {
        // The lists only grow, so their current lengths mark this statement's snapshot without copying.
        int upto = created.size();
        int addedUpto = added.size();
        return new StatementFacts() {
            @Override
            public boolean inTransaction() {
                return transaction.tool() || transaction.explicit();
            }

            @Override
            public boolean toolTransaction() {
                return transaction.tool();
            }

            @Override
            public boolean explicitTransaction() {
                return transaction.explicit();
            }

            @Override
            public boolean transactionEndsLater() {
                return transaction.endsLater();
            }

            @Override
            public boolean createdInThisMigration(ObjectName table) {
                for (int i = 0; i < upto; i++) {
                    if (created.get(i).sameObject(table)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean createdLaterInThisScript(ObjectName table) {
                return createdLater.stream().flatMap(List::stream).anyMatch(t -> t.sameObject(table));
            }

            @Override
            public boolean columnAddedInThisMigration(ObjectName table, String column) {
                for (int i = 0; i < addedUpto; i++) {
                    if (added.get(i).table().sameObject(table) && added.get(i).column().equals(column)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean inDownScript() {
                return down;
            }

            @Override
            public boolean inProceduralBlock() {
                return procedural;
            }

            @Override
            public String settingBefore(String name) {
                return session.settings().get(name);
            }

            @Override
            public boolean blockingLockBefore() {
                return session.blockingLockBefore();
            }
        };
    }

    private void runRules(StatementContext ctx, List<SchemaChange> changes) {
        List<TableColumn> columns = null;
        for (ActiveRule active : rules) {
            if (!active.appliesTo(ctx.dialect())) {
                continue;
            }
            ctx.use(active);
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
                if (columns == null) {
                    // a down script restores the columns its up changed: their types were chosen before
                    columns = ctx.facts().inDownScript() ? List.of()
                            : newTypes(TableColumn.definedBy(changes), ctx.schemaBefore());
                }
                for (TableColumn c : columns) {
                    colr.check(c, ctx);
                }
            }
        }
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
