package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java application prints about its SQL, as a Spring Boot test run does, in any logger layout:
 * Hibernate's {@code org.hibernate.SQL} logger (and {@code show_sql}'s {@code Hibernate: } lines),
 * with {@code format_sql} continuation lines and the bind-parameter lines that follow; datasource-proxy
 * ({@code Connection:5, ... Batch:False, ... Query:["..."], Params:[(..)]}); and p6spy
 * ({@code time|elapsed|category|connection 3|url ...|prepared|sql}). The session is the connection id
 * where the line has one, else the thread name in brackets. A JDBC batch is one line, so one
 * execution.
 */
final class ApplicationLogReader extends QueryLogReader {
    private static final Pattern P6SPY = Pattern.compile("\\d{10,}\\|-?\\d+\\|(\\w*)\\|connection ?(\\d+)\\|");
    private static final Pattern DS_PROXY_CONNECTION = Pattern.compile("Connection:\\s*(\\d+)");
    private static final Pattern BIND_VALUE = Pattern.compile("binding parameter .*(?:-|<-) \\[(.*)\\]\\s*$");
    private static final String HIBERNATE_LOGGER = "org.hibernate.SQL";
    private static final String SHOW_SQL = "Hibernate: ";

    private long line;
    private String lineText;
    private String session;
    private StringBuilder sql;
    private StringBuilder params;
    /** Lines that start with white space still belong to the pending statement's text (format_sql). */
    private boolean collecting;

    ApplicationLogReader(BufferedReader in) {
        super(in);
    }

    @Override
    protected void line(String text, long number) {
        if (collecting && !text.isEmpty() && Character.isWhitespace(text.charAt(0))) {
            sql.append('\n').append(text);
            return;
        }
        collecting = false;
        int hibernate = text.indexOf(HIBERNATE_LOGGER);
        if (hibernate >= 0) {
            flush();
            int start = messageStart(text, hibernate + HIBERNATE_LOGGER.length());
            begin(number, text, thread(text, hibernate), text.substring(start));
            return;
        }
        if (text.startsWith(SHOW_SQL)) {
            flush();
            begin(number, text, "main", text.substring(SHOW_SQL.length()));
            return;
        }
        if (sql != null && text.contains("binding parameter")) {
            Matcher m = BIND_VALUE.matcher(text);
            if (m.find()) {
                params.append(m.group(1)).append('\u0001');
            }
            return;
        }
        int query = text.indexOf("Query:[");
        if (query >= 0) {
            Matcher c = DS_PROXY_CONNECTION.matcher(text);
            if (c.find()) {
                flush();
                dataSourceProxy(number, text, c.group(1), query);
            }
            return;
        }
        if (text.indexOf("|connection") > 0) {
            Matcher m = P6SPY.matcher(text);
            if (m.find()) {
                flush();
                p6spy(number, text, m);
            }
        }
    }

    private void begin(long number, String text, String thread, String first) {
        line = number;
        lineText = text;
        session = thread;
        sql = new StringBuilder(first);
        params = new StringBuilder();
        collecting = true;
    }

    @Override
    protected void end() {
        flush();
    }

    private void flush() {
        if (sql != null && !sql.toString().isBlank()) {
            emit(LogStatement.execution(line, lineText, session, sql.toString().strip(),
                    params.isEmpty() ? null : params.toString()));
        }
        sql = null;
        collecting = false;
    }

    private void dataSourceProxy(long number, String text, String connection, int query) {
        int start = query + "Query:[".length();
        int paramsAt = text.indexOf("], Params:[", start);
        int end = paramsAt >= 0 ? paramsAt : text.lastIndexOf(']');
        if (end <= start) {
            return;
        }
        String q = text.substring(start, end).strip();
        if (q.startsWith("\"") && q.endsWith("\"") && q.length() >= 2) {
            q = q.substring(1, q.length() - 1);
        }
        String p = paramsAt >= 0 ? text.substring(paramsAt + "], Params:[".length()).strip() : null;
        emit(LogStatement.execution(number, text, connection, q.replace("\",\"", "; "), p));
    }

    private void p6spy(long number, String text, Matcher m) {
        String category = m.group(1);
        String rest = text.substring(m.end());
        // url ...|prepared|sql: the url holds no '|', and the executed SQL starts as the prepared one
        // does, which tells the separator from a '|' inside a literal or a || operator.
        int urlEnd = rest.indexOf('|');
        String both = urlEnd < 0 ? rest : rest.substring(urlEnd + 1);
        String firstWord = both.strip().split("\\s+", 2)[0];
        int cut = both.lastIndexOf('|');
        for (int i = both.indexOf('|'); i >= 0; i = both.indexOf('|', i + 1)) {
            if (both.substring(i + 1).stripLeading().regionMatches(true, 0, firstWord, 0, firstWord.length())) {
                cut = i;
                break;
            }
        }
        rest = both;
        String executed = rest.substring(cut + 1).strip();
        switch (category) {
            case "statement" -> {
                if (!executed.isEmpty()) {
                    emit(LogStatement.execution(number, text, m.group(2), executed, null));
                }
            }
            case "commit", "rollback" -> emit(LogStatement.execution(number, text, m.group(2),
                    category.toUpperCase(java.util.Locale.ROOT), null));
            default -> {
            }
        }
    }

    /** Where the message starts after the logger name: past the layout's separator (" : ", " - ", ": "). */
    private static int messageStart(String text, int after) {
        int i = after;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':' || text.charAt(i) == '-'
                || text.charAt(i) == ']')) {
            i++;
        }
        return i;
    }

    /** The last bracketed name before the logger ({@code [main]}, {@code [nio-8080-exec-1]}), else "main". */
    private static String thread(String text, int logger) {
        int close = text.lastIndexOf(']', logger);
        int open = close < 0 ? -1 : text.lastIndexOf('[', close);
        return open < 0 ? "main" : text.substring(open + 1, close).strip();
    }
}
