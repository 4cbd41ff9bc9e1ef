package dev.migralint.core.engine;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.querylog.LogFormat;
import dev.migralint.core.querylog.LogLinePrefix;
import dev.migralint.core.querylog.LogStatement;
import dev.migralint.core.querylog.QueryLogReader;
import dev.migralint.core.rule.LogFindingBuilder;
import dev.migralint.core.rule.QueryLogContext;
import dev.migralint.core.rule.QueryLogRule;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the query-log rules over each log in one streaming pass: every rule's check sees each
 * statement as it is read, so memory does not grow with the log. Findings point at log lines; the
 * lines they name are kept as the finding's file, an excerpt numbered as in the log, since the log
 * itself is not held.
 */
final class QueryLogLinter {
    /** Findings of the logs in order, and the logs that could not be read. */
    record Result(List<Finding> findings, List<InputProblem> problems, int files) {
    }

    private final List<ActiveRule> rules;
    private final LogLinePrefix prefix;

    /** {@code logLinePrefix}: PostgreSQL's setting the stderr logs were written with, or null to infer it. */
    QueryLogLinter(List<ActiveRule> rules, String logLinePrefix) {
        this.rules = rules.stream().filter(r -> r.rule() instanceof QueryLogRule).toList();
        this.prefix = logLinePrefix == null ? null : LogLinePrefix.of(logLinePrefix);
    }

    Result lint(List<Path> logs, Path baseDir) {
        List<Finding> findings = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path log : logs) {
            String display = SourceSet.displayPath(baseDir, log.toAbsolutePath().normalize());
            if (!Files.isRegularFile(log)) {
                problems.add(new InputProblem(new Location.WholeFile(SourceFile.of(display, "")),
                        "query log not found: " + log));
                continue;
            }
            try {
                RuleFailures failures = new RuleFailures();
                findings.addAll(lint(log, display, failures));
                problems.addAll(failures.drain());
            } catch (IOException | UncheckedIOException e) {
                problems.add(new InputProblem(new Location.WholeFile(new SourceFile(log, display, "")),
                        "cannot read query log: " + e.getMessage()));
            }
        }
        return new Result(findings, problems, logs.size());
    }

    /** A rule's check of one log, and its rule: a check that throws is stopped for the rest of the log. */
    private record Running(ActiveRule rule, QueryLogRule.LogCheck check) {
    }

    private List<Finding> lint(Path log, String display, RuleFailures failures) throws IOException {
        List<Pending> pending = new ArrayList<>();
        Location whole = new Location.WholeFile(new SourceFile(log, display, ""));
        try (QueryLogReader reader = LogFormat.open(log, prefix)) {
            LogFormat format = reader.format();
            List<Running> checks = new ArrayList<>();
            for (ActiveRule r : rules) {
                failures.guard(r, whole, () -> checks.add(new Running(r,
                        ((QueryLogRule) r.rule()).start(new Context(r, format, pending)))));
            }
            if (checks.isEmpty()) {
                return List.of();
            }
            LogStatement s;
            while ((s = reader.next()) != null) {
                for (Iterator<Running> it = checks.iterator(); it.hasNext(); ) {
                    Running c = it.next();
                    try {
                        c.check().accept(s);
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        failures.record(c.rule(), whole, e);
                        it.remove();
                    }
                }
            }
            for (Running c : checks) {
                failures.guard(c.rule(), whole, c.check()::finish);
            }
        }
        return findings(log, display, pending);
    }

    /** Builds the findings over one excerpt holding every line they name. */
    private static List<Finding> findings(Path log, String display, List<Pending> pending) {
        TreeMap<Long, String> lines = new TreeMap<>();
        for (Pending p : pending) {
            lines.put(p.at.line(), p.at.lineText());
            p.related.forEach((at, m) -> lines.put(at.line(), at.lineText()));
        }
        StringBuilder text = new StringBuilder();
        int[] numbers = new int[lines.size()];
        Map<Long, TextRange> ranges = new HashMap<>();
        int i = 0;
        for (Map.Entry<Long, String> e : lines.entrySet()) {
            if (i > 0) {
                text.append('\n');
            }
            ranges.put(e.getKey(), new TextRange(text.length(), text.length() + e.getValue().length()));
            text.append(e.getValue());
            numbers[i++] = (int) Math.min(Integer.MAX_VALUE, e.getKey());
        }
        SourceFile file = SourceFile.excerpt(log, display, text.toString(), numbers);
        List<Finding> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Pending p : pending) {
            List<RelatedLocation> related = new ArrayList<>();
            p.related.forEach((at, m) -> related.add(new RelatedLocation(new Location.Span(file, ranges.get(at.line())), m)));
            String base = Fingerprints.hash(p.rule.id() + '\0' + display + '\0' + p.key());
            int occurrence = seen.merge(base, 1, Integer::sum);
            out.add(new Finding(p.rule.id(), p.rule.severity(), p.message,
                    new Location.Span(file, ranges.get(p.at.line())), p.help, related, null, null,
                    base + ":" + occurrence, p.properties));
        }
        out.sort(FileFindings.ORDER);
        return out;
    }

    private record Context(ActiveRule rule, LogFormat format, List<Pending> pending) implements QueryLogContext {
        @Override
        public <T extends Record> T options(Class<T> type) {
            return type.cast(rule.options());
        }

        @Override
        public LogFindingBuilder report(LogStatement at, String message) {
            Pending p = new Pending(rule, at, message);
            pending.add(p);
            return p;
        }
    }

    private static final class Pending implements LogFindingBuilder {
        final ActiveRule rule;
        final LogStatement at;
        final String message;
        String help;
        final Map<LogStatement, String> related = new LinkedHashMap<>();
        final Map<String, Object> properties = new LinkedHashMap<>();

        Pending(ActiveRule rule, LogStatement at, String message) {
            this.rule = rule;
            this.at = at;
            this.message = message;
        }

        /** What identifies the finding across runs: the statements' shapes, not their lines or counts. */
        String key() {
            StringBuilder k = new StringBuilder(at.fingerprint());
            related.keySet().forEach(r -> k.append('\0').append(r.fingerprint()));
            return k.toString();
        }

        @Override
        public LogFindingBuilder help(String h) {
            this.help = h;
            return this;
        }

        @Override
        public LogFindingBuilder related(LogStatement where, String m) {
            related.put(where, m);
            return this;
        }

        @Override
        public LogFindingBuilder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }
    }
}
