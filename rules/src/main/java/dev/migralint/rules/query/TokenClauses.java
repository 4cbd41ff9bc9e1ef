package dev.migralint.rules.query;

import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The significant tokens of a statement, each with the clause keyword that governs it at its
 * parenthesis depth (select, from, where, set, ...) and the word just before the parenthesis that
 * opened that depth (exists, count, ...). Enough to tell a select-list {@code *} from a
 * multiplication or {@code count(*)}, and an assignment from a comparison, without an AST.
 */
final class TokenClauses {
    private static final Set<String> CLAUSE_WORDS = Set.of(
            "select", "from", "where", "set", "values", "returning", "group", "order", "having", "on", "using",
            "into", "limit", "offset", "window", "union", "intersect", "except", "update", "delete", "insert",
            "join");

    private final String text;
    private final List<Token> tokens;
    private final String[] clause;
    private final String[] opener;
    private final int[] partner;

    TokenClauses(ScriptStatement statement) {
        this.text = statement.file().text();
        this.tokens = statement.significantTokens();
        int n = tokens.size();
        clause = new String[n];
        opener = new String[n];
        partner = new int[n];
        Arrays.fill(partner, -1);
        Deque<String[]> saved = new ArrayDeque<>();
        Deque<Integer> open = new ArrayDeque<>();
        String currentClause = "";
        String currentOpener = "";
        for (int i = 0; i < n; i++) {
            clause[i] = currentClause;
            opener[i] = currentOpener;
            if (isOperator(i, "(")) {
                saved.push(new String[] {currentClause, currentOpener});
                open.push(i);
                currentClause = "";
                currentOpener = i > 0 ? text(i - 1).toLowerCase(Locale.ROOT) : "";
            } else if (isOperator(i, ")") && !saved.isEmpty()) {
                String[] outer = saved.pop();
                int o = open.pop();
                partner[i] = o;
                partner[o] = i;
                currentClause = outer[0];
                currentOpener = outer[1];
                clause[i] = currentClause;
                opener[i] = currentOpener;
            } else if (CLAUSE_WORDS.contains(word(i))) {
                currentClause = word(i);
                clause[i] = currentClause;
            }
        }
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String text(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text(text) : "";
    }

    /** Lower-case text of an unquoted word; "" otherwise. */
    String word(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == TokenKind.WORD
                ? text(i).toLowerCase(Locale.ROOT) : "";
    }

    boolean isOperator(int i, String op) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == TokenKind.OPERATOR && text(i).equals(op);
    }

    boolean isIdentifier(int i) {
        if (i < 0 || i >= tokens.size()) {
            return false;
        }
        TokenKind k = tokens.get(i).kind();
        return k == TokenKind.WORD || k == TokenKind.QUOTED_IDENTIFIER || k == TokenKind.PLACEHOLDER
                || k == TokenKind.PARAMETER;
    }

    /** The clause keyword governing token {@code i} at its depth, lower-case; "" when none. */
    String clause(int i) {
        return clause[i];
    }

    /** The lower-cased token before the '(' that opened token {@code i}'s depth; "" at top level. */
    String opener(int i) {
        return opener[i];
    }

    /** For a parenthesis, the index of its partner; -1 otherwise or when unbalanced. */
    int partner(int i) {
        return partner[i];
    }

    /**
     * Index of the first token of a column reference ending at {@code end}: {@code a}, {@code t.a},
     * {@code a[1]} or a parenthesized column list; -1 when the tokens there are not one.
     */
    int referenceStart(int end) {
        int j = end;
        if (isOperator(j, ")")) {
            return partner(j);
        }
        if (isOperator(j, "]")) {
            while (j >= 0 && !isOperator(j, "[")) {
                j--;
            }
            j--;
        }
        if (!isIdentifier(j)) {
            return -1;
        }
        while (isOperator(j - 1, ".") && isIdentifier(j - 2)) {
            j -= 2;
        }
        return j;
    }
}
