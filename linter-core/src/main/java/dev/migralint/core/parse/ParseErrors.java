package dev.migralint.core.parse;

import dev.migralint.core.source.LineIndex;
import dev.migralint.core.split.ScriptStatement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;

/**
 * Turns JSqlParser's errors into a file offset and a short message. JavaCC reports 1-based lines
 * and columns relative to the statement text; it counts a tab as one column, CRLF as one line break
 * and a lone CR as one too, which is exactly a UTF-16 offset within the line.
 */
final class ParseErrors {
    private static final int MAX_EXPECTED = 6;
    private static final int MAX_TOKEN_TEXT = 40;
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private ParseErrors() {
    }

    record Located(int offset, String message) {
    }

    /** Offset of a parser token within {@code sql}; the end-of-input token sits at the end. */
    static int offsetOf(String sql, Token token) {
        if (token.kind == CCJSqlParserConstants.EOF) {
            return sql.length();
        }
        return offsetOf(sql, token.beginLine, token.beginColumn);
    }

    static int offsetOf(String sql, TokenMgrException e) {
        Matcher m = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return 0;
        }
        return offsetOf(sql, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        int n = sql.length();
        for (int l = 1; l < line && offset < n; offset++) {
            char c = sql.charAt(offset);
            if (c == '\n' || (c == '\r' && (offset + 1 >= n || sql.charAt(offset + 1) != '\n'))) {
                l++;
            }
        }
        return Math.max(0, Math.min(n, offset + column - 1));
    }

    /** The absolute offset and message for a failure at {@code offset} within the statement text. */
    static Located locate(ScriptStatement statement, int offset, Throwable error) {
        int absolute = statement.range().start() + Math.max(0, Math.min(offset, statement.sql().length()));
        return new Located(absolute, message(statement, absolute, error));
    }

    private static String message(ScriptStatement statement, int absolute, Throwable error) {
        if (error instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token at = pe.currentToken.next;
            String found = at.kind == CCJSqlParserConstants.EOF
                    ? "end of statement"
                    : "\"" + originalText(statement, absolute, at.image) + "\"";
            String expected = pe.expectedTokenSequences == null ? "end of statement" : expected(pe);
            return expected.isEmpty() ? "unexpected " + found : "unexpected " + found + "; expected " + expected;
        }
        if (error instanceof TokenMgrException) {
            String msg = String.valueOf(error.getMessage());
            int encountered = msg.indexOf("Encountered");
            return "cannot read the text here" + (encountered < 0 ? "" : " (" + shorten(msg.substring(encountered), 80) + ")");
        }
        if (error instanceof StackOverflowError) {
            return "statement is nested too deeply to parse";
        }
        String msg = error == null ? null : error.getMessage();
        return msg == null || msg.isBlank() ? "statement could not be parsed" : shorten(LineIndex.firstLine(msg), 120);
    }

    /** The token as written in the file, so a masked placeholder shows as the user wrote it. */
    private static String originalText(ScriptStatement statement, int absolute, String image) {
        String text = statement.file().text();
        for (dev.migralint.core.lex.Token token : statement.tokens()) {
            if (token.start() == absolute) {
                return shorten(LineIndex.firstLine(token.text(text)), MAX_TOKEN_TEXT);
            }
        }
        int end = Math.min(Math.min(text.length(), statement.range().end()), absolute + (image == null ? 0 : image.length()));
        String written = absolute < end ? text.substring(absolute, end) : String.valueOf(image);
        return shorten(LineIndex.firstLine(written), MAX_TOKEN_TEXT);
    }

    private static String expected(ParseException pe) {
        Set<String> names = new LinkedHashSet<>();
        for (int[] sequence : pe.expectedTokenSequences) {
            if (sequence.length > 0 && pe.tokenImage != null && sequence[0] < pe.tokenImage.length) {
                names.add(display(pe.tokenImage[sequence[0]]));
            }
        }
        if (names.size() == 1) {
            return names.iterator().next();
        }
        StringBuilder sb = new StringBuilder("one of ");
        int shown = 0;
        for (String name : names) {
            if (shown == MAX_EXPECTED) {
                sb.append(", ... (").append(names.size() - MAX_EXPECTED).append(" more)");
                break;
            }
            sb.append(shown++ == 0 ? "" : ", ").append(name);
        }
        return names.isEmpty() ? "" : sb.toString();
    }

    private static String display(String image) {
        return switch (image) {
            case "<EOF>" -> "end of statement";
            case "<ST_SEMICOLON>" -> "\";\"";
            case "<S_IDENTIFIER>", "<S_QUOTED_IDENTIFIER>" -> "identifier";
            case "<S_CHAR_LITERAL>" -> "string";
            case "<S_LONG>", "<S_DOUBLE>" -> "number";
            default -> {
                if (image.startsWith("<K_") && image.endsWith(">")) {
                    yield "\"" + image.substring(3, image.length() - 1).replace('_', ' ') + "\"";
                }
                if (image.startsWith("<") && image.endsWith(">")) {
                    yield image.substring(1, image.length() - 1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                }
                yield image;
            }
        };
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
