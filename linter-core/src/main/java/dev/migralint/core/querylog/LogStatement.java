package dev.migralint.core.querylog;

/**
 * One execution a query log records, or an event that matters to the session it belongs to.
 * {@code line} is the 1-based physical line where the entry starts and {@code lineText} that line as
 * written (cut at {@value #MAX_LINE_TEXT} characters); {@code session} is the server's or client's
 * name for the connection (a pid, a connection id, a thread name); {@code fingerprint} is
 * {@link Fingerprint#text()} of {@code sql}; {@code values} the literals and bind parameters, so two
 * executions of one fingerprint can be told apart (null when the log does not give the parameters).
 */
public record LogStatement(long line, String lineText, String session, Kind kind, String sql, String fingerprint,
                           String values) {
    static final int MAX_LINE_TEXT = 2000;

    public enum Kind {
        /** A statement the server executed. */
        EXECUTION,
        /** BEGIN, COMMIT, ROLLBACK and the like: a transaction boundary. */
        TRANSACTION,
        /** SET, SHOW, RESET, DISCARD and the like: session settings, not data. */
        SETTING,
        /** The session ended (disconnection, Quit): nothing more comes from it. */
        SESSION_END
    }

    static LogStatement execution(long line, String lineText, String session, String sql, String parameters) {
        Fingerprint fp = Fingerprint.of(sql);
        // Values that are only placeholders, with no parameters logged, are unknown (null), not equal.
        String values = parameters != null && !parameters.isEmpty() ? fp.values() + '\u0001' + parameters
                : fp.parameters() ? null : fp.values();
        Kind kind = fp.transactionControl() ? Kind.TRANSACTION : fp.setting() ? Kind.SETTING : Kind.EXECUTION;
        return new LogStatement(line, cut(lineText), session, kind, sql, fp.text(), values);
    }

    static LogStatement sessionEnd(long line, String lineText, String session) {
        return new LogStatement(line, cut(lineText), session, Kind.SESSION_END, "", "", "");
    }

    private static String cut(String s) {
        return s.length() <= MAX_LINE_TEXT ? s : s.substring(0, MAX_LINE_TEXT);
    }
}
