package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.util.Set;

/**
 * PostgreSQL's stderr log, with any {@code log_line_prefix}. An entry is a line holding
 * {@code SEVERITY:  message} (two spaces, as the server writes it) after the prefix; a line that
 * starts with a TAB continues the message (multi-line SQL). The session is read from the prefix: the
 * number in brackets ({@code [%p]}), else a session id ({@code %c}), else the first number that
 * stands alone; or, when the config gives the server's {@code log_line_prefix}, as that prefix says
 * ({@link LogLinePrefix}). A DETAIL right after an entry of the same session belongs to it (parameters).
 */
final class PostgresStderrReader extends QueryLogReader {
    private static final Set<String> SEVERITIES = Set.of("LOG", "DETAIL", "ERROR", "STATEMENT", "HINT", "CONTEXT",
            "WARNING", "NOTICE", "FATAL", "PANIC", "INFO", "QUERY", "LOCATION", "DEBUG", "DEBUG1", "DEBUG2",
            "DEBUG3", "DEBUG4", "DEBUG5");

    private final PostgresMessages messages = new PostgresMessages(this::emit);
    /** The entry being read: its message grows while TAB lines continue it. */
    private long line;
    private String lineText;
    private String session;
    private String severity;
    private StringBuilder message;
    private String detail;
    private boolean detailPending;

    /** The configured prefix, or null to infer severity and session from each line. */
    private final LogLinePrefix prefix;

    PostgresStderrReader(BufferedReader in) {
        this(in, null);
    }

    PostgresStderrReader(BufferedReader in, LogLinePrefix prefix) {
        super(in);
        this.prefix = prefix;
    }

    @Override
    protected void line(String text, long number) {
        if (!text.isEmpty() && text.charAt(0) == '\t') {
            if (detailPending) {
                detail = detail + "\n" + text.substring(1);
            } else if (message != null) {
                message.append('\n').append(text, 1, text.length());
            }
            return;
        }
        LogLinePrefix.Parsed parsed = prefix == null ? null : prefix.parse(text);
        int marker = prefix == null ? severityMarker(text) : parsed == null ? -1 : parsed.severity();
        if (marker < 0) {
            return;
        }
        int colon = text.indexOf(':', marker);
        String sev = text.substring(marker, colon);
        String sess = parsed != null ? parsed.session() : session(text, marker);
        String msg = text.substring(colon + 3);
        if ("DETAIL".equals(sev) && message != null && !detailPending && sess.equals(session)) {
            detail = msg;
            detailPending = true;
            return;
        }
        flush();
        line = number;
        lineText = text;
        session = sess;
        severity = sev;
        message = new StringBuilder(msg);
    }

    @Override
    protected void end() {
        flush();
    }

    private void flush() {
        if (message != null) {
            messages.accept(line, lineText, session, severity, message.toString(), detail);
        }
        message = null;
        detail = null;
        detailPending = false;
    }

    /** Where the severity word starts: before the first {@code WORD:  } whose word is a severity; -1 if none. */
    static int severityMarker(String text) {
        int from = 0;
        while (true) {
            int colon = text.indexOf(":  ", from);
            if (colon < 0) {
                return -1;
            }
            int start = colon;
            while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            if ((start == 0 || text.charAt(start - 1) == ' ') && SEVERITIES.contains(text.substring(start, colon))) {
                return start;
            }
            from = colon + 1;
        }
    }

    /** The session named in the prefix {@code text[0, end)}. */
    static String session(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '[') {
                int j = i + 1;
                while (j < end && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < end && text.charAt(j) == ']') {
                    return text.substring(i + 1, j);
                }
            }
        }
        String prefix = text.substring(0, end);
        String standalone = null;
        for (String raw : prefix.split("[\\s,]+")) {
            String word = raw.substring(raw.lastIndexOf('=') + 1);
            word = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
            int dot = word.indexOf('.');
            if (dot > 0 && dot < word.length() - 1 && word.chars().allMatch(c -> c == '.' || Character.digit(c, 16) >= 0)
                    && !word.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                return word;
            }
            if (standalone == null && !word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                standalone = word;
            }
        }
        return standalone != null ? standalone : prefix.strip();
    }
}
