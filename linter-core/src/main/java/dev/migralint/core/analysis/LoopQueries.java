package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The loops of a PL/pgSQL body (a {@code DO} block, or a function or procedure in {@code LANGUAGE
 * plpgsql}) and the first query each runs per iteration. The body is a dollar-quoted string, so it
 * is lexed here, in place (file offsets), and read at the token level: a loop opens at {@code LOOP}
 * and closes at {@code END LOOP}; the words before {@code LOOP} in its statement say what it
 * iterates over. A query is a statement that starts with SELECT, INSERT, UPDATE, DELETE, PERFORM,
 * MERGE or WITH, a SELECT inside an expression ({@code IF EXISTS (SELECT ...)}), or an EXECUTE of
 * a string or {@code format()} whose text starts with one of those words and names no identifier
 * per iteration ({@code %I}: a loop over tables, which no set-based statement replaces).
 */
public final class LoopQueries {
    /** What a loop iterates over. */
    public enum Kind {
        /** {@code FOR r IN SELECT ...}, {@code FOR r IN EXECUTE ...} or {@code FOR r IN cursor}. */
        QUERY_ROWS,
        /** {@code FOREACH x IN ARRAY ...}. */
        ARRAY_ELEMENTS,
        /** {@code FOR i IN 1..n}. */
        INTEGER_RANGE,
        /** {@code WHILE ...} or a bare {@code LOOP} whose body fetches from a cursor, one row at a time. */
        CURSOR_FETCH,
        /** {@code WHILE ...} or a bare {@code LOOP} that fetches nothing: often batching (DELETE ... LIMIT until none left). */
        CONDITION,
        /** {@code FOR r IN SELECT ... FROM pg_class ...}: one iteration per table, sequence or other catalog object. */
        CATALOG_OBJECTS
    }

    /** A loop: where its header starts, its body's first query, and that query's leading word. */
    public record Loop(Kind kind, TextRange header, TextRange query, String verb) {
    }

    private static final Set<String> STATEMENT_QUERIES = Set.of("select", "insert", "update", "delete", "perform",
            "merge", "with");
    private static final Set<String> STATEMENT_STARTS = Set.of("begin", "then", "else", "loop", "declare", "exception");

    private LoopQueries() {
    }

    /**
     * The loops that run a query in the PL/pgSQL body of the statement written at {@code range} of
     * {@code file}; empty when it has no such body (another language, not PostgreSQL, no dollar quote).
     */
    public static List<Loop> in(SourceFile file, TextRange range, Dialect dialect) {
        if (dialect == Dialect.MYSQL) {
            return List.of();
        }
        String text = file.text();
        String statement = text.substring(range.start(), range.end());
        List<Token> tokens = significant(Lexer.lex(statement, LexOptions.of(Dialect.POSTGRESQL)).tokens(), range.start());
        Token body = plpgsqlBody(tokens, text);
        if (body == null) {
            return List.of();
        }
        int tag = text.indexOf('$', body.start() + 1) - body.start() + 1;
        int bodyStart = body.start() + tag;
        int bodyEnd = body.end() - tag;
        if (tag <= 0 || bodyEnd <= bodyStart) {
            return List.of();
        }
        List<Token> bodyTokens = significant(Lexer.lex(text.substring(bodyStart, bodyEnd),
                LexOptions.of(Dialect.POSTGRESQL)).tokens(), bodyStart);
        return loops(bodyTokens, text);
    }

    /** The dollar-quoted body when the statement is a DO block or a plpgsql function or procedure. */
    private static Token plpgsqlBody(List<Token> tokens, String text) {
        if (tokens.isEmpty()) {
            return null;
        }
        boolean doBlock = tokens.get(0).isWord(text, "do");
        boolean routine = tokens.get(0).isWord(text, "create") && tokens.stream().limit(6)
                .anyMatch(t -> t.isWord(text, "function") || t.isWord(text, "procedure"));
        if (!doBlock && !routine) {
            return null;
        }
        boolean plpgsql = doBlock;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord(text, "language")) {
                String lang = tokens.get(i + 1).text(text).replace("'", "").toLowerCase(Locale.ROOT);
                plpgsql = lang.equals("plpgsql");
            }
        }
        return plpgsql ? tokens.stream().filter(t -> t.kind() == TokenKind.DOLLAR_STRING).findFirst().orElse(null)
                : null;
    }

    private static List<Loop> loops(List<Token> tokens, String text) {
        record Open(Kind kind, TextRange header, boolean[] fetches, Token[] query) {
        }
        List<Loop> found = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int statementStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String word = t.kind() == TokenKind.WORD ? t.text(text).toLowerCase(Locale.ROOT) : "";
            boolean afterEnd = i > 0 && tokens.get(i - 1).isWord(text, "end");
            if (word.equals("loop") && afterEnd) {
                if (open.isEmpty()) {
                    continue; // an END LOOP without its LOOP: the body is not what it seems, read no further into it
                }
                Open closed = open.pop();
                Kind kind = closed.kind() == Kind.CONDITION && closed.fetches()[0] ? Kind.CURSOR_FETCH : closed.kind();
                if (closed.query()[0] != null) {
                    Token q = closed.query()[0];
                    found.add(new Loop(kind, closed.header(), q.range(), q.text(text).toUpperCase(Locale.ROOT)));
                }
            } else if (word.equals("loop")) {
                Token first = firstWord(tokens, statementStart, i, text);
                open.push(new Open(kind(tokens, statementStart, i, text),
                        (first == null ? t : first).range(), new boolean[1], new Token[1]));
            } else if (!open.isEmpty() && !afterEnd) {
                if (word.equals("fetch")) {
                    open.forEach(o -> o.fetches()[0] = true);
                }
                if (isQuery(tokens, i, statementStart, text)) {
                    for (Open o : open) {
                        if (o.query()[0] == null) {
                            o.query()[0] = t;
                        }
                    }
                }
            }
            if (t.kind() == TokenKind.DELIMITER || STATEMENT_STARTS.contains(word)) {
                statementStart = i + 1;
            }
        }
        found.sort((a, b) -> Integer.compare(a.header().start(), b.header().start()));
        return found;
    }

    /** The first word of the statement, a {@code <<label>>} skipped. */
    private static Token firstWord(List<Token> tokens, int from, int to, String text) {
        for (int i = from; i < to; i++) {
            boolean label = i > from && tokens.get(i - 1).text(text).equals("<<");
            if (tokens.get(i).kind() == TokenKind.WORD && !label) {
                return tokens.get(i);
            }
        }
        return null;
    }

    private static Kind kind(List<Token> tokens, int from, int loopAt, String text) {
        Token first = firstWord(tokens, from, loopAt, text);
        if (first == null || first.isWord(text, "while")) {
            return Kind.CONDITION;
        }
        if (first.isWord(text, "foreach")) {
            return Kind.ARRAY_ELEMENTS;
        }
        if (!first.isWord(text, "for")) {
            return Kind.CONDITION;
        }
        for (int i = from; i < loopAt - 1; i++) {
            if (tokens.get(i).isWord(text, "in")) {
                boolean range = tokens.get(i + 1).isWord(text, "reverse")
                        || text.substring(tokens.get(i + 1).start(), tokens.get(loopAt).start()).contains("..");
                return range ? Kind.INTEGER_RANGE : readsCatalog(tokens, i, loopAt, text) ? Kind.CATALOG_OBJECTS
                        : Kind.QUERY_ROWS;
            }
        }
        return Kind.QUERY_ROWS;
    }

    /** True when the header's query reads from a system catalog (FROM or JOIN pg_... or information_schema). */
    private static boolean readsCatalog(List<Token> tokens, int from, int to, String text) {
        for (int i = from + 1; i < to; i++) {
            Token prev = tokens.get(i - 1);
            String name = tokens.get(i).text(text).toLowerCase(Locale.ROOT);
            if ((prev.isWord(text, "from") || prev.isWord(text, "join"))
                    && (name.startsWith("pg_") || name.startsWith("information_schema"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuery(List<Token> tokens, int i, int statementStart, String text) {
        Token t = tokens.get(i);
        if (t.kind() != TokenKind.WORD) {
            return false;
        }
        String word = t.text(text).toLowerCase(Locale.ROOT);
        if (i == statementStart || (i == statementStart + 1 && tokens.get(statementStart).isWord(text, "return")
                && word.equals("query"))) {
            return STATEMENT_QUERIES.contains(word) || (word.equals("execute") && executesQuery(tokens, i + 1, text));
        }
        // a SELECT in an expression or in a nested loop's header; not FOR UPDATE, ON DELETE, and the
        // like, which are words of a statement already counted
        return word.equals("select");
    }

    /** {@code EXECUTE 'UPDATE ...'} or {@code EXECUTE format('DELETE ...', ...)}; not dynamic DDL. */
    private static boolean executesQuery(List<Token> tokens, int from, String text) {
        for (int i = from; i < Math.min(tokens.size(), from + 3); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.DOLLAR_STRING) {
                String literal = t.text(text).replaceFirst("^(\\$[^$]*\\$|[Ee]?')\\s*", "").toLowerCase(Locale.ROOT);
                // %I names a different table or column per iteration: no single statement can replace that
                return STATEMENT_QUERIES.stream().anyMatch(literal::startsWith) && !t.text(text).contains("%I");
            }
        }
        return false;
    }

    private static List<Token> significant(List<Token> tokens, int base) {
        List<Token> result = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.isComment()) {
                result.add(new Token(t.kind(), t.start() + base, t.end() + base));
            }
        }
        return result;
    }
}
