package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The significant tokens of one statement with the questions the translator asks of them: is this
 * token a given keyword, where does this parenthesis close, where are the top-level commas. Indexes
 * are positions in the token list; out-of-range indexes answer "no" rather than throw, so readers can
 * look ahead freely.
 */
final class StatementTokens {
    private final String source;
    private final List<Token> tokens;
    private final Dialect dialect;

    StatementTokens(ScriptStatement statement, Dialect dialect) {
        this.source = statement.file().text();
        this.tokens = statement.significantTokens();
        this.dialect = dialect;
    }

    int size() {
        return tokens.size();
    }

    Dialect dialect() {
        return dialect;
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String text(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text(source) : "";
    }

    /** Lower-cased text of an unquoted word, or "" for any other token. */
    String word(int i) {
        return isKind(i, TokenKind.WORD) ? text(i).toLowerCase(Locale.ROOT) : "";
    }

    boolean isWord(int i, String keyword) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(source, keyword);
    }

    /** True when the words starting at {@code i} are exactly {@code keywords}. */
    boolean isWords(int i, String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!isWord(i + k, keywords[k])) {
                return false;
            }
        }
        return true;
    }

    /** {@code i} moved past {@code keywords} when they stand there, else {@code i} unchanged. */
    int skip(int i, String... keywords) {
        return isWords(i, keywords) ? i + keywords.length : i;
    }

    boolean isOperator(int i, String op) {
        return isKind(i, TokenKind.OPERATOR) && text(i).equals(op);
    }

    boolean isKind(int i, TokenKind kind) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == kind;
    }

    /** An identifier: an unquoted word, a quoted identifier, or a masked placeholder standing for one. */
    boolean isIdentifier(int i) {
        return isKind(i, TokenKind.WORD) || isKind(i, TokenKind.QUOTED_IDENTIFIER)
                || isKind(i, TokenKind.PLACEHOLDER);
    }

    /** Index of the ')' that closes the '(' at {@code open}, or -1 when it never closes. */
    int closingParen(int open) {
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
    List<int[]> splitTopLevel(int from, int to) {
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
    int findTopLevelWord(int from, int to, String keyword) {
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
    TextRange range(int from, int toInclusive) {
        return new TextRange(tokens.get(from).start(), tokens.get(toInclusive).end());
    }

    /** Source text from token {@code from} to token {@code toInclusive}, as written. */
    String sourceText(int from, int toInclusive) {
        return source.substring(tokens.get(from).start(), tokens.get(toInclusive).end());
    }

    /**
     * A canonical form of tokens {@code [from, to)}: unquoted words lower-cased, quoted identifiers and
     * strings kept, tokens separated by one space except around {@code ( ) [ ] . ::} and before a comma.
     * Two spellings of the same expression ("LOWER( email )", "lower(email)") give the same text.
     */
    String canonical(int from, int to) {
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

    private static final java.util.Set<String> NO_SPACE_AFTER = java.util.Set.of("(", "[", ".", "::");
    private static final java.util.Set<String> NO_SPACE_BEFORE = java.util.Set.of(")", "]", ",", ".", "::", "[");

    private boolean spaceBetween(int left, int right) {
        boolean leftOp = isKind(left, TokenKind.OPERATOR);
        boolean rightOp = isKind(right, TokenKind.OPERATOR);
        if ((leftOp && NO_SPACE_AFTER.contains(text(left))) || (rightOp && NO_SPACE_BEFORE.contains(text(right)))) {
            return false;
        }
        // a function call, lower(email), as opposed to a keyword before a parenthesis: a and (b or c)
        return !(rightOp && text(right).equals("(") && !leftOp && !KEYWORDS_BEFORE_PAREN.contains(word(left)));
    }

    private static final java.util.Set<String> KEYWORDS_BEFORE_PAREN = java.util.Set.of(
            "and", "or", "not", "in", "is", "between", "like", "ilike", "when", "then", "else", "case", "as", "on",
            "where", "select");

    /** Reads a possibly qualified name at {@code i}: identifiers joined by '.'; null when none is there. */
    QualifiedName qualifiedName(int i) {
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
        return new QualifiedName(new ObjectName(schema, name), i, end);
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
    String identifier(int i) {
        return isKind(i, TokenKind.PLACEHOLDER) ? text(i) : ObjectName.normalize(text(i), dialect);
    }

    /** A name read from tokens {@code [start, end)}. */
    record QualifiedName(ObjectName name, int start, int end) {
    }
}
