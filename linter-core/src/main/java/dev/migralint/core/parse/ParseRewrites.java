package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Keywords;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites of a statement's text that let JSqlParser read forms it lacks, tried only after a plain
 * parse failed. Each keeps every offset in place (text is replaced by text of the same length, or
 * appended at the end), so a later error still points into the file correctly.
 */
final class ParseRewrites {
    private ParseRewrites() {
    }

    /** Names common in real schemas that JSqlParser reads as key words in some position. */
    private static final java.util.Set<String> KNOWN_NAMES = java.util.Set.of(
            "key", "blob", "uuid", "value", "data", "errors", "public", "type", "level", "status", "comment",
            "source", "path", "range", "position", "signal");

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
     * {@code DROP FOREIGN KEY fk} becomes {@code DROP CONSTRAINT fk}, its {@code ADD (CONSTRAINT ...)}
     * loses the parentheses around the one constraint, PostgreSQL's empty select list
     * {@code SELECT FROM} reads {@code SELECT*FROM}, {@code WITHOUT OVERLAPS} and {@code PERIOD} of
     * temporal keys, identity sequence options
     * and MySQL's view options (DEFINER, SQL SECURITY, ALGORITHM) become blanks, and psql's {@code :'var'} and
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
            } else if (dialect == Dialect.POSTGRESQL && isWord(sql, base, t, "PERIOD") && i > 0 && i + 1 < tokens.size()
                    && (isOperator(sql, base, tokens.get(i - 1), ',') || isOperator(sql, base, tokens.get(i - 1), '('))
                    && tokens.get(i + 1).kind() == TokenKind.WORD) {
                // PostgreSQL 18's temporal foreign key FOREIGN KEY (id, PERIOD valid_at)
                out = out == null ? sql.toCharArray() : out;
                fill(out, t.start() - base, t.end() - base, "");
            } else if (dialect == Dialect.POSTGRESQL && isWord(sql, base, t, "WITHOUT") && i + 1 < tokens.size()
                    && isWord(sql, base, tokens.get(i + 1), "OVERLAPS")) {
                // PostgreSQL 18's temporal key PRIMARY KEY (id, valid_at WITHOUT OVERLAPS): a key on both
                out = out == null ? sql.toCharArray() : out;
                fill(out, t.start() - base, tokens.get(i + 1).end() - base, "");
            } else if (dialect == Dialect.POSTGRESQL && isWord(sql, base, t, "IDENTITY") && i > 0 && i + 1 < tokens.size()
                    && isWord(sql, base, tokens.get(i - 1), "AS") && isOperator(sql, base, tokens.get(i + 1), '(')) {
                // identity sequence options (SEQUENCE NAME s START WITH 1 ...) are no concern of the lint
                int close = closingParen(sql, base, tokens, i + 1, false);
                if (close > 0) {
                    out = out == null ? sql.toCharArray() : out;
                    fill(out, tokens.get(i + 1).start() - base, tokens.get(close).end() - base, "");
                }
            } else if (dialect == Dialect.MYSQL && i == 0 && isWord(sql, base, t, "CREATE")) {
                // CREATE [ALGORITHM = a] [DEFINER = u] [SQL SECURITY s] VIEW: the options go
                int view = 1;
                while (view < Math.min(tokens.size(), 16) && !isWord(sql, base, tokens.get(view), "VIEW")) {
                    view++;
                }
                if (view > 1 && view < Math.min(tokens.size(), 16)
                        && (isWord(sql, base, tokens.get(1), "DEFINER") || isWord(sql, base, tokens.get(1), "ALGORITHM")
                        || isWord(sql, base, tokens.get(1), "SQL"))) {
                    out = out == null ? sql.toCharArray() : out;
                    fill(out, tokens.get(1).start() - base, tokens.get(view - 1).end() - base, "");
                }
            } else if (dialect == Dialect.POSTGRESQL && isWord(sql, base, t, "SELECT") && i + 1 < tokens.size()
                    && isWord(sql, base, tokens.get(i + 1), "FROM") && tokens.get(i + 1).start() > t.end()) {
                // PostgreSQL's empty select list (CREATE TABLE t AS SELECT FROM ...) reads as SELECT*FROM
                out = out == null ? sql.toCharArray() : out;
                out[t.end() - base] = '*';
            } else if (dialect == Dialect.MYSQL && isWord(sql, base, t, "ADD") && i + 2 < tokens.size()
                    && isOperator(sql, base, tokens.get(i + 1), '(')
                    && (isWord(sql, base, tokens.get(i + 2), "CONSTRAINT") || isWord(sql, base, tokens.get(i + 2), "UNIQUE")
                    || isWord(sql, base, tokens.get(i + 2), "PRIMARY") || isWord(sql, base, tokens.get(i + 2), "FOREIGN"))) {
                int close = closingParen(sql, base, tokens, i + 1, true);
                if (close > 0) {
                    out = out == null ? sql.toCharArray() : out;
                    out[tokens.get(i + 1).start() - base] = ' ';
                    out[tokens.get(close).start() - base] = ' ';
                }
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
        if (dialect == Dialect.POSTGRESQL) {
            char[] expressions = out == null ? sql.toCharArray() : out;
            if (PgExpressionRewrites.apply(statement.file().text(), tokens, base, expressions)
                    | PgDdlRewrites.apply(statement.file().text(), tokens, base, expressions)) {
                out = expressions;
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
     * When JSqlParser stopped at, just before or just after a word it treats as a key word but the
     * database accepts as a name ({@code errors}, {@code data}, {@code public}, {@code blob},
     * {@code uuid}; MySQL's {@code value}), the text with that word quoted, else null. JSqlParser
     * often reports such an error one token early, at the COLUMN of {@code ADD COLUMN errors}, and
     * after a name it took for a key word ({@code blob.content_type}, {@code SELECT uuid FROM}) one
     * token late, so the word before and the two words after the error are candidates too; words
     * already quoted (by their start offset in {@code quoted}) are passed over. The quotes take the
     * place of whitespace around the word where there is some, else they are inserted (the text of a
     * retry is not used to place errors). PostgreSQL's word is lower-cased, as it folds an unquoted
     * name; MySQL's is back-quoted as written.
     */
    static String quoteWord(ScriptStatement statement, String text, int errorOffset, Map<Integer, Integer> quoted,
                            Dialect dialect) {
        int base = statement.range().start();
        List<Token> tokens = statement.significantTokens();
        // errorOffset is in the text as rewritten so far: back to the statement's own offsets
        int error = errorOffset;
        for (Map.Entry<Integer, Integer> q : quoted.entrySet()) {
            if (toText(q.getKey() - base, quoted, base) < errorOffset) {
                error -= q.getValue();
            }
        }
        int first = 0;
        while (first < tokens.size() && tokens.get(first).start() - base < error) {
            first++;
        }
        List<Integer> candidates = new java.util.ArrayList<>();
        // Names JSqlParser is known to take for key words come first, up to three tokens before the
        // error (`key VARCHAR(512)` fails at the 512); then the nearest words after and before it.
        for (int k = first - 3; k <= first + 2; k++) {
            if (k >= 0 && k < tokens.size() && KNOWN_NAMES.contains(tokens.get(k).text(statement.file().text())
                    .toLowerCase(Locale.ROOT))) {
                candidates.add(k);
            }
        }
        candidates.addAll(List.of(first, first + 1, first + 2, first - 1));
        String source = statement.file().text();
        for (int k : candidates) {
            if (k < 0 || k >= tokens.size()) {
                continue;
            }
            Token t = tokens.get(k);
            if (t.kind() != TokenKind.WORD || quoted.containsKey(t.start())) {
                continue;
            }
            String result = quoteToken(statement, text, t, quoted, dialect);
            if (result == null) {
                continue;
            }
            String word = t.text(source).toLowerCase(Locale.ROOT);
            if (KNOWN_NAMES.contains(word)) {
                // harbor writes blob.content_type five times in one UPDATE: quote every one at once
                for (int j = 0; j < tokens.size(); j++) {
                    Token other = tokens.get(j);
                    String before = j > 0 ? tokens.get(j - 1).text(source).toLowerCase(Locale.ROOT) : "";
                    // ... but not the key word of PRIMARY KEY, FOREIGN KEY, UNIQUE KEY
                    if (other.kind() == TokenKind.WORD && !quoted.containsKey(other.start())
                            && other.text(source).toLowerCase(Locale.ROOT).equals(word)
                            && !before.equals("primary") && !before.equals("foreign") && !before.equals("unique")) {
                        String again = quoteToken(statement, result, other, quoted, dialect);
                        result = again == null ? result : again;
                    }
                }
            }
            return result;
        }
        return null;
    }

    private static String quoteToken(ScriptStatement statement, String text, Token t, Map<Integer, Integer> quoted,
                                     Dialect dialect) {
        int base = statement.range().start();
        int start = toText(t.start() - base, quoted, base);
        String result = quote(text, start, start + t.end() - t.start(), dialect);
        if (result != null) {
            quoted.put(t.start(), result.length() - text.length());
        }
        return result;
    }

    /** Where offset {@code at} of the statement is in a text that grew by the quotes inserted before it. */
    private static int toText(int at, Map<Integer, Integer> quoted, int base) {
        int shift = 0;
        for (Map.Entry<Integer, Integer> q : quoted.entrySet()) {
            if (q.getKey() - base < at) {
                shift += q.getValue();
            }
        }
        return at + shift;
    }

    private static String quote(String text, int start, int end, Dialect dialect) {
        String word = text.substring(start, end);
        if (Keywords.isReserved(word)) {
            return null;
        }
        char q = dialect == Dialect.MYSQL ? '`' : '"';
        String quotedWord = q + (dialect == Dialect.MYSQL ? word : word.toLowerCase(Locale.ROOT)) + q;
        int before = 0;
        while (before < 2 && start - before > 0 && Character.isWhitespace(text.charAt(start - before - 1))) {
            before++;
        }
        int after = 0;
        while (after < 2 - before && end + after < text.length() && Character.isWhitespace(text.charAt(end + after))) {
            after++;
        }
        // Quotes must not touch a neighbouring name: "t""garbage" would read as one name.
        if (before + after < 2 || joins(text, start - before - 1) || joins(text, end + after)) {
            return text.substring(0, start) + quotedWord + text.substring(end);
        }
        return text.substring(0, start - before) + quotedWord + text.substring(end + after);
    }

    private static boolean joins(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '`' || c == '$';
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

    private static boolean isOperator(String sql, int base, Token t, char c) {
        return t.kind() == TokenKind.OPERATOR && t.end() - t.start() == 1 && sql.charAt(t.start() - base) == c;
    }

    /**
     * The index of the ')' closing the '(' at {@code open}; -1 when there is none, or when {@code last}
     * and something other than a ';' follows it.
     */
    private static int closingParen(String sql, int base, List<Token> tokens, int open, boolean last) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (isOperator(sql, base, tokens.get(k), '(')) {
                depth++;
            } else if (isOperator(sql, base, tokens.get(k), ')') && --depth == 0) {
                return !last || k + 1 == tokens.size() || isOperator(sql, base, tokens.get(k + 1), ';') ? k : -1;
            }
        }
        return -1;
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENTIFIER;
    }
}
