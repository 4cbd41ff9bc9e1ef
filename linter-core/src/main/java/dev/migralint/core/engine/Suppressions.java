package dev.migralint.core.engine;

import dev.migralint.core.rule.UnusedSuppression;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.lex.Token;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions, one syntax: {@code -- migralint-ignore rule-a, rule-b -- reason} suppresses those
 * rules on the next statement; {@code -- migralint-ignore-file rule-a} anywhere in the file suppresses
 * them in the whole file. Without rule ids, all rules are suppressed. Both work in block comments too.
 */
final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^(?:--|#|/\\*)\\s*migralint-ignore(-file)?(?=\\s|$|\\*/)(.*?)(?:\\*/)?\\s*$", Pattern.DOTALL);
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** One rule id named by a directive, and where it is written. */
    record Target(String ruleId, TextRange range) {
    }

    /**
     * A directive: {@code targets} empty means all rules; {@code scope} is the statement it covers, or
     * null for the whole file (or for a directive with no statement after it).
     */
    record Directive(TextRange comment, boolean wholeFile, List<Target> targets, String justification,
                     TextRange scope) {
        boolean covers(String ruleId) {
            return targets.isEmpty() || targets.stream().anyMatch(t -> t.ruleId().equals(ruleId));
        }
    }

    private final SourceFile file;
    private final List<Directive> directives;

    private Suppressions(SourceFile file, List<Directive> directives) {
        this.file = file;
        this.directives = directives;
    }

    static Suppressions parse(SourceFile file, List<Token> tokens, List<ScriptStatement> statements) {
        List<Directive> found = new ArrayList<>();
        String text = file.text();
        int next = 0;
        for (Token t : tokens) {
            if (!t.isComment()) {
                continue;
            }
            while (next < statements.size() && statements.get(next).range().start() < t.end()) {
                next++;
            }
            TextRange scope = next < statements.size() ? statements.get(next).range() : null;
            Directive d = directive(t.text(text), t.start(), t.range(), scope);
            if (d != null) {
                found.add(d);
            }
        }
        return new Suppressions(file, List.copyOf(found));
    }

    /** Directives found elsewhere than in SQL comments of the file (as in a MyBatis mapper's XML). */
    static Suppressions of(SourceFile file, List<Directive> directives) {
        return new Suppressions(file, List.copyOf(directives));
    }

    /**
     * The directive a comment holds, or null: {@code comment} is its text in the SQL form ({@code --},
     * {@code #} or a block comment), whose character i is at offset {@code base + i} of the file;
     * {@code range} is the whole comment; {@code scope} the statement it covers unless it is for the file.
     */
    static Directive directive(String comment, int base, TextRange range, TextRange scope) {
        Matcher m = DIRECTIVE.matcher(comment);
        if (!m.matches()) {
            return null;
        }
        boolean wholeFile = m.group(1) != null;
        String body = m.group(2);
        int bodyStart = base + m.start(2);
        String ids = body;
        String justification = null;
        int reason = body.indexOf("--");
        if (reason >= 0) {
            ids = body.substring(0, reason);
            justification = body.substring(reason + 2).trim();
            if (justification.isEmpty()) {
                justification = null;
            }
        }
        List<Target> targets = new ArrayList<>();
        Matcher idm = RULE_ID.matcher(ids);
        while (idm.find()) {
            targets.add(new Target(idm.group(), new TextRange(bodyStart + idm.start(), bodyStart + idm.end())));
        }
        return new Directive(range, wholeFile, List.copyOf(targets), justification, wholeFile ? null : scope);
    }

    List<Directive> directives() {
        return directives;
    }

    /**
     * Marks the findings the directives cover as suppressed and records which targets were used;
     * returns the findings in the same order.
     */
    List<Finding> apply(List<Finding> findings, boolean[][] used) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding result = f;
            int at = f.location().startOffset();
            for (int d = 0; d < directives.size() && !result.suppressed(); d++) {
                Directive dir = directives.get(d);
                boolean inScope = dir.wholeFile() || (dir.scope() != null && at >= dir.scope().start()
                        && at <= dir.scope().end());
                if (!inScope || !dir.covers(f.ruleId())) {
                    continue;
                }
                // A file-level unused-suppression finding can be silenced, a statement-level one
                // cannot silence itself.
                if (f.ruleId().equals(UnusedSuppression.ID) && !dir.wholeFile()) {
                    continue;
                }
                markUsed(used, d, dir, f.ruleId());
                result = f.withSuppression(new Suppression(Suppression.Kind.INLINE, dir.justification(),
                        new Location.Span(file, dir.comment())));
            }
            out.add(result);
        }
        return out;
    }

    boolean[][] newUsage() {
        boolean[][] used = new boolean[directives.size()][];
        for (int i = 0; i < directives.size(); i++) {
            used[i] = new boolean[Math.max(1, directives.get(i).targets().size())];
        }
        return used;
    }

    private static void markUsed(boolean[][] used, int d, Directive dir, String ruleId) {
        if (dir.targets().isEmpty()) {
            used[d][0] = true;
            return;
        }
        for (int i = 0; i < dir.targets().size(); i++) {
            if (dir.targets().get(i).ruleId().equals(ruleId)) {
                used[d][i] = true;
            }
        }
    }
}
