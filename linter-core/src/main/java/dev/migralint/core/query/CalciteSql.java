package dev.migralint.core.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A statement respelled for Calcite's parser with every character kept in place (same length, same
 * line breaks), so the positions Calcite reports are positions in the file. Only cheap, exact
 * respellings: parameters of every style ({@code $1}, {@code :name}, {@code @name}, sqlc's
 * {@code sqlc.arg(x)}, and {@code sqlc.embed(t)}) become literals or {@code ?}; a PostgreSQL {@code ::type} cast is blanked (the cast is
 * remembered for the column it applies to, and {@link #original} keeps the text as written); {@code ILIKE} reads as {@code LIKE}; MySQL's
 * double-quoted strings become single-quoted. A statement with anything Calcite would read
 * differently (escape strings, dollar quotes, backslashes in MySQL strings) is not respelled:
 * {@link #of} gives null and the reason.
 */
record CalciteSql(String text, String original, int offset, Map<Integer, TextRange> castsByColumnEnd) {
    private static final Set<String> SQLC_MACROS = Set.of("arg", "narg", "slice", "embed");
    /** Words that continue a PostgreSQL type name after its first word. */
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone");

    /** The respelling, or why there is none. */
    record Result(CalciteSql sql, String skipReason) {
    }

    static Result of(String sql, int offset, List<Token> significant, Dialect dialect) {
        char[] out = sql.toCharArray();
        Map<Integer, TextRange> casts = new HashMap<>();
        for (int i = 0; i < significant.size(); i++) {
            Token t = significant.get(i);
            String word = text(sql, offset, t);
            switch (t.kind()) {
                case DOLLAR_STRING, UNTERMINATED, PLACEHOLDER, META_COMMAND, COPY_DATA, DELIMITER_DIRECTIVE -> {
                    return skip("token Calcite cannot read: " + t.kind().name().toLowerCase(Locale.ROOT));
                }
                case PARAMETER -> parameter(out, offset, t.start(), t.end(), afterLimit(sql, offset, significant, i));
                case STRING -> {
                    String reason = string(out, offset, t, word, dialect);
                    if (reason != null) {
                        return skip(reason);
                    }
                }
                case WORD -> {
                    if (timeZoneLiteral(sql, offset, significant, i)) {
                        // Calcite looks the zone up with java.util.TimeZone, and JDK 25 prints a warning on
                        // standard error for a name such as PST, into the user's terminal or CI log.
                        return skip("a literal with a time zone");
                    }
                    if (word.equalsIgnoreCase("ilike")) {
                        blank(out, offset, t.start(), t.start() + 1);
                    } else if (word.equalsIgnoreCase("sqlc") && i + 3 < significant.size()
                            && text(sql, offset, significant.get(i + 1)).equals(".")
                            && SQLC_MACROS.contains(text(sql, offset, significant.get(i + 2)).toLowerCase(Locale.ROOT))
                            && text(sql, offset, significant.get(i + 3)).equals("(")) {
                        int close = closing(sql, offset, significant, i + 3);
                        if (close < 0) {
                            return skip("unbalanced parentheses");
                        }
                        parameter(out, offset, t.start(), significant.get(close).end(), false);
                        i = close;
                    }
                }
                case OPERATOR -> {
                    if (word.equals("::")) {
                        int end = typeEnd(sql, offset, significant, i + 1);
                        if (end < 0) {
                            return skip("cast to a type Calcite cannot read");
                        }
                        blank(out, offset, t.start(), significant.get(end).end());
                        if (i > 0 && isName(significant.get(i - 1))) {
                            casts.put(significant.get(i - 1).end(),
                                    new TextRange(nameStart(sql, offset, significant, i - 1), significant.get(end).end()));
                        }
                        i = end;
                    } else if (word.equals("@") && i + 1 < significant.size()
                            && significant.get(i + 1).kind() == TokenKind.WORD
                            && significant.get(i + 1).start() == t.end()) {
                        // sqlc's @name parameter, lexed as an operator and a word
                        parameter(out, offset, t.start(), significant.get(i + 1).end(), false);
                        i++;
                    }
                }
                default -> {
                }
            }
        }
        for (int k = 0; k < out.length; k++) {
            // Calcite's parser counts a tab as several columns and a lone CR as a line break of its own.
            if (out[k] == '\t' || out[k] == '\r' || out[k] == '\f') {
                out[k] = ' ';
            }
        }
        return new Result(new CalciteSql(new String(out), sql, offset, Map.copyOf(casts)), null);
    }

    private static Result skip(String reason) {
        return new Result(null, reason);
    }

    private static String text(String sql, int offset, Token t) {
        return sql.substring(t.start() - offset, t.end() - offset);
    }

    /**
     * A parameter becomes an empty string literal where it has room (Calcite cannot type a {@code ?}
     * given to a function, as in {@code lower($1)}, and stops there), else {@code ?}; after LIMIT and
     * OFFSET always {@code ?}, the only form Calcite takes there.
     */
    private static void parameter(char[] out, int offset, int start, int end, boolean limit) {
        blank(out, offset, start, end);
        if (end - start >= 2 && !limit) {
            out[start - offset] = '\'';
            out[start - offset + 1] = '\'';
        } else {
            out[start - offset] = '?';
        }
    }

    private static boolean afterLimit(String sql, int offset, List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        String previous = text(sql, offset, tokens.get(i - 1));
        return previous.equalsIgnoreCase("limit") || previous.equalsIgnoreCase("offset") || previous.equals(",");
    }

    private static void blank(char[] out, int offset, int start, int end) {
        for (int k = start - offset; k < end - offset; k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }

    /** Null when the string reads the same in Calcite, else why it does not. */
    private static String string(char[] out, int offset, Token t, String word, Dialect dialect) {
        char first = word.charAt(0);
        if (first != '\'' && first != '"') {
            return "string prefix " + first; // E'', B'', X'', N'', U&''
        }
        if (dialect == Dialect.MYSQL) {
            if (word.indexOf('\\') >= 0) {
                return "backslash escape in a MySQL string";
            }
            if (first == '"') {
                if (word.indexOf('\'') >= 0) {
                    return "quote inside a MySQL double-quoted string";
                }
                out[t.start() - offset] = '\'';
                out[t.end() - 1 - offset] = '\'';
            }
        }
        return null;
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    /** Where a possibly qualified name ending at token {@code last} starts. */
    private static int nameStart(String sql, int offset, List<Token> tokens, int last) {
        int k = last;
        while (k >= 2 && text(sql, offset, tokens.get(k - 1)).equals(".") && isName(tokens.get(k - 2))) {
            k -= 2;
        }
        return tokens.get(k).start();
    }

    /** The index of the last token of a type name starting at {@code first}, or -1. */
    private static int typeEnd(String sql, int offset, List<Token> tokens, int first) {
        if (first >= tokens.size() || !isName(tokens.get(first))) {
            return -1;
        }
        int k = first;
        while (k + 2 < tokens.size() && text(sql, offset, tokens.get(k + 1)).equals(".") && isName(tokens.get(k + 2))) {
            k += 2;
        }
        while (k + 1 < tokens.size() && tokens.get(k + 1).kind() == TokenKind.WORD
                && TYPE_WORDS.contains(text(sql, offset, tokens.get(k + 1)).toLowerCase(Locale.ROOT))) {
            k++;
        }
        if (k + 1 < tokens.size() && text(sql, offset, tokens.get(k + 1)).equals("(")) {
            k = closing(sql, offset, tokens, k + 1);
            if (k < 0) {
                return -1;
            }
        }
        while (k + 2 < tokens.size() && text(sql, offset, tokens.get(k + 1)).equals("[")
                && text(sql, offset, tokens.get(k + 2)).equals("]")) {
            k += 2;
        }
        return k;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String sql, int offset, List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            String s = text(sql, offset, tokens.get(k));
            if (s.equals("(")) {
                depth++;
            } else if (s.equals(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The offset in the file of 1-based {@code line} and {@code column} of {@link #text}. */
    int offsetOf(int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                return offset + text.length();
            }
            at = nl + 1;
        }
        return offset + Math.min(at + column - 1, text.length());
    }

    /** {@code ... WITH [LOCAL] TIME ZONE '...'}: a typed literal whose string carries a zone name. */
    private static boolean timeZoneLiteral(String sql, int offset, List<Token> significant, int i) {
        return text(sql, offset, significant.get(i)).equalsIgnoreCase("zone") && i >= 1
                && i + 1 < significant.size() && significant.get(i + 1).kind() == TokenKind.STRING
                && text(sql, offset, significant.get(i - 1)).equalsIgnoreCase("time");
    }
}
