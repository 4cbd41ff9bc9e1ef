package dev.migralint.core.change;

import dev.migralint.core.lex.TokenCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL comments that document one element of a list such as CREATE TABLE's columns: those on the
 * lines right above it, and those after it on its own line (after its comma too). A comment after
 * the previous element on that element's line is the previous element's.
 */
final class SqlComments {
    private SqlComments() {
    }

    /** A line comment, or a block comment (PostgreSQL nests them; one level is enough for prose). */
    private static final Pattern COMMENT = Pattern.compile("--([^\\r\\n]*)|/\\*(.*?)\\*/", Pattern.DOTALL);

    /** The comments of the element in tokens {@code [start, end)}, one per line; null when there are none. */
    static String around(TokenCursor t, int start, int end) {
        List<String> found = new ArrayList<>();
        String before = t.gapBefore(start);
        int newline = before.indexOf('\n');
        if (newline >= 0) {
            collect(before.substring(newline + 1), found);
        }
        collect(firstLine(t.gapBefore(end)), found);
        if (t.isOperator(end, ",")) {
            collect(firstLine(t.gapBefore(end + 1)), found);
        }
        return found.isEmpty() ? null : String.join("\n", found);
    }

    private static String firstLine(String gap) {
        int newline = gap.indexOf('\n');
        return newline < 0 ? gap : gap.substring(0, newline);
    }

    private static void collect(String gap, List<String> into) {
        Matcher m = COMMENT.matcher(gap);
        while (m.find()) {
            String text = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (!text.isEmpty()) {
                into.add(text);
            }
        }
    }
}
