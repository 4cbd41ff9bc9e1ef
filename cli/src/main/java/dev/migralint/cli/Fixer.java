package dev.migralint.cli;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which fixes {@code migralint fix} applies. A fix is applied only when linting the run again,
 * with the edited text, shows its finding gone and no new finding anywhere: a fix that trades one
 * problem for another (CONCURRENTLY in a migration that runs in a transaction) is withheld, with the
 * reason. Edits that clash in one file wait for the next pass, and where two fixes exclude each other
 * the one that matters more ({@link #PRIORITY}) goes first; a file with a statement that did not parse
 * is never edited. The run is linted again a few times per pass, not once per fix (see
 * {@link #tryInRounds}). Nothing is written here: the result is the new text of each file. (Over 300
 * lines: the search and its bookkeeping belong together.)
 */
final class Fixer {
    static final String PARSE_ERROR = "parse-error";
    private static final int MAX_PASSES = 10;

    /** A fix that was not applied, and why. */
    record Withheld(Finding finding, String reason) {
    }

    /**
     * The outcome: the new text per changed file, what was applied and withheld, the last report, and
     * how many times the run was linted again to check fixes.
     */
    record Plan(Map<Path, String> before, Map<Path, String> after, List<Finding> applied, List<Withheld> withheld,
            Report report, int lints) {
    }

    private final LintEngine engine;
    private final LintRequest request;
    private final Set<String> rules;

    Fixer(LintEngine engine, LintRequest request, Set<String> rules) {
        this.engine = engine;
        this.request = request;
        this.rules = rules;
    }

    Plan plan(Report initial) {
        Run run = new Run(initial);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Finding> candidates = candidates(run.current, run.withheld);
            if (candidates.isEmpty()) {
                break;
            }
            Map<Path, List<Finding>> batch = chooseNonClashing(candidates);
            Map<Path, String> all = new LinkedHashMap<>(run.texts);
            batch.forEach((file, fs) -> all.put(file, edited(fs.get(0), fs)));
            Report tried = run.lint(all);
            if (tried != null && verdict(run.current, tried, batch, null) == null) {
                run.accept(all, tried, batch);
                continue;
            }
            int appliedBefore = run.applied.size();
            tryInRounds(run, batch);
            if (run.applied.size() == appliedBefore) {
                break;
            }
        }
        // Files in the order the run reports them (migrations in the order they apply).
        Map<Path, String> after = new LinkedHashMap<>();
        Map<Path, String> was = new LinkedHashMap<>();
        for (Finding f : initial.findings()) {
            Path p = f.location().file().path();
            if (run.before.containsKey(p) && !after.containsKey(p)) {
                after.put(p, run.texts.get(p));
                was.put(p, run.before.get(p));
            }
        }
        return new Plan(was, after, run.applied, List.copyOf(run.withheld.values()), run.current, run.lints);
    }

    /**
     * Some fix of the batch does harm. Round by round, every file tries its next fix (in priority
     * order) on top of the ones it kept, all files in one run: a fix whose file gains a finding, or
     * keeps the one it fixes, is withheld. Files do not wait for each other, so the number of runs
     * grows with the most fixes one file has, not with the number of fixes. Harm that shows outside
     * the files tried (one migration's edit changing a later one's findings) sends the round back to
     * one fix at a time.
     */
    private void tryInRounds(Run run, Map<Path, List<Finding>> batch) {
        Map<Path, Deque<Finding>> pending = new LinkedHashMap<>();
        batch.forEach((file, fs) -> pending.put(file, new ArrayDeque<>(fs)));
        Map<Path, List<Finding>> kept = new LinkedHashMap<>();
        while (true) {
            Map<Path, Finding> trial = new LinkedHashMap<>();
            for (Map.Entry<Path, Deque<Finding>> e : pending.entrySet()) {
                Finding next = nextUnresolved(e.getValue(), run.current);
                if (next != null) {
                    trial.put(e.getKey(), next);
                }
            }
            if (trial.isEmpty()) {
                return;
            }
            Map<Path, String> attempt = withTrial(run.texts, kept, trial);
            Report r = run.lint(attempt);
            Map<Path, Finding> good = new LinkedHashMap<>();
            for (Map.Entry<Path, Finding> e : trial.entrySet()) {
                String why = r == null ? "the edited file could not be read back"
                        : verdict(run.current, r, Map.of(e.getKey(), List.of(e.getValue())), e.getKey());
                if (why == null) {
                    good.put(e.getKey(), e.getValue());
                } else {
                    run.withheld.put(key(e.getValue()), new Withheld(e.getValue(), why));
                }
            }
            if (good.isEmpty()) {
                continue;
            }
            if (good.size() < trial.size()) {
                attempt = withTrial(run.texts, kept, good);
                r = run.lint(attempt);
            }
            Map<Path, List<Finding>> fixed = new LinkedHashMap<>();
            good.forEach((file, f) -> fixed.put(file, List.of(f)));
            if (r != null && verdict(run.current, r, fixed, null) == null) {
                run.accept(attempt, r, fixed);
                good.forEach((file, f) -> kept.computeIfAbsent(file, x -> new ArrayList<>()).add(f));
            } else {
                good.forEach((file, f) -> oneAtATime(run, kept, file, f));
            }
        }
    }

    /** Tries one fix alone on top of what its file kept. */
    private void oneAtATime(Run run, Map<Path, List<Finding>> kept, Path file, Finding f) {
        Map<Path, String> one = withTrial(run.texts, kept, Map.of(file, f));
        Report r = run.lint(one);
        String why = r == null ? "the edited file could not be read back"
                : verdict(run.current, r, Map.of(file, List.of(f)), null);
        if (why == null) {
            run.accept(one, r, Map.of(file, List.of(f)));
            kept.computeIfAbsent(file, x -> new ArrayList<>()).add(f);
        } else {
            run.withheld.put(key(f), new Withheld(f, why));
        }
    }

    /** The next fix whose finding is still reported; one an applied fix already resolved is dropped. */
    private static Finding nextUnresolved(Deque<Finding> queue, Report current) {
        while (!queue.isEmpty()) {
            Finding f = queue.poll();
            if (current.findings().stream().anyMatch(c -> key(c).equals(key(f)))) {
                return f;
            }
        }
        return null;
    }

    /** The texts with each file's kept fixes plus its trial fix applied to the text the fixes were made for. */
    private static Map<Path, String> withTrial(Map<Path, String> texts, Map<Path, List<Finding>> kept,
                                               Map<Path, Finding> trial) {
        Map<Path, String> out = new LinkedHashMap<>(texts);
        trial.forEach((file, f) -> {
            List<Finding> fs = new ArrayList<>(kept.getOrDefault(file, List.of()));
            fs.add(f);
            out.put(file, edited(f, fs));
        });
        return out;
    }

    /** The state of one plan: the texts so far, the report on them, and what was applied and withheld. */
    private final class Run {
        final Map<Path, String> before = new LinkedHashMap<>();
        Map<Path, String> texts = new LinkedHashMap<>();
        final List<Finding> applied = new ArrayList<>();
        final Map<String, Withheld> withheld = new LinkedHashMap<>();
        Report current;
        int lints;

        Run(Report initial) {
            this.current = initial;
        }

        Report lint(Map<Path, String> edited) {
            lints++;
            return Fixer.this.lint(edited);
        }

        void accept(Map<Path, String> edited, Report report, Map<Path, List<Finding>> fixes) {
            fixes.forEach((file, fs) -> before.putIfAbsent(file, fs.get(0).location().file().text()));
            texts = edited;
            current = report;
            fixes.values().forEach(applied::addAll);
        }
    }

    /**
     * Unsuppressed findings with a fix, of the chosen rules. A file with a statement that did not parse
     * gets no fix at all (a parse error points at one token, not at its statement): the fix is withheld.
     */
    private List<Finding> candidates(Report report, Map<String, Withheld> withheld) {
        Map<Path, Finding> parseErrors = new HashMap<>();
        for (Finding p : report.findings()) {
            if (p.ruleId().equals(PARSE_ERROR)) {
                parseErrors.putIfAbsent(p.location().file().path(), p);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.fix() == null || f.suppressed() || f.fix().edits().isEmpty() || withheld.containsKey(key(f))
                    || (!rules.isEmpty() && !rules.contains(f.ruleId()))) {
                continue;
            }
            Finding parseError = parseErrors.get(f.location().file().path());
            if (parseError == null) {
                out.add(f);
            } else {
                withheld.put(key(f), new Withheld(f, "the file has a statement that did not parse (line "
                        + parseError.location().file().position(parseError.location().startOffset()).line() + ")"));
            }
        }
        return out;
    }

    /**
     * Which fix goes first when two cannot both be applied: the more severe finding, then a fix that
     * edits its own statement (CONCURRENTLY, NOT VALID) before one that only adds a statement elsewhere
     * (a SET lock_timeout at the top): the edit removes the risk, the added statement only bounds it.
     * Then text order.
     */
    static final Comparator<Finding> PRIORITY = Comparator.comparing(Finding::severity)
            .thenComparing(f -> !editsItsOwnStatement(f))
            .thenComparingInt(f -> f.fix().edits().stream().mapToInt(e -> e.range().start()).min().orElse(0));

    private static boolean editsItsOwnStatement(Finding f) {
        if (!(f.location() instanceof Location.Span span)) {
            return false;
        }
        // An insertion at the statement's very start puts a new statement before it, not an edit of it.
        TextRange r = span.range();
        return f.fix().edits().stream().anyMatch(e -> e.range().start() >= r.start() && e.range().end() <= r.end()
                && (e.range().start() > r.start() || e.range().end() > e.range().start()));
    }

    /** Per file, the fixes whose edits clash with none taken before them (in {@link #PRIORITY} order); the rest wait. */
    private static Map<Path, List<Finding>> chooseNonClashing(List<Finding> candidates) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        Map<Path, List<Fix.Edit>> taken = new HashMap<>();
        List<Finding> sorted = new ArrayList<>(candidates);
        sorted.sort(PRIORITY);
        for (Finding f : sorted) {
            Path file = f.location().file().path();
            List<Fix.Edit> edits = taken.computeIfAbsent(file, x -> new ArrayList<>());
            if (edits.containsAll(f.fix().edits())) {
                continue; // the same edit offered twice: applying it once fixes both.
            }
            boolean clash = f.fix().edits().stream().anyMatch(e -> edits.stream().anyMatch(t -> clash(e, t)));
            if (!clash) {
                edits.addAll(f.fix().edits());
                byFile.computeIfAbsent(file, x -> new ArrayList<>()).add(f);
            }
        }
        return byFile;
    }

    static boolean clash(Fix.Edit a, Fix.Edit b) {
        TextRange x = a.range();
        TextRange y = b.range();
        if (x.start() < y.end() && y.start() < x.end()) {
            return true;
        }
        boolean xEmpty = x.start() == x.end();
        boolean yEmpty = y.start() == y.end();
        return (xEmpty || yEmpty) && (x.start() == y.start()
                || xEmpty && y.start() < x.start() && x.start() < y.end()
                || yEmpty && x.start() < y.start() && y.start() < x.end());
    }

    private static String edited(Finding any, List<Finding> fixes) {
        List<Fix.Edit> edits = new ArrayList<>();
        fixes.forEach(f -> edits.addAll(f.fix().edits()));
        return Fix.apply(any.location().file().text(), edits);
    }

    private Report lint(Map<Path, String> texts) {
        LintRequest r = request;
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            r = r.withText(e.getKey(), e.getValue());
        }
        Report report = engine.run(r);
        return report.problems().isEmpty() ? report : null;
    }

    /**
     * Null when the fixes in {@code fixed} did what they should: each (file, rule) they fix has fewer
     * findings and no (file, rule) has more (in file {@code only}, when it is not null); else the
     * reason, naming the new rules.
     */
    private static String verdict(Report before, Report after, Map<Path, List<Finding>> fixed, Path only) {
        Map<String, Integer> was = counts(before);
        Map<String, Integer> now = counts(after);
        String scope = only == null ? null : only.toAbsolutePath().normalize() + "\u0000";
        Set<String> introduced = new TreeSet<>();
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            if ((scope == null || e.getKey().startsWith(scope)) && e.getValue() > was.getOrDefault(e.getKey(), 0)) {
                introduced.add(e.getKey().substring(e.getKey().indexOf('\u0000') + 1));
            }
        }
        if (!introduced.isEmpty()) {
            return "it would introduce " + String.join(", ", introduced);
        }
        for (List<Finding> fs : fixed.values()) {
            for (Finding f : fs) {
                String k = countKey(f);
                if (now.getOrDefault(k, 0) >= was.getOrDefault(k, 0)) {
                    return "the finding would remain after the fix";
                }
            }
        }
        return null;
    }

    private static Map<String, Integer> counts(Report report) {
        Map<String, Integer> m = new HashMap<>();
        for (Finding f : report.activeFindings()) {
            m.merge(countKey(f), 1, Integer::sum);
        }
        return m;
    }

    private static String countKey(Finding f) {
        return f.location().file().path().toAbsolutePath().normalize() + "\u0000" + f.ruleId();
    }

    private static String key(Finding f) {
        return f.ruleId() + "\u0000" + f.fingerprint();
    }
}
