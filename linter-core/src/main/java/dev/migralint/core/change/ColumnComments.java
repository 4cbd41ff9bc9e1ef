package dev.migralint.core.change;

import dev.migralint.core.change.SchemaChange.CommentOnColumn;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.LineIndex;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What documents a column: PostgreSQL's COMMENT ON COLUMN, and in CREATE TABLE the SQL comments on the
 * lines right above the column and after it on its own line (after its comma too). A comment after
 * the previous column on that column's line is the previous column's. (MySQL's COMMENT attribute is
 * read with the rest of the definition.)
 */
final class ColumnComments {
    private ColumnComments() {
    }

    /**
     * {@code COMMENT ON COLUMN [schema.]table.column IS 'text' | NULL}, read to its end (so JSqlParser need not
     * see it); null for any other statement.
     */
    static CommentOnColumn commentOn(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "comment", "on", "column")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int i = 3;
        while (t.isIdentifier(i)) {
            parts.add(t.identifier(i));
            if (!t.isOperator(i + 1, ".")) {
                break;
            }
            i += 2;
        }
        if (parts.size() < 2 || !t.isWord(i + 1, "is")) {
            return null;
        }
        String text = t.isKind(i + 2, TokenKind.STRING) ? TokenCursor.unquote(t.text(i + 2)) : null;
        if (text == null && !t.isWord(i + 2, "null") || !t.atEnd(i + 3)) {
            return null;
        }
        int n = parts.size();
        ObjectName table = new ObjectName(n >= 3 ? parts.get(n - 3) : null, parts.get(n - 2));
        return new CommentOnColumn(table, parts.get(n - 1), text, range);
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
        collect(LineIndex.firstLine(t.gapBefore(end)), found);
        if (t.isOperator(end, ",")) {
            collect(LineIndex.firstLine(t.gapBefore(end + 1)), found);
        }
        return found.isEmpty() ? null : String.join("\n", found);
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
