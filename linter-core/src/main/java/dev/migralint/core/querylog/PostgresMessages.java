package dev.migralint.core.querylog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a PostgreSQL log message means for N+1 detection, whichever destination wrote it (stderr,
 * csvlog, jsonlog). Under {@code log_statement} a simple query is {@code statement: ...} and an
 * extended-protocol one {@code execute <name>: ...} with its parameters in the DETAIL; under
 * {@code log_min_duration_statement} the same follow {@code duration: x ms  }, and parse and bind
 * steps get lines of their own, which are not executions, nor is a bare {@code duration:} line that
 * closes a statement logged earlier. SQL-level PREPARE is remembered per session, so each EXECUTE
 * counts as the statement it runs, with its arguments as the values.
 */
final class PostgresMessages {
    private final Consumer<LogStatement> out;
    private final Map<String, Map<String, String>> prepared = new HashMap<>();

    PostgresMessages(Consumer<LogStatement> out) {
        this.out = out;
    }

    void accept(long line, String lineText, String session, String severity, String message, String detail) {
        if (!"LOG".equals(severity)) {
            return;
        }
        String m = message;
        if (m.startsWith("duration: ")) {
            int end = m.indexOf(" ms  ");
            if (end < 0) {
                return;
            }
            m = m.substring(end + 5);
        }
        if (m.startsWith("statement: ")) {
            simple(line, lineText, session, m.substring(11), detail);
        } else if (m.startsWith("execute ")) {
            int colon = m.indexOf(": ");
            if (colon > 0) {
                String params = detail != null && detail.startsWith("parameters: ") ? detail.substring(12) : null;
                out.accept(LogStatement.execution(line, lineText, session, m.substring(colon + 2), params));
            }
        } else if (m.startsWith("disconnection: ")) {
            prepared.remove(session);
            out.accept(LogStatement.sessionEnd(line, lineText, session));
        }
    }

    private void simple(long line, String lineText, String session, String sql, String detail) {
        String trimmed = sql.strip();
        String head = trimmed.length() > 12 ? trimmed.substring(0, 12).toUpperCase(Locale.ROOT) : trimmed.toUpperCase(Locale.ROOT);
        if (head.startsWith("PREPARE ")) {
            String[] nameBody = preparedStatement(trimmed);
            if (nameBody != null) {
                prepared.computeIfAbsent(session, s -> new HashMap<>()).put(nameBody[0], nameBody[1]);
            }
            return;
        }
        if (head.startsWith("EXECUTE ")) {
            String rest = trimmed.substring(8).strip();
            int paren = rest.indexOf('(');
            String name = (paren < 0 ? rest.replace(";", "") : rest.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
            String args = paren < 0 ? "" : rest.substring(paren + 1, Math.max(paren + 1, rest.lastIndexOf(')')));
            String body = prepared.getOrDefault(session, Map.of()).get(name);
            if (body == null && detail != null && detail.startsWith("prepare: ")) {
                String[] nameBody = preparedStatement(detail.substring(9).strip());
                body = nameBody == null ? null : nameBody[1];
            }
            if (body != null) {
                out.accept(LogStatement.execution(line, lineText, session, body, args));
                return;
            }
        }
        out.accept(LogStatement.execution(line, lineText, session, sql, null));
    }

    /** The name and body of {@code PREPARE name [(types)] AS body}, or null. */
    private static String[] preparedStatement(String sql) {
        String rest = sql.substring(8).strip();
        int as = indexOfWord(rest, "AS");
        if (as < 0) {
            return null;
        }
        String head = rest.substring(0, as).strip();
        int paren = head.indexOf('(');
        String name = (paren < 0 ? head : head.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
        return new String[] {name, rest.substring(as + 2).strip()};
    }

    private static int indexOfWord(String s, String word) {
        String upper = s.toUpperCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int i = upper.indexOf(word, from);
            if (i < 0) {
                return -1;
            }
            boolean before = i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == ')';
            boolean after = i + word.length() < s.length() && Character.isWhitespace(s.charAt(i + word.length()));
            if (before && after) {
                return i;
            }
            from = i + 1;
        }
    }
}
