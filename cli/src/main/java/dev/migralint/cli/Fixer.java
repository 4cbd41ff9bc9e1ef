package dev.migralint.cli;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * reason. Edits that clash in one file wait for the next pass; a file with a statement that did not
 * parse is never edited. Nothing is written here: the result is the new text of each file.
 */
final class Fixer {
    static final String PARSE_ERROR = "parse-error";
    private static final int MAX_PASSES = 10;

    /** A fix that was not applied, and why. */
    record Withheld(Finding finding, String reason) {
    }

    /** The outcome: the new text per changed file, what was applied and withheld, and the last report. */
    record Plan(Map<Path, String> before, Map<Path, String> after, List<Finding> applied, List<Withheld> withheld,
            Report report) {
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
        Map<Path, String> before = new LinkedHashMap<>();
        Map<Path, String> texts = new LinkedHashMap<>();
        List<Finding> applied = new ArrayList<>();
        Map<String, Withheld> withheld = new LinkedHashMap<>();
        Report current = initial;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Finding> candidates = candidates(current, withheld);
            if (candidates.isEmpty()) {
                break;
            }
            Map<Path, List<Finding>> byFile = chooseNonClashing(candidates);
            Map<Path, String> all = new LinkedHashMap<>(texts);
            byFile.forEach((file, fs) -> all.put(file, edited(fs.get(0), fs)));
            Report tried = lint(all);
            if (tried != null && verdict(current, tried, byFile) == null) {
                byFile.forEach((file, fs) -> before.putIfAbsent(file, fs.get(0).location().file().text()));
                texts = all;
                current = tried;
                byFile.values().forEach(applied::addAll);
                continue;
            }
            // Some fix does harm: try them one at a time, keeping those that do none.
            int appliedBefore = applied.size();
            for (Map.Entry<Path, List<Finding>> e : byFile.entrySet()) {
                List<Finding> kept = new ArrayList<>();
                for (Finding f : e.getValue()) {
                    List<Finding> trial = new ArrayList<>(kept);
                    trial.add(f);
                    Map<Path, String> one = new LinkedHashMap<>(texts);
                    one.put(e.getKey(), edited(f, trial));
                    Report r = lint(one);
                    String why = r == null ? "the edited file could not be read back" : verdict(current, r,
                            Map.of(e.getKey(), List.of(f)));
                    if (why == null) {
                        before.putIfAbsent(e.getKey(), f.location().file().text());
                        kept.add(f);
                        texts = one;
                        current = r;
                        applied.add(f);
                    } else {
                        withheld.put(key(f), new Withheld(f, why));
                    }
                }
            }
            if (applied.size() == appliedBefore) {
                break;
            }
        }
        // Files in the order the run reports them (migrations in the order they apply).
        Map<Path, String> after = new LinkedHashMap<>();
        Map<Path, String> was = new LinkedHashMap<>();
        for (Finding f : initial.findings()) {
            Path p = f.location().file().path();
            if (before.containsKey(p) && !after.containsKey(p)) {
                after.put(p, texts.get(p));
                was.put(p, before.get(p));
            }
        }
        return new Plan(was, after, applied, List.copyOf(withheld.values()), current);
    }

    /**
     * Unsuppressed findings with a fix, of the chosen rules. A file with a statement that did not parse
     * gets no fix at all (a parse error points at one token, not at its statement): the fix is withheld.
     */
    private List<Finding> candidates(Report report, Map<String, Withheld> withheld) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.fix() == null || f.suppressed() || f.fix().edits().isEmpty() || withheld.containsKey(key(f))
                    || (!rules.isEmpty() && !rules.contains(f.ruleId()))) {
                continue;
            }
            Finding parseError = parseError(f, report);
            if (parseError == null) {
                out.add(f);
            } else {
                withheld.put(key(f), new Withheld(f, "the file has a statement that did not parse (line "
                        + parseError.location().file().position(parseError.location().startOffset()).line() + ")"));
            }
        }
        return out;
    }

    private static Finding parseError(Finding f, Report report) {
        for (Finding p : report.findings()) {
            if (p.ruleId().equals(PARSE_ERROR) && p.location().file().path().equals(f.location().file().path())) {
                return p;
            }
        }
        return null;
    }

    /** Per file, the fixes whose edits clash with none taken before them (in text order); the rest wait. */
    private static Map<Path, List<Finding>> chooseNonClashing(List<Finding> candidates) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        Map<Path, List<Fix.Edit>> taken = new HashMap<>();
        List<Finding> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(f -> f.fix().edits().stream().mapToInt(e -> e.range().start()).min()
                .orElse(0)));
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
     * findings and no (file, rule) has more; else the reason, naming the new rules.
     */
    private static String verdict(Report before, Report after, Map<Path, List<Finding>> fixed) {
        Map<String, Integer> was = counts(before);
        Map<String, Integer> now = counts(after);
        Set<String> introduced = new TreeSet<>();
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            if (e.getValue() > was.getOrDefault(e.getKey(), 0)) {
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
