package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements of a script that run SQL replay cannot see: MySQL's {@code PREPARE}/{@code EXECUTE} of a
 * string built at run time, a {@code CALL} of a procedure, a PostgreSQL {@code DO} block that runs
 * {@code EXECUTE}. Each gives the words that name what it may change: its own words and those inside
 * its strings, plus those of the script's earlier {@code SET} statements (where MySQL scripts build
 * the string: {@code SET @t = 'queue_message'}) and procedure definitions (what a {@code CALL} runs).
 * A table so named may differ from replay's picture of it afterwards.
 */
final class DynamicSql {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final List<ScriptStatement> statements;
    private final Dialect dialect;
    /** Words of the SET statements and procedure definitions seen so far, as the script goes on. */
    private final Set<String> context = new HashSet<>();

    DynamicSql(List<ScriptStatement> statements, Dialect dialect) {
        this.statements = statements;
        this.dialect = dialect;
    }

    /**
     * Called for each statement in order: the lower-case words naming what statement {@code i} may
     * change unseen, or an empty set when it is not dynamic SQL.
     */
    Set<String> namedBy(int i) {
        ScriptStatement s = statements.get(i);
        List<Token> tokens = s.significantTokens();
        if (s.kind() != ScriptStatement.Kind.SQL || tokens.isEmpty()) {
            return Set.of();
        }
        String text = s.file().text();
        String first = tokens.get(0).text(text).toLowerCase(Locale.ROOT);
        boolean dynamic = switch (first) {
            // PostgreSQL's PREPARE takes only queries and DML; MySQL's takes any statement.
            case "prepare", "execute" -> dialect == Dialect.MYSQL;
            case "call" -> true;
            case "do" -> dialect != Dialect.MYSQL && words(tokens, text).contains("execute");
            default -> false;
        };
        if (!dynamic) {
            if (first.equals("set") || (first.equals("create") && words(tokens.subList(0, Math.min(tokens.size(), 8)),
                    text).stream().anyMatch(w -> w.equals("procedure") || w.equals("function")))) {
                context.addAll(words(tokens, text));
            }
            return Set.of();
        }
        Set<String> named = new HashSet<>(context);
        named.addAll(words(tokens, text));
        return named;
    }

    private static Set<String> words(List<Token> tokens, String text) {
        Set<String> words = new HashSet<>();
        for (Token t : tokens) {
            if (t.kind() == TokenKind.WORD) {
                words.add(t.text(text).toLowerCase(Locale.ROOT));
            } else if (t.kind() == TokenKind.QUOTED_IDENTIFIER || t.kind() == TokenKind.STRING
                    || t.kind() == TokenKind.DOLLAR_STRING) {
                Matcher m = IDENTIFIER.matcher(text).region(t.start(), t.end());
                while (m.find()) {
                    words.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
