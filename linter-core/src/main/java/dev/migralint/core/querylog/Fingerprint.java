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
        StringBuilder out = new StringBuilder(sql.length());
        StringBuilder values = new StringBuilder();
        String first = null;
        String last = "";
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
            if (isValue(k) || signedNumber(sql, tokens, i, last)) {
                int start = i;
                parameters |= k == TokenKind.PARAMETER;
                i = k == TokenKind.OPERATOR ? i + 2 : i + 1;
                values.append(sql, tokens.get(start).start(), tokens.get(i - 1).end()).append('\u0001');
                last = append(out, "?", last);
                continue;
            }
            // A parenthesized list of values only: IN (1, 2, 3), a VALUES row, ANY(ARRAY[...]) elements.
            if ("(".equals(text(sql, t)) || "[".equals(text(sql, t))) {
                int close = valueListEnd(sql, tokens, i);
                if (close > 0) {
                    for (int j = i + 1; j < close; j++) {
                        if (isValue(tokens.get(j).kind())) {
                            parameters |= tokens.get(j).kind() == TokenKind.PARAMETER;
                            values.append(text(sql, tokens.get(j))).append('\u0001');
                        }
                    }
                    String open = text(sql, t);
                    last = append(out, open, last);
                    last = append(out, "?", last);
                    last = append(out, "(".equals(open) ? ")" : "]", last);
                    i = close + 1;
                    // Further rows of a multi-row VALUES collapse into the first.
                    while (i + 1 < n && ",".equals(text(sql, tokens.get(i))) && "(".equals(text(sql, tokens.get(i + 1)))) {
                        int next = valueListEnd(sql, tokens, i + 1);
                        if (next < 0) {
                            break;
                        }
                        for (int j = i + 2; j < next; j++) {
                            if (isValue(tokens.get(j).kind())) {
                                values.append(text(sql, tokens.get(j))).append('\u0001');
                            }
                        }
                        i = next + 1;
                    }
                    continue;
                }
            }
            String word = text(sql, t);
            if (k == TokenKind.WORD) {
                String lower = word.toLowerCase(Locale.ROOT);
                if (first == null) {
                    first = lower;
                }
                word = Keywords.isReserved(lower) || UPPER.contains(lower) ? word.toUpperCase(Locale.ROOT) : lower;
            } else if (first == null) {
                first = "";
            }
            last = append(out, word, last);
            i++;
        }
        boolean tx = first != null && TRANSACTION.contains(first) && !out.toString().startsWith("BEGIN ATOMIC");
        return new Fingerprint(out.toString(), values.toString(), parameters, tx, first != null && SETTING.contains(first));
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
        String op = text(sql, t);
        Token next = tokens.get(i + 1);
        if (!("-".equals(op) || "+".equals(op)) || next.kind() != TokenKind.NUMBER || next.start() != t.end()) {
            return false;
        }
        return last.isEmpty() || "(".equals(last) || ",".equals(last) || "=".equals(last) || "<".equals(last)
                || ">".equals(last) || "<=".equals(last) || ">=".equals(last) || "<>".equals(last)
                || "!=".equals(last) || Keywords.isReserved(last) || UPPER.contains(last.toLowerCase(Locale.ROOT));
    }

    /** The index of the closing bracket when the bracket at {@code open} holds only values and commas, else -1. */
    private static int valueListEnd(String sql, List<Token> tokens, int open) {
        String close = "(".equals(text(sql, tokens.get(open))) ? ")" : "]";
        boolean any = false;
        for (int j = open + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            String s = text(sql, t);
            if (close.equals(s)) {
                return any ? j : -1;
            }
            if (isValue(t.kind()) || t.isComment()) {
                any |= !t.isComment();
            } else if (!",".equals(s) && !(("-".equals(s) || "+".equals(s)) && t.kind() == TokenKind.OPERATOR)
                    && !t.isWord(sql, "null") && !t.isWord(sql, "true") && !t.isWord(sql, "false")) {
                return -1;
            }
        }
        return -1;
    }

    private static String text(String sql, Token t) {
        return sql.substring(t.start(), t.end());
    }

    /** Appends a token with the spacing SQL is usually written with; returns it as the new last token. */
    private static String append(StringBuilder out, String token, String last) {
        if (!out.isEmpty() && space(last, token)) {
            out.append(' ');
        }
        out.append(token);
        return token;
    }

    private static boolean space(String last, String token) {
        if (",".equals(token) || ")".equals(token) || "]".equals(token) || ".".equals(token) || ".".equals(last)
                || "(".equals(last) || "[".equals(last) || "::".equals(token) || "::".equals(last)) {
            return false;
        }
        // A function call or array subscript: no space between the name and its bracket.
        return !("(".equals(token) || "[".equals(token)) || !isName(last) || Keywords.isReserved(last)
                || UPPER.contains(last.toLowerCase(Locale.ROOT));
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && (Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '"'
                || s.charAt(0) == '`');
    }
}
