package dev.migralint.core.engine;

import dev.migralint.core.rule.RuleIdSuggestion;
import dev.migralint.core.rule.UnusedSuppression;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The last step for one file, once every chain has been linted: orders its findings, applies its
 * inline suppressions (reporting those that suppress nothing) and gives each finding its fingerprint.
 * Works on the whole file, since one file may hold several scripts (dbmate, goose, Liquibase).
 */
final class FileFindings {
    static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.location().startOffset())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private static final String DIRECTIVE = "migralint-ignore";

    private final List<ActiveRule> rules;
    private final Set<String> knownRuleIds;
    private final Path fingerprintRoot;

    /**
     * {@code fingerprintRoot} is the folder fingerprints name files relative to: the config file's
     * folder when there is one, so a baseline recorded from the repository root still matches a run
     * from a module (the Maven plugin) or a subfolder; null to use the report's paths.
     */
    FileFindings(List<ActiveRule> rules, Set<String> knownRuleIds, Path fingerprintRoot) {
        this.rules = rules;
        this.knownRuleIds = knownRuleIds;
        this.fingerprintRoot = fingerprintRoot == null ? null : fingerprintRoot.toAbsolutePath().normalize();
    }

    private String fingerprintPath(SourceFile file) {
        if (fingerprintRoot != null) {
            Path abs = file.path().toAbsolutePath().normalize();
            if (abs.startsWith(fingerprintRoot)) {
                return fingerprintRoot.relativize(abs).toString().replace('\\', '/');
            }
        }
        return file.displayPath();
    }

    /** {@code lexOptions}: how to lex the file (its chain's dialect) when looking for directives. */
    List<Finding> finish(SourceFile file, LexOptions lexOptions, List<Finding> findings, List<ScriptStatement> statements) {
        List<ScriptStatement> ordered = new ArrayList<>(statements);
        ordered.sort(Comparator.comparingInt(s -> s.range().start()));
        List<Finding> result = new ArrayList<>(findings);
        result.sort(ORDER);
        // Lexing the whole file again is only worth it where a directive may be.
        if (file.text().contains(DIRECTIVE)) {
            Suppressions suppressions = MapperSuppressions.isMapper(file) ? MapperSuppressions.parse(file)
                    : Suppressions.parse(file, Lexer.lex(file.text(), lexOptions).tokens(), ordered);
            boolean[][] used = suppressions.newUsage();
            List<Finding> applied = new ArrayList<>(suppressions.apply(result, used));
            // Directives naming unused-suppression (or all rules) are judged after the others'
            // findings have had the chance to be suppressed by them.
            applied.addAll(suppressions.apply(unused(file, suppressions, used, false), used));
            applied.addAll(unused(file, suppressions, used, true));
            applied.sort(ORDER);
            result = applied;
        }
        return Fingerprints.assign(fingerprintPath(file), result, ordered);
    }

    private List<Finding> unused(SourceFile file, Suppressions suppressions, boolean[][] used, boolean selfTargets) {
        ActiveRule rule = ActiveRule.find(rules, UnusedSuppression.ID);
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
                if (t.ruleId().equals(UnusedSuppression.ID) != selfTargets) {
                    continue;
                }
                if (!knownRuleIds.contains(t.ruleId())) {
                    out.add(unused(rule, file, t.range(), "migralint-ignore names unknown rule '" + t.ruleId() + "'"
                            + RuleIdSuggestion.of(t.ruleId(), knownRuleIds)));
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
}
