package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Keywords;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites of a statement's text that let JSqlParser read forms it lacks, tried only after a plain
 * parse failed. Each keeps every offset in place (text is replaced by text of the same length, or
 * appended at the end), so a later error still points into the file correctly.
 */
final class ParseRewrites {
    private ParseRewrites() {
    }

    /**
     * The statement's text without blank lines between its tokens: JSqlParser (from 4.6) takes two
     * empty lines as the end of a statement, and that token cannot be switched off, so a valid
     * {@code CREATE TABLE} with a blank-line gap between its columns would fail and lose the table.
     * In every run of line breaks between two tokens the first is kept (it ends a line comment) and the
     * others become spaces; line breaks inside strings and comments are left alone. Same length, so
     * offsets stay in place; an error after such a run is still placed by offset.
     */
    static String withoutBlankLines(ScriptStatement statement) {
        String sql = statement.sql();
        if (sql.indexOf('\n') == sql.lastIndexOf('\n')) {
            return sql; // fewer than two line breaks
        }
        int base = statement.range().start();
        char[] out = null;
        int gapStart = 0;
        List<Token> tokens = statement.tokens();
        for (int i = 0; i <= tokens.size(); i++) {
            int gapEnd = i < tokens.size() ? Math.min(sql.length(), tokens.get(i).start() - base) : sql.length();
            boolean seen = false;
            for (int k = Math.max(0, gapStart); k < gapEnd; k++) {
                char c = sql.charAt(k);
                if (c == '\n') {
                    if (seen) {
                        out = out == null ? sql.toCharArray() : out;
                        out[k] = ' ';
                    }
                    seen = true;
                } else if (c == '\r' && seen) {
                    out = out == null ? sql.toCharArray() : out;
                    out[k] = ' ';
                }
            }
            if (i < tokens.size()) {
                gapStart = tokens.get(i).end() - base;
            }
        }
        return out == null ? sql : new String(out);
    }

    /**
     * The statement's text with known gaps bridged, or {@code sql} itself when none applies:
     * {@code SET DATA TYPE} becomes {@code TYPE} (the same in PostgreSQL), MySQL's
     * {@code DROP FOREIGN KEY fk} becomes {@code DROP CONSTRAINT fk}, and psql's {@code :'var'} and
     * {@code :"var"} interpolations lose their colon, leaving a string or an identifier.
     */
    static String rewrite(ScriptStatement statement, String sql, Dialect dialect) {
        int base = statement.range().start();
        List<Token> tokens = statement.significantTokens();
        char[] out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (dialect != Dialect.MYSQL && isWord(sql, base, t, "SET") && i + 2 < tokens.size()
                    && isWord(sql, base, tokens.get(i + 1), "DATA") && isWord(sql, base, tokens.get(i + 2), "TYPE")) {
                out = out == null ? sql.toCharArray() : out;
                fill(out, t.start() - base, tokens.get(i + 1).end() - base, "");
            } else if (dialect == Dialect.MYSQL && isWord(sql, base, t, "DROP") && i + 3 < tokens.size()
                    && isWord(sql, base, tokens.get(i + 1), "FOREIGN") && isWord(sql, base, tokens.get(i + 2), "KEY")
                    && isName(tokens.get(i + 3))) {
                out = out == null ? sql.toCharArray() : out;
                fill(out, tokens.get(i + 1).start() - base, tokens.get(i + 2).end() - base, "CONSTRAINT");
            } else if (dialect == Dialect.POSTGRESQL && t.kind() == TokenKind.OPERATOR && t.end() - t.start() == 1
                    && sql.charAt(t.start() - base) == ':' && i + 1 < tokens.size()
                    && tokens.get(i + 1).start() == t.end()
                    && (tokens.get(i + 1).kind() == TokenKind.STRING
                    || tokens.get(i + 1).kind() == TokenKind.QUOTED_IDENTIFIER)) {
                out = out == null ? sql.toCharArray() : out;
                out[t.start() - base] = ' ';
            } else if (dialect == Dialect.POSTGRESQL && t.kind() == TokenKind.STRING && t.end() - t.start() >= 3
                    && (sql.charAt(t.start() - base) == 'E' || sql.charAt(t.start() - base) == 'e')
                    && sql.charAt(t.start() - base + 1) == '\'') {
                out = out == null ? sql.toCharArray() : out;
                plainEscapeString(out, t.start() - base, t.end() - base);
            }
        }
        return out == null ? sql : new String(out);
    }

    /**
     * An escape string E'...' as a plain one of the same length, which JSqlParser reads: the E becomes
     * a space and each backslash-quote the doubled quote ({@code E'it\'s'} reads {@code 'it''s'}).
     * Other escapes stay as they are: in a plain string a backslash is an ordinary character.
     */
    private static void plainEscapeString(char[] out, int start, int end) {
        out[start] = ' ';
        for (int k = start + 2; k < end - 1; k++) {
            if (out[k] == '\\' && k + 1 < end - 1) {
                if (out[k + 1] == '\'') {
                    out[k] = '\'';
                }
                k++;
            }
        }
    }

    /**
     * When JSqlParser stopped at, or just before, a word it treats as a key word but PostgreSQL
     * accepts as a name ({@code errors}, {@code data}, {@code public}), the text with that word
     * double-quoted, else null. JSqlParser often reports such an error one token early, at the
     * COLUMN of {@code ADD COLUMN errors}, so the two words after the error are candidates too; words
     * already quoted (by their start offset in {@code quoted}) are passed over. The quotes take the
     * place of whitespace around the word, or go at the end; the word is lower-cased, as PostgreSQL
     * folds an unquoted name.
     */
    static String quoteWord(ScriptStatement statement, String text, int errorOffset, Set<Integer> quoted) {
        int base = statement.range().start();
        List<Token> tokens = statement.significantTokens();
        int first = 0;
        while (first < tokens.size() && tokens.get(first).start() - base < errorOffset) {
            first++;
        }
        for (int k = first; k < Math.min(tokens.size(), first + 3); k++) {
            Token t = tokens.get(k);
            if (t.kind() != TokenKind.WORD || quoted.contains(t.start())) {
                continue;
            }
            String result = quote(text, t.start() - base, t.end() - base);
            if (result != null) {
                quoted.add(t.start());
                return result;
            }
        }
        return null;
    }

    private static String quote(String text, int start, int end) {
        String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
        if (Keywords.isReserved(lower)) {
            return null;
        }
        int before = 0;
        while (before < 2 && start - before > 0 && Character.isWhitespace(text.charAt(start - before - 1))) {
            before++;
        }
        int after = 0;
        while (after < 2 - before && end + after < text.length() && Character.isWhitespace(text.charAt(end + after))) {
            after++;
        }
        boolean atEnd = end + after == text.length();
        if (before + after < 2 && !atEnd) {
            return null;
        }
        return text.substring(0, start - before) + '"' + lower + '"' + text.substring(end + after);
    }

    private static void fill(char[] out, int from, int to, String text) {
        text.getChars(0, text.length(), out, from);
        for (int i = from + text.length(); i < to; i++) {
            out[i] = ' ';
        }
    }

    private static boolean isWord(String sql, int base, Token t, String keyword) {
        return t.kind() == TokenKind.WORD && t.end() - t.start() == keyword.length()
                && sql.regionMatches(true, t.start() - base, keyword, 0, keyword.length());
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENTIFIER;
    }
}
