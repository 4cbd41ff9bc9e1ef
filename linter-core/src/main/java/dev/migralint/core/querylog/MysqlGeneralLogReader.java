package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.util.Locale;

/**
 * The MySQL and MariaDB general query log: entries {@code [time]\t  Id Command\tArgument}, where the
 * time is printed only on the first entry of a second (MariaDB) or on every entry (MySQL 5.7+), and
 * SQL spanning lines continues on lines without that shape. The session is the connection Id.
 * {@code Query} and {@code Execute} are executions; {@code Prepare} is not, nor is the
 * {@code Query EXECUTE stmt USING ...} wrapper, which the server follows with an {@code Execute}
 * line holding the statement it ran; {@code Quit} ends the session.
 */
final class MysqlGeneralLogReader extends QueryLogReader {
    private long line;
    private String lineText;
    private String session;
    private String command;
    private StringBuilder argument;

    MysqlGeneralLogReader(BufferedReader in) {
        super(in);
    }

    @Override
    protected void line(String text, long number) {
        int i = 0;
        int n = text.length();
        if (n > 0 && Character.isDigit(text.charAt(0))) {
            i = text.indexOf('\t');
            if (i < 0) {
                continuation(text);
                return;
            }
        }
        int tabs = i;
        while (i < n && text.charAt(i) == '\t') {
            i++;
        }
        if (i == tabs) {
            continuation(text);
            return;
        }
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        int idStart = i;
        while (i < n && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == idStart || i >= n || text.charAt(i) != ' ') {
            continuation(text);
            return;
        }
        int idEnd = i++;
        int commandStart = i;
        while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == ' ') && i - commandStart < 24) {
            i++;
        }
        if (i == commandStart || i >= n && i - commandStart >= 24 || i < n && text.charAt(i) != '\t') {
            continuation(text);
            return;
        }
        flush();
        line = number;
        lineText = text;
        session = text.substring(idStart, idEnd);
        command = text.substring(commandStart, i).strip();
        argument = new StringBuilder(i < n ? text.substring(i + 1) : "");
    }

    private void continuation(String text) {
        if (argument != null) {
            argument.append('\n').append(text);
        }
    }

    @Override
    protected void end() {
        flush();
    }

    private void flush() {
        if (argument == null) {
            return;
        }
        String sql = argument.toString();
        switch (command) {
            case "Query" -> {
                String head = sql.stripLeading();
                String start = head.substring(0, Math.min(8, head.length())).toUpperCase(Locale.ROOT);
                if (!start.startsWith("EXECUTE ") && !start.startsWith("PREPARE ")) {
                    emit(LogStatement.execution(line, lineText, session, sql, null));
                }
            }
            case "Execute" -> emit(LogStatement.execution(line, lineText, session, sql, null));
            case "Quit" -> emit(LogStatement.sessionEnd(line, lineText, session));
            default -> {
            }
        }
        argument = null;
    }
}
