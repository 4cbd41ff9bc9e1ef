package dev.migralint.core.lex;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The significant tokens of one statement with the questions the token readers ask of them: is this
 * token a given keyword, where does this parenthesis close, where are the top-level commas. Indexes
 * are positions in the token list; out-of-range indexes answer "no" rather than throw, so readers can
 * look ahead freely. The one cursor every token-level reader uses.
 */
public final class TokenCursor {
    private final String source;
    private final List<Token> tokens;
    private final Dialect dialect;

    /** {@code tokens} are a statement's significant tokens (no comments or whitespace) in {@code source}. */
    public TokenCursor(String source, List<Token> tokens, Dialect dialect) {
        this.source = source;
        this.tokens = tokens;
        this.dialect = dialect;
    }

    public int size() {
        return tokens.size();
    }

    public Dialect dialect() {
        return dialect;
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public String text(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text(source) : "";
    }

    /** Lower-cased text of an unquoted word, or "" for any other token. */
    public String word(int i) {
        return isKind(i, TokenKind.WORD) ? text(i).toLowerCase(Locale.ROOT) : "";
    }

    public boolean isWord(int i, String keyword) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(source, keyword);
    }

    /** True when the words starting at {@code i} are exactly {@code keywords}. */
    public boolean isWords(int i, String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!isWord(i + k, keywords[k])) {
                return false;
            }
        }
        return true;
    }

    /** {@code i} moved past {@code keywords} when they stand there, else {@code i} unchanged. */
    public int skip(int i, String... keywords) {
        return isWords(i, keywords) ? i + keywords.length : i;
    }

    public boolean isOperator(int i, String op) {
        return isKind(i, TokenKind.OPERATOR) && text(i).equals(op);
    }

    public boolean isKind(int i, TokenKind kind) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == kind;
    }

    /** An identifier: an unquoted word, a quoted identifier, or a masked placeholder standing for one. */
    public boolean isIdentifier(int i) {
        return isKind(i, TokenKind.WORD) || isKind(i, TokenKind.QUOTED_IDENTIFIER)
                || isKind(i, TokenKind.PLACEHOLDER);
    }

    /** Index of the ')' that closes the '(' at {@code open}, or -1 when it never closes. */
    public int closingParen(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (isOperator(i, "(")) {
                depth++;
            } else if (isOperator(i, ")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits {@code [from, to)} at commas outside parentheses and brackets; returns {start, end} pairs. */
    public List<int[]> splitTopLevel(int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            String t = isKind(i, TokenKind.OPERATOR) ? text(i) : "";
            if (t.equals("(") || t.equals("[")) {
                depth++;
            } else if (t.equals(")") || t.equals("]")) {
                depth--;
            } else if (t.equals(",") && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            parts.add(new int[] {start, to});
        }
        return parts;
    }

    /** First index in {@code [from, to)} outside parentheses holding the keyword, or -1. */
    public int findTopLevelWord(int from, int to, String keyword) {
        int depth = 0;
        for (int i = from; i < to && i < tokens.size(); i++) {
            if (isOperator(i, "(")) {
                depth++;
            } else if (isOperator(i, ")")) {
                depth--;
            } else if (depth == 0 && isWord(i, keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The range from the start of token {@code from} to the end of token {@code toInclusive}. */
    public TextRange range(int from, int toInclusive) {
        return new TextRange(tokens.get(from).start(), tokens.get(toInclusive).end());
    }

    /**
     * The source between significant tokens {@code i - 1} and {@code i}: only blanks and comments can be
     * there. Empty at either end of the statement.
     */
    public String gapBefore(int i) {
        if (i <= 0 || i >= tokens.size()) {
            return "";
        }
        return source.substring(tokens.get(i - 1).end(), tokens.get(i).start());
    }

    /** Source text from token {@code from} to token {@code toInclusive}, as written. */
    public String sourceText(int from, int toInclusive) {
        return source.substring(tokens.get(from).start(), tokens.get(toInclusive).end());
    }

    /**
     * A canonical form of tokens {@code [from, to)}: unquoted words lower-cased, quoted identifiers and
     * strings kept, tokens separated by one space except around {@code ( ) [ ] . ::} and before a comma.
     * Two spellings of the same expression ("LOWER( email )", "lower(email)") give the same text.
     */
    public String canonical(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            String text = t.kind() == TokenKind.WORD ? text(i).toLowerCase(Locale.ROOT) : text(i);
            if (i > from && spaceBetween(i - 1, i)) {
                sb.append(' ');
            }
            sb.append(text);
        }
        return sb.toString();
    }

    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", ".", "::");
    private static final Set<String> NO_SPACE_BEFORE = Set.of(")", "]", ",", ".", "::", "[");

    private boolean spaceBetween(int left, int right) {
        boolean leftOp = isKind(left, TokenKind.OPERATOR);
        boolean rightOp = isKind(right, TokenKind.OPERATOR);
        if ((leftOp && NO_SPACE_AFTER.contains(text(left))) || (rightOp && NO_SPACE_BEFORE.contains(text(right)))) {
            return false;
        }
        // a function call, lower(email), as opposed to a keyword before a parenthesis: a and (b or c)
        return !(rightOp && text(right).equals("(") && !leftOp && !KEYWORDS_BEFORE_PAREN.contains(word(left)));
    }

    private static final Set<String> KEYWORDS_BEFORE_PAREN = Set.of(
            "and", "or", "not", "in", "is", "between", "like", "ilike", "when", "then", "else", "case", "as", "on",
            "where", "select");

    /**
     * Reads a possibly qualified name at {@code i}: identifiers joined by '.', each normalized as the
     * database resolves it; null when none is there. A leading catalog part is dropped.
     */
    public QualifiedName qualifiedName(int i) {
        if (!isIdentifier(i)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int end = partEnd(i);
        parts.add(part(i, end));
        while (isOperator(end, ".") && isIdentifier(end + 1)) {
            int next = partEnd(end + 1);
            parts.add(part(end + 1, next));
            end = next;
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        int last = end - 1;
        while (last > i && !isOperator(last - 1, ".")) {
            last--;
        }
        String spelling = last + 1 == end && !isKind(last, TokenKind.PLACEHOLDER) ? spelling(text(last), dialect) : null;
        return new QualifiedName(schema, name, i, end, spelling);
    }

    /** True when no token is left at {@code i}: a reader matched the statement to its end. */
    public boolean atEnd(int i) {
        return i >= tokens.size();
    }

    /** End of the name part at {@code i}: one identifier, or words glued to placeholders ({@code idx_${name}}). */
    private int partEnd(int i) {
        int end = i + 1;
        while (isIdentifier(end) && tokens.get(end).start() == tokens.get(end - 1).end()
                && (isKind(end, TokenKind.PLACEHOLDER) || isKind(end - 1, TokenKind.PLACEHOLDER))) {
            end++;
        }
        return end;
    }

    private String part(int start, int end) {
        return end == start + 1 ? identifier(start) : sourceText(start, end - 1);
    }

    /**
     * One identifier normalized as the database resolves it. A placeholder keeps its text as written
     * ({@code ${schema}}), which reads better in messages than its masked form.
     */
    public String identifier(int i) {
        return isKind(i, TokenKind.PLACEHOLDER) ? text(i) : normalize(text(i), dialect);
    }

    /** The identifier at {@code i} as written (see {@link #spelling(String, Dialect)}): null but in MySQL. */
    public String spelling(int i) {
        return isKind(i, TokenKind.PLACEHOLDER) ? null : spelling(text(i), dialect);
    }

    /**
     * A name read from tokens {@code [start, end)}: {@code schema} null when not given; parts normalized;
     * {@code spelling} the last part as written where normalizing folded its case (see {@link #spelling}).
     */
    public record QualifiedName(String schema, String name, int start, int end, String spelling) {
    }

    /**
     * An identifier as written, without its quotes, where {@link #normalize} folds a case that the
     * database keeps: MySQL stores a table under the case it was created with (and Linux servers compare
     * it so), though migralint matches it case-insensitively. Null in other dialects, where the folded
     * name is the database's own.
     */
    public static String spelling(String raw, Dialect dialect) {
        if (raw == null || dialect != Dialect.MYSQL) {
            return null;
        }
        String s = raw.trim();
        boolean quoted = s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`') && s.charAt(s.length() - 1) == s.charAt(0);
        return quoted ? unquote(s) : s;
    }

    /**
     * One identifier as written in SQL (with or without quotes or backticks), normalized the way the
     * database resolves it: PostgreSQL folds unquoted names to lower case and keeps quoted ones; MySQL
     * compares table names case-insensitively on the common setups, so both fold to lower case there.
     */
    public static String normalize(String raw, Dialect dialect) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.length() >= 2 && (s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"')) {
            String inner = unquote(s);
            return dialect == Dialect.MYSQL ? inner.toLowerCase(Locale.ROOT) : inner;
        }
        if (s.length() >= 2 && s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`') {
            return unquote(s).toLowerCase(Locale.ROOT);
        }
        if (s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            return s.substring(1, s.length() - 1).toLowerCase(Locale.ROOT);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a quoted token: enclosing quotes (', ", `) removed, an E, N, B, X or U& prefix
     * dropped, the doubled quote character inside undone ('it''s' -> it's). Text that is not quoted
     * comes back as it is.
     */
    public static String unquote(String s) {
        String v = s;
        if (v.length() > 3 && v.regionMatches(true, 0, "U&", 0, 2)) {
            v = v.substring(2);
        } else if (v.length() > 2 && Character.isLetter(v.charAt(0)) && (v.charAt(1) == '\'' || v.charAt(1) == '"')) {
            v = v.substring(1);
        }
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"' || v.charAt(0) == '`')
                && v.charAt(v.length() - 1) == v.charAt(0)) {
            char q = v.charAt(0);
            return v.substring(1, v.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return v;
    }
}
