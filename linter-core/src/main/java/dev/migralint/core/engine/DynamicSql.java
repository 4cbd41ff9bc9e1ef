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
 * its strings; for MySQL's dynamic SQL also those of the script's earlier {@code SET @var} statements
 * (where the string is built: {@code SET @t = 'queue_message'}), for a {@code CALL} those of its
 * earlier procedure definitions (what it runs).
 * A table so named may differ from replay's picture of it afterwards.
 */
final class DynamicSql {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final List<ScriptStatement> statements;
    private final Dialect dialect;
    /** Words of the script's MySQL {@code SET @var} statements so far: where the string to run is built. */
    private final Set<String> variables = new HashSet<>();
    /** Words of the script's procedure definitions so far: what a {@code CALL} runs. */
    private final Set<String> procedures = new HashSet<>();

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
        Set<String> named = new HashSet<>();
        switch (first) {
            // PostgreSQL's PREPARE takes only queries and DML; MySQL's takes any statement.
            case "prepare", "execute" -> {
                if (dialect == Dialect.MYSQL) {
                    named.addAll(variables);
                    named.addAll(words(tokens, text));
                }
            }
            case "call" -> {
                named.addAll(procedures);
                named.addAll(words(tokens, text));
            }
            case "do" -> {
                Set<String> body = words(tokens, text);
                if (dialect != Dialect.MYSQL && body.contains("execute")) {
                    named.addAll(body);
                }
            }
            case "set" -> {
                if (dialect == Dialect.MYSQL && tokens.size() > 1 && tokens.get(1).text(text).startsWith("@")) {
                    variables.addAll(words(tokens, text));
                }
            }
            case "create" -> {
                Set<String> head = words(tokens.subList(0, Math.min(tokens.size(), 8)), text);
                if (head.contains("procedure")) {
                    procedures.addAll(words(tokens, text));
                }
            }
            default -> {
            }
        }
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
