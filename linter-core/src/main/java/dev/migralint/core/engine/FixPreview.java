package dev.migralint.core.engine;

import dev.migralint.core.diag.Fix;
import dev.migralint.core.lex.Token;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a help shows for a fix: the statement as it reads with the fix's edits applied, computed
 * from the source text and never rebuilt from the change model, so every clause, quote and letter
 * case the author wrote survives. A rule may show a clause of the statement instead (a column
 * definition). Comments inside are left out (they are not part of what the database runs), a
 * statement's terminator is kept when it follows the statement directly, and line breaks are LF
 * whatever the file uses.
 */
final class FixPreview {
    private FixPreview() {
    }

    /**
     * {@code scope} of {@code text} (widened to cover every edit, and with {@code terminator} to the
     * {@code ;} right after it) with the fix applied and {@code comments} (tokens of {@code text}) left out.
     */
    static String of(String text, TextRange scope, List<Token> comments, Fix fix, boolean terminator) {
        int start = scope.start();
        int end = scope.end();
        for (Fix.Edit e : fix.edits()) {
            start = Math.min(start, e.range().start());
            end = Math.max(end, e.range().end());
        }
        if (terminator && end < text.length() && text.charAt(end) == ';') {
            end++;
        }
        List<Fix.Edit> edits = new ArrayList<>();
        for (Fix.Edit e : fix.edits()) {
            edits.add(new Fix.Edit(new TextRange(e.range().start() - start, e.range().end() - start), e.replacement()));
        }
        String window = text.substring(start, end);
        List<Fix.Edit> fixEdits = List.copyOf(edits);
        for (Token c : comments) {
            if (!c.isComment() || c.start() < start || c.end() > end) {
                continue;
            }
            TextRange comment = new TextRange(c.start() - start, c.end() - start);
            Fix.Edit removal = removal(window, comment.start(), comment.end());
            // A comment the fix edits, or one next to another comment, stays: the text is shown, not run.
            if (edits.stream().noneMatch(e -> touches(e.range(), removal.range()))
                    && fixEdits.stream().noneMatch(e -> touches(e.range(), comment))) {
                edits.add(removal);
            }
        }
        return Fix.apply(window, edits).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The whole lines that {@code range} touches: the scope of a fix outside any statement. */
    static TextRange lines(String text, TextRange range) {
        int start = range.start();
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        int end = range.end();
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return new TextRange(start, end);
    }

    /**
     * Leaves out a comment with the blanks before it; a comment alone on its line goes with its line
     * break, and one between two tokens becomes a space so they stay apart.
     */
    private static Fix.Edit removal(String s, int from, int to) {
        int before = from;
        while (before > 0 && isBlank(s.charAt(before - 1))) {
            before--;
        }
        int after = to;
        while (after < s.length() && isBlank(s.charAt(after))) {
            after++;
        }
        boolean lineStart = before == 0 || isBreak(s.charAt(before - 1));
        boolean lineEnd = after == s.length() || isBreak(s.charAt(after));
        if (lineStart && lineEnd) {
            int next = after;
            if (next < s.length() && s.charAt(next) == '\r') {
                next++;
            }
            if (next < s.length() && s.charAt(next) == '\n') {
                next++;
            }
            return new Fix.Edit(new TextRange(before, next), "");
        }
        if (lineEnd || lineStart) {
            return new Fix.Edit(new TextRange(lineStart ? from : before, lineStart ? after : to), "");
        }
        return new Fix.Edit(new TextRange(before, after), " ");
    }

    /** True when applying both edits would clash: they overlap, or one inserts strictly inside the other. */
    private static boolean touches(TextRange a, TextRange b) {
        if (a.length() == 0 || b.length() == 0) {
            TextRange point = a.length() == 0 ? a : b;
            TextRange other = a.length() == 0 ? b : a;
            return other.start() < point.start() && point.start() < other.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
