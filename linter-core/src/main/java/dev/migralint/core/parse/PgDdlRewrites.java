package dev.migralint.core.parse;

import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Same-length rewrites of PostgreSQL 18 and 19 clauses JSqlParser lacks, for the retry after a failed
 * parse (see {@link ParseRewrites}). JSqlParser only has to accept the text: the facts of CREATE and
 * ALTER TABLE come from the token grammar (table-level NOT NULL makes its column NOT NULL there), and
 * an INSERT's from its target table, which none of these touch.
 * <ul>
 *   <li>A table-level {@code [CONSTRAINT c] NOT NULL col} reads {@code CHECK(col)}.</li>
 *   <li>Constraint attributes {@code NO INHERIT}, {@code [NOT] ENFORCED} are blanked.</li>
 *   <li>{@code WITH [NO] DATA} ending CREATE TABLE ... AS is blanked.</li>
 *   <li>{@code ON CONFLICT ... DO SELECT [FOR lock]} reads {@code DO NOTHING}: both leave the
 *       conflicting row as it is.</li>
 * </ul>
 */
final class PgDdlRewrites {
    private PgDdlRewrites() {
    }

    /** Words that may follow a constraint attribute: more attributes. */
    private static final Set<String> ATTRIBUTE_WORDS = Set.of("not", "no", "deferrable", "initially", "enforced");

    /** Applies the rewrites to {@code out}, the statement text starting at file offset {@code base}. */
    static boolean apply(String source, List<Token> tokens, int base, char[] out) {
        boolean ddl = isWordAt(source, tokens, 0, "create") || isWordAt(source, tokens, 0, "alter");
        boolean changed = false;
        int last = isOperatorAt(source, tokens, tokens.size() - 1, ";") ? tokens.size() - 2 : tokens.size() - 1;
        if (ddl && last > 3 && isWordAt(source, tokens, last, "data")) {
            changed = withData(source, tokens, last, base, out);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.WORD) {
                continue;
            }
            if (ddl && isWordAt(source, tokens, i, "not") && isWordAt(source, tokens, i + 1, "null")
                    && isName(tokens, i + 2) && startsTableElement(source, tokens, i) && endsNotNull(source, tokens, i + 3)) {
                // CHECK(col) fits in the place of NOT NULL col: everything after it keeps its offset
                Token name = tokens.get(i + 2);
                String check = "CHECK(" + name.text(source) + ")";
                fill(out, t.start() - base, name.end() - base);
                check.getChars(0, check.length(), out, t.start() - base);
                changed = true;
                i += 2;
            } else if (ddl && isWordAt(source, tokens, i, "no") && isWordAt(source, tokens, i + 1, "inherit")
                    && endsAttribute(source, tokens, i + 2)) {
                fill(out, t.start() - base, tokens.get(i + 1).end() - base);
                changed = true;
                i++;
            } else if (ddl && isWordAt(source, tokens, i, "enforced") && endsAttribute(source, tokens, i + 1)
                    && !conflictingEnforced(source, tokens, i)) {
                int from = isWordAt(source, tokens, i - 1, "not") ? i - 1 : i;
                fill(out, tokens.get(from).start() - base, t.end() - base);
                changed = true;
            } else if (isWordAt(source, tokens, i, "do") && isWordAt(source, tokens, i + 1, "select")) {
                changed |= doSelect(source, tokens, i, base, out);
            }
        }
        return changed;
    }

    /** At token {@code i}: after {@code (}, {@code ,} or ADD, with an optional CONSTRAINT name between. */
    private static boolean startsTableElement(String source, List<Token> tokens, int i) {
        int before = i - 1;
        if (isName(tokens, before) && isWordAt(source, tokens, before - 1, "constraint")) {
            before -= 2;
        }
        return isOperatorAt(source, tokens, before, "(") || isOperatorAt(source, tokens, before, ",")
                || isWordAt(source, tokens, before, "add");
    }

    /**
     * Whether a table-level NOT NULL ends before token {@code i}, or goes on with NO INHERIT or NOT VALID,
     * the only attributes PostgreSQL's parser allows it (DEFERRABLE is a syntax error there).
     */
    private static boolean endsNotNull(String source, List<Token> tokens, int i) {
        return i >= tokens.size() || tokens.get(i).kind() == TokenKind.OPERATOR && endsAttribute(source, tokens, i)
                || isWordAt(source, tokens, i, "no") && isWordAt(source, tokens, i + 1, "inherit")
                || isWordAt(source, tokens, i, "not") && isWordAt(source, tokens, i + 1, "valid");
    }

    /** Whether the clause ends before token {@code i}: at the end, a comma, a ')' or another attribute. */
    private static boolean endsAttribute(String source, List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(i);
        if (t.kind() == TokenKind.OPERATOR) {
            String op = t.text(source);
            return op.equals(",") || op.equals(")") || op.equals(";");
        }
        return t.kind() == TokenKind.WORD && ATTRIBUTE_WORDS.contains(t.text(source).toLowerCase(Locale.ROOT));
    }

    /** ENFORCED NOT ENFORCED and the like, which PostgreSQL's parser rejects: left for JSqlParser to fail on. */
    private static boolean conflictingEnforced(String source, List<Token> tokens, int i) {
        int before = isWordAt(source, tokens, i - 1, "not") ? i - 2 : i - 1;
        int after = isWordAt(source, tokens, i + 1, "not") ? i + 2 : i + 1;
        return isWordAt(source, tokens, before, "enforced") || isWordAt(source, tokens, after, "enforced");
    }

    /** CREATE TABLE ... AS query WITH [NO] DATA: the last words blanked. */
    private static boolean withData(String source, List<Token> tokens, int last, int base, char[] out) {
        int with = isWordAt(source, tokens, last - 1, "no") ? last - 2 : last - 1;
        if (!isWordAt(source, tokens, with, "with")) {
            return false;
        }
        for (int k = 1; k < with; k++) {
            if (isWordAt(source, tokens, k, "as")) {
                fill(out, tokens.get(with).start() - base, tokens.get(last).end() - base);
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL 19's ON CONFLICT ... DO SELECT [FOR [NO KEY] UPDATE | FOR [KEY] SHARE] at {@code i}: DO
     * NOTHING, which needs one character more than DO SELECT; without a lock clause it takes the space
     * before DO.
     */
    private static boolean doSelect(String source, List<Token> tokens, int i, int base, char[] out) {
        boolean conflict = false;
        for (int k = i - 1; k > 0 && !conflict; k--) {
            conflict = isWordAt(source, tokens, k, "conflict") && isWordAt(source, tokens, k - 1, "on");
        }
        if (!conflict) {
            return false;
        }
        int end = i + 1;
        if (isWordAt(source, tokens, end + 1, "for")) {
            int k = end + 2;
            k = isWordAt(source, tokens, k, "no") && isWordAt(source, tokens, k + 1, "key") ? k + 2
                    : isWordAt(source, tokens, k, "key") ? k + 1 : k;
            if (isWordAt(source, tokens, k, "update") || isWordAt(source, tokens, k, "share")) {
                end = k;
            }
        }
        int from = tokens.get(i).start();
        int to = tokens.get(end).end();
        if (to - from < 10 && i > 0 && tokens.get(i - 1).end() < from) {
            from--;
        }
        if (to - from < 10) {
            return false;
        }
        fill(out, from - base, to - base);
        "DO NOTHING".getChars(0, 10, out, from - base);
        return true;
    }

    private static boolean isName(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size()
                && (tokens.get(i).kind() == TokenKind.WORD || tokens.get(i).kind() == TokenKind.QUOTED_IDENTIFIER);
    }

    private static boolean isWordAt(String source, List<Token> tokens, int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(source, word);
    }

    private static boolean isOperatorAt(String source, List<Token> tokens, int i, String op) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == TokenKind.OPERATOR
                && tokens.get(i).text(source).equals(op);
    }

    private static void fill(char[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = ' ';
        }
    }
}
