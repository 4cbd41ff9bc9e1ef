package dev.migralint.core.engine;

import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.ChangeTranslator;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Lints one file as one migration: lex, split, parse, translate, track the facts rules need, run the
 * rules, then apply inline suppressions and assign fingerprints. Not shared between threads.
 */
final class FileLinter {
    /** Findings of one file and its statement counts. */
    record Result(List<Finding> findings, RunStats stats) {
    }

    private final Config config;
    private final List<ActiveRule> rules;
    private final Set<String> knownRuleIds;
    private final StatementParser parser;
    private final ChangeTranslator translator;
    private final LexOptions lexOptions;

    FileLinter(Config config, List<ActiveRule> rules, Set<String> knownRuleIds, StatementParser parser,
               ChangeTranslator translator, LexOptions lexOptions) {
        this.config = config;
        this.rules = rules;
        this.knownRuleIds = knownRuleIds;
        this.parser = parser;
        this.translator = translator;
        this.lexOptions = lexOptions;
    }

    Result lint(SourceFile file) {
        LexResult lexed = Lexer.lex(file.text(), lexOptions);
        List<ScriptStatement> statements = Splitter.split(file, lexed);
        List<Finding> findings = new ArrayList<>();
        int parsed = 0;
        int recognized = 0;
        int skipped = 0;
        int unparsed = 0;
        MigrationState state = new MigrationState(config.assumeInTransaction());
        for (ScriptStatement statement : statements) {
            ParsedStatement p = parser.parse(statement);
            if (p instanceof ParsedStatement.Parsed) {
                parsed++;
            } else if (p instanceof ParsedStatement.Recognized) {
                recognized++;
            } else if (p instanceof ParsedStatement.Skipped) {
                skipped++;
            } else if (p instanceof ParsedStatement.Unparsed u) {
                unparsed++;
                parseError(u).ifPresent(findings::add);
            }
            List<SchemaChange> changes = p instanceof ParsedStatement.Skipped ? List.of() : translator.translate(p);
            StatementFacts facts = state.factsBefore(changes);
            findings.addAll(runRules(p, changes, facts));
            state.apply(changes);
        }
        findings.sort(ORDER);
        Suppressions suppressions = Suppressions.parse(file, lexed.tokens(), statements);
        boolean[][] used = suppressions.newUsage();
        List<Finding> result = new ArrayList<>(suppressions.apply(findings, used));
        // Directives naming unused-suppression (or all rules) are judged after the others' findings
        // have had the chance to be suppressed by them.
        result.addAll(suppressions.apply(unusedSuppressions(file, suppressions, used, false), used));
        result.addAll(unusedSuppressions(file, suppressions, used, true));
        result.sort(ORDER);
        List<Finding> fingerprinted = Fingerprints.assign(file.displayPath(), result, statements);
        return new Result(fingerprinted,
                new RunStats(1, statements.size(), parsed, recognized, skipped, unparsed));
    }

    static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.location().startOffset())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private List<Finding> runRules(ParsedStatement p, List<SchemaChange> changes, StatementFacts facts) {
        StatementContext ctx = new StatementContext(p, changes, config.dialect(), config.targetVersion(), facts);
        for (ActiveRule active : rules) {
            ctx.use(active);
            if (active.rule() instanceof StatementRule sr) {
                sr.check(ctx);
            }
            if (active.rule() instanceof ChangeRule<?> cr) {
                for (SchemaChange c : changes) {
                    dispatch(cr, c, ctx);
                }
            }
        }
        return ctx.findings();
    }

    private static <T extends SchemaChange> void dispatch(ChangeRule<T> rule, SchemaChange change,
                                                         StatementContext ctx) {
        if (rule.changeType().isInstance(change)) {
            rule.check(rule.changeType().cast(change), ctx);
        }
    }

    private java.util.Optional<Finding> parseError(ParsedStatement.Unparsed u) {
        ActiveRule rule = find(EngineRules.PARSE_ERROR);
        if (rule == null) {
            return java.util.Optional.empty();
        }
        ScriptStatement s = u.statement();
        TextRange range = tokenAt(s, u.errorOffset());
        return java.util.Optional.of(new Finding(rule.id(), rule.severity(), "Cannot parse statement: " + u.message(),
                new Location.Span(s.file(), range),
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

    private List<Finding> unusedSuppressions(SourceFile file, Suppressions suppressions, boolean[][] used,
                                             boolean selfTargets) {
        ActiveRule rule = find(EngineRules.UNUSED_SUPPRESSION);
        List<Finding> out = new ArrayList<>();
        if (rule == null) {
            return out;
        }
        List<Suppressions.Directive> dirs = suppressions.directives();
        for (int d = 0; d < dirs.size(); d++) {
            Suppressions.Directive dir = dirs.get(d);
            String where = dir.wholeFile() ? "in this file" : dir.scope() == null ? "(no statement follows it)"
                    : "on the next statement";
            if (dir.targets().isEmpty()) {
                if (selfTargets && !used[d][0]) {
                    out.add(unused(rule, file, dir.comment(), "This migralint-ignore suppresses no finding " + where));
                }
                continue;
            }
            for (int i = 0; i < dir.targets().size(); i++) {
                Suppressions.Target t = dir.targets().get(i);
                if (t.ruleId().equals(EngineRules.UNUSED_SUPPRESSION) != selfTargets) {
                    continue;
                }
                if (!knownRuleIds.contains(t.ruleId())) {
                    out.add(unused(rule, file, t.range(), "migralint-ignore names unknown rule '" + t.ruleId() + "'"));
                } else if (!used[d][i]) {
                    out.add(unused(rule, file, t.range(),
                            "Suppression of " + t.ruleId() + " matches no finding " + where));
                }
            }
        }
        return out;
    }

    private static Finding unused(ActiveRule rule, SourceFile file, TextRange range, String message) {
        return new Finding(rule.id(), rule.severity(), message, new Location.Span(file, range),
                "Remove the suppression, or correct the rule id (`migralint rules` lists them).",
                List.of(), null, null, null);
    }

    private ActiveRule find(String id) {
        for (ActiveRule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** What the statements so far established: explicit transactions and tables created in this file. */
    private static final class MigrationState {
        private final boolean alwaysInTransaction;
        private boolean inTransaction;
        private final List<ObjectName> created = new ArrayList<>();

        MigrationState(boolean alwaysInTransaction) {
            this.alwaysInTransaction = alwaysInTransaction;
        }

        StatementFacts factsBefore(List<SchemaChange> changes) {
            boolean tx = alwaysInTransaction || inTransaction;
            // The list only grows, so its current length marks this statement's snapshot without copying.
            int upto = created.size();
            return new StatementFacts() {
                @Override
                public boolean inTransaction() {
                    return tx;
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
            };
        }

        void apply(List<SchemaChange> changes) {
            for (SchemaChange c : changes) {
                if (c instanceof SchemaChange.Transaction t) {
                    switch (t.kind()) {
                        case BEGIN -> inTransaction = true;
                        case COMMIT, ROLLBACK -> inTransaction = false;
                        default -> { }
                    }
                } else if (c instanceof SchemaChange.CreateTable ct) {
                    created.add(ct.table());
                }
            }
        }
    }
}
