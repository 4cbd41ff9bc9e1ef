package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.SingleRow;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.input.mybatis.Mapper;
import dev.migralint.core.input.mybatis.MapperFragments;
import dev.migralint.core.input.mybatis.MapperReader;
import dev.migralint.core.input.mybatis.MapperStatement;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.MapperContext;
import dev.migralint.core.rule.MapperRule;
import dev.migralint.core.rule.ParseError;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lints one MyBatis mapper file: its statements, expanded to SQL, are linted as one script against
 * the schema the run's migrations built, and each finding is moved back onto the XML text the SQL
 * came from (fixes dropped: they edit the expanded SQL, not the XML); then the {@link MapperRule}s
 * read the mapper as a whole. Not shared between threads.
 */
final class MapperLinter {
    private final List<ActiveRule> rules;
    private final ScriptLinter scripts;
    private final StatementParser parser;
    private final Dialect dialect;
    private final RuleFailures failures;

    /**
     * {@code scripts} lints the mapper's statements with a {@link RuleFailures} of its own, which this
     * linter moves to the XML and passes on to {@code failures}, the run's.
     */
    MapperLinter(List<ActiveRule> rules, ScriptLinter scripts, StatementParser parser, Dialect dialect,
                 RuleFailures failures) {
        this.rules = rules;
        this.scripts = scripts;
        this.parser = parser;
        this.dialect = dialect;
        this.failures = failures;
    }

    /** Findings on the mapper file (in any order) and counts. */
    record Result(List<Finding> findings, RunStats stats) {
    }

    /** {@code fragments}: the {@code <sql>} fragments of all the run's mappers, for includes across files. */
    Result lint(SourceFile file, Schema schema, MapperFragments fragments) {
        Mapper mapper = MapperReader.read(file, fragments);
        List<Finding> findings = new ArrayList<>();
        ActiveRule parseError = ActiveRule.find(rules, ParseError.ID);
        if (parseError != null) {
            for (Mapper.Problem p : mapper.problems()) {
                findings.add(new Finding(parseError.id(), parseError.severity(), p.message(),
                        new Location.Span(file, p.range()), null, List.of(), null, null, null));
            }
        }
        RunStats stats = RunStats.EMPTY;
        if (!mapper.statements().isEmpty()) {
            StringBuilder sql = new StringBuilder();
            int[] starts = new int[mapper.statements().size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sql.length();
                // the terminator on a line of its own: a statement may end in a line comment
                sql.append(mapper.statements().get(i).sql()).append("\n;\n");
            }
            SourceFile expanded = SourceFile.of(file.displayPath(), sql.toString());
            ScriptLinter.Result r = scripts.lint(MigrationScript.whole(expanded), schema, TransactionMode.NO_TRANSACTION,
                    false, List.of(), List.of(), QueryScope.NONE);
            for (Finding f : r.findings()) {
                findings.add(onXml(f, file, expanded, mapper.statements(), starts));
            }
            for (InputProblem p : scripts.failures().drain()) {
                failures.add(new InputProblem(move(p.location(), file, expanded, mapper.statements(), starts),
                        p.message(), p.internal()));
            }
            stats = r.stats();
        }
        Context ctx = new Context(mapper, schema);
        Location whole = new Location.WholeFile(file);
        for (ActiveRule active : rules) {
            if (active.rule() instanceof MapperRule mr && active.appliesTo(dialect)) {
                ctx.rule = active;
                failures.guard(active, whole, () -> mr.check(ctx));
            }
        }
        ctx.pending.forEach(p -> findings.add(p.build()));
        return new Result(findings, stats);
    }

    private static Finding onXml(Finding f, SourceFile xml, SourceFile expanded, List<MapperStatement> statements,
                                 int[] starts) {
        Location.Span span = f.location() instanceof Location.Span s ? s : null;
        int at = span == null ? 0 : statementAt(starts, span.range().start());
        MapperStatement statement = statements.get(at);
        List<RelatedLocation> related = f.related().stream()
                .map(r -> new RelatedLocation(move(r.location(), xml, expanded, statements, starts), r.message())).toList();
        return new Finding(f.ruleId(), f.severity(), f.message() + " (in " + statement.name() + ")",
                move(f.location(), xml, expanded, statements, starts), f.help(), related, null, f.suppression(),
                f.fingerprint());
    }

    private static Location move(Location location, SourceFile xml, SourceFile expanded, List<MapperStatement> statements,
                                 int[] starts) {
        if (!(location instanceof Location.Span s) || s.file() != expanded) {
            return location.file() == expanded ? new Location.WholeFile(xml) : location;
        }
        int at = statementAt(starts, s.range().start());
        MapperStatement statement = statements.get(at);
        int length = statement.sql().length();
        int start = Math.min(s.range().start() - starts[at], Math.max(length - 1, 0));
        int end = Math.max(Math.min(s.range().end() - starts[at], length), start + 1);
        return new Location.Span(xml, statement.xmlRange(new TextRange(start, end)));
    }

    private static int statementAt(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** The context mapper rules see; parses a statement only when a rule asks about its rows. */
    private final class Context implements MapperContext {
        private final Mapper mapper;
        private final Schema schema;
        private final Map<MapperStatement, Boolean> oneRow = new IdentityHashMap<>();
        private final List<PendingFinding> pending = new ArrayList<>();
        private ActiveRule rule;

        Context(Mapper mapper, Schema schema) {
            this.mapper = mapper;
            this.schema = schema;
        }

        @Override
        public Mapper mapper() {
            return mapper;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }

        @Override
        public boolean returnsAtMostOneRow(MapperStatement statement) {
            return oneRow.computeIfAbsent(statement, s -> {
                SourceFile sql = SourceFile.of(mapper.file().displayPath(), s.sql());
                List<ScriptStatement> split = Splitter.split(sql, Lexer.lex(sql.text(), LexOptions.of(dialect)));
                return split.size() == 1 && parser.parse(split.get(0)) instanceof ParsedStatement.Parsed p
                        && SingleRow.of(p.ast(), schema, dialect);
            });
        }

        @Override
        public <T extends Record> T options(Class<T> type) {
            return type.cast(rule.options());
        }

        @Override
        public FindingBuilder report(TextRange range, String message) {
            PendingFinding p = new PendingFinding(rule, new Location.Span(mapper.file(), range), message, null);
            pending.add(p);
            return p;
        }
    }
}
