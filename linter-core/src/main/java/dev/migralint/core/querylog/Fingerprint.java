package dev.migralint.core.querylog;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Keywords;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a statement, what stays the same when an application runs it again with other values:
 * literals and bind parameters become {@code ?}, a list of them ({@code IN (1, 2, 3)},
 * {@code VALUES (..), (..)}) one {@code ?} or one row, comments and the terminator go, key words are
 * upper-cased, other unquoted names lower-cased (the server folds them), quoted names keep their case.
 * {@code values} holds the literals in order, so executions with the same shape can be compared;
 * {@code parameters} says whether the text has bind parameters ({@code ?}, {@code $1}), whose values
 * a log may give elsewhere or not at all.
 */
public record Fingerprint(String text, String values, boolean parameters, boolean transactionControl,
                          boolean setting) {
    private static final LexOptions LEX = LexOptions.of(Dialect.POSTGRESQL);
    private static final Set<String> UPPER = Set.of("update", "set", "insert", "delete", "values", "by", "begin",
            "commit", "rollback", "start", "transaction", "savepoint", "release", "show", "exists", "between",
            "execute", "prepare", "deallocate", "isolation", "level", "read", "write", "nulls", "first",
            "last", "replace", "call", "explain", "copy", "merge", "upsert", "conflict", "nothing", "over", "partition",
            "filter", "interval", "duplicate", "key", "ignore");
    private static final Set<String> TRANSACTION = Set.of("begin", "commit", "rollback", "end", "start", "savepoint",
            "release", "abort");
    private static final Set<String> SETTING = Set.of("set", "show", "reset", "discard", "deallocate", "prepare",
            "use", "listen", "unlisten");

    public static Fingerprint of(String sql) {
        List<Token> tokens = Lexer.lex(sql, LEX).tokens();
        Builder b = new Builder(sql.length());
        StringBuilder values = new StringBuilder();
        String first = null;
        boolean parameters = false;
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            Token t = tokens.get(i);
            TokenKind k = t.kind();
            if (t.isComment() || k == TokenKind.DELIMITER) {
                i++;
                continue;
            }
            if (isValue(k) || signedNumber(sql, tokens, i, b.last)) {
                int start = i;
                parameters |= k == TokenKind.PARAMETER;
                i = k == TokenKind.OPERATOR ? i + 2 : i + 1;
                values.append(sql, tokens.get(start).start(), tokens.get(i - 1).end()).append('\u0001');
                b.append("?", Cls.VALUE);
                if (first == null) {
                    first = "";
                }
                continue;
            }
            char c = single(sql, t);
            // A parenthesized list of values only: IN (1, 2, 3), a VALUES row, ANY(ARRAY[...]) elements.
            if (c == '(' || c == '[') {
                int close = valueListEnd(sql, tokens, i);
                if (close > 0) {
                    parameters |= appendValues(sql, tokens, i + 1, close, values);
                    b.append(c == '(' ? "(" : "[", Cls.OPEN);
                    b.append("?", Cls.VALUE);
                    b.append(c == '(' ? ")" : "]", Cls.CLOSE);
                    i = close + 1;
                    // Further rows of a multi-row VALUES collapse into the first.
                    while (i + 1 < n && single(sql, tokens.get(i)) == ',' && single(sql, tokens.get(i + 1)) == '(') {
                        int next = valueListEnd(sql, tokens, i + 1);
                        if (next < 0) {
                            break;
                        }
                        parameters |= appendValues(sql, tokens, i + 2, next, values);
                        i = next + 1;
                    }
                    continue;
                }
            }
            if (k == TokenKind.WORD) {
                String word = sql.substring(t.start(), t.end());
                String lower = word.toLowerCase(Locale.ROOT);
                if (first == null) {
                    first = lower;
                }
                if (Keywords.isReserved(lower) || UPPER.contains(lower)) {
                    b.append(word.toUpperCase(Locale.ROOT), Cls.KEYWORD);
                } else {
                    b.append(lower, Cls.NAME);
                }
            } else {
                if (first == null) {
                    first = "";
                }
                Cls cls = k == TokenKind.QUOTED_IDENTIFIER ? Cls.NAME : c == '(' || c == '[' ? Cls.OPEN
                        : c == ')' || c == ']' ? Cls.CLOSE : c == ',' ? Cls.COMMA : c == '.' ? Cls.DOT
                        : t.end() - t.start() == 2 && sql.startsWith("::", t.start()) ? Cls.CAST : Cls.OTHER;
                b.append(sql.substring(t.start(), t.end()), cls);
            }
            i++;
        }
        String text = b.out.toString();
        boolean tx = first != null && TRANSACTION.contains(first) && !text.startsWith("BEGIN ATOMIC");
        return new Fingerprint(text, values.toString(), parameters, tx, first != null && SETTING.contains(first));
    }

    /** How a token of the fingerprint is spaced. */
    private enum Cls { NAME, KEYWORD, VALUE, OPEN, CLOSE, COMMA, DOT, CAST, OTHER }

    /** The fingerprint's text, spaced as SQL is usually written. */
    private static final class Builder {
        final StringBuilder out;
        Cls lastCls;
        String last = "";

        Builder(int capacity) {
            out = new StringBuilder(capacity);
        }

        void append(String token, Cls cls) {
            if (lastCls != null && space(lastCls, cls)) {
                out.append(' ');
            }
            out.append(token);
            last = token;
            lastCls = cls;
        }

        private static boolean space(Cls last, Cls token) {
            if (token == Cls.COMMA || token == Cls.CLOSE || token == Cls.DOT || token == Cls.CAST
                    || last == Cls.DOT || last == Cls.OPEN || last == Cls.CAST) {
                return false;
            }
            // A function call or array subscript: no space between the name and its bracket.
            return !(token == Cls.OPEN && last == Cls.NAME);
        }
    }

    /** The character of a one-character token, else 0. */
    private static char single(String sql, Token t) {
        return t.end() - t.start() == 1 ? sql.charAt(t.start()) : 0;
    }

    /** Adds the values among {@code tokens[from, to)}; returns whether one is a bind parameter. */
    private static boolean appendValues(String sql, List<Token> tokens, int from, int to, StringBuilder values) {
        boolean parameters = false;
        for (int j = from; j < to; j++) {
            Token v = tokens.get(j);
            if (isValue(v.kind())) {
                parameters |= v.kind() == TokenKind.PARAMETER;
                values.append(sql, v.start(), v.end()).append('\u0001');
            }
        }
        return parameters;
    }

    private static boolean isValue(TokenKind k) {
        return k == TokenKind.STRING || k == TokenKind.NUMBER || k == TokenKind.PARAMETER
                || k == TokenKind.DOLLAR_STRING;
    }

    /** A minus or plus sign written right before a number where an operand is expected: part of the literal. */
    private static boolean signedNumber(String sql, List<Token> tokens, int i, String last) {
        Token t = tokens.get(i);
        if (t.kind() != TokenKind.OPERATOR || i + 1 >= tokens.size()) {
            return false;
        }
        char op = single(sql, t);
        Token next = tokens.get(i + 1);
        if (op != '-' && op != '+' || next.kind() != TokenKind.NUMBER || next.start() != t.end()) {
            return false;
        }
        return last.isEmpty() || "(".equals(last) || ",".equals(last) || "=".equals(last) || "<".equals(last)
                || ">".equals(last) || "<=".equals(last) || ">=".equals(last) || "<>".equals(last)
                || "!=".equals(last) || Keywords.isReserved(last) || UPPER.contains(last.toLowerCase(Locale.ROOT));
    }

    /** The index of the closing bracket when the bracket at {@code open} holds only values and commas, else -1. */
    private static int valueListEnd(String sql, List<Token> tokens, int open) {
        char close = single(sql, tokens.get(open)) == '(' ? ')' : ']';
        boolean any = false;
        for (int j = open + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            char c = single(sql, t);
            if (c == close) {
                return any ? j : -1;
            }
            if (isValue(t.kind()) || t.isComment()) {
                any |= !t.isComment();
            } else if (c != ',' && !((c == '-' || c == '+') && t.kind() == TokenKind.OPERATOR)
                    && !t.isWord(sql, "null") && !t.isWord(sql, "true") && !t.isWord(sql, "false")) {
                return -1;
            }
        }
        return -1;
    }
}
