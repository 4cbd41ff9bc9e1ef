package dev.migralint.core.querylog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code log_line_prefix} setting, as the config gives it, compiled to a pattern that
 * reads a stderr log line: where the severity starts and which session wrote it ({@code %c}, else
 * {@code %p}). Used instead of inferring both from the line, which guesses wrong when the prefix holds
 * a number before the pid (as {@code %l}, the line number, in {@code '%m %l %p '}).
 */
public final class LogLinePrefix {
    private final String setting;
    private final Pattern pattern;
    private final boolean hasPid;
    private final boolean hasSessionId;

    private LogLinePrefix(String setting, Pattern pattern, boolean hasPid, boolean hasSessionId) {
        this.setting = setting;
        this.pattern = pattern;
        this.hasPid = hasPid;
        this.hasSessionId = hasSessionId;
    }

    /**
     * Compiles {@code setting} as the server expands it: each escape to what it prints, other text as
     * is. Unknown escapes print nothing, as in the server; {@code %q} ends the prefix of lines that no
     * session wrote, so what follows it is optional.
     */
    public static LogLinePrefix of(String setting) {
        StringBuilder re = new StringBuilder("^");
        int optional = 0;
        boolean pid = false;
        boolean sid = false;
        int i = 0;
        while (i < setting.length()) {
            char c = setting.charAt(i);
            if (c != '%' || i + 1 >= setting.length()) {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
                continue;
            }
            int j = i + 1;
            // a padding width, as %-10u or %5p
            while (j < setting.length() && (setting.charAt(j) == '-' || Character.isDigit(setting.charAt(j)))) {
                j++;
            }
            if (j >= setting.length()) {
                break;
            }
            boolean padded = j > i + 1;
            char e = setting.charAt(j);
            String pad = padded ? " *" : "";
            switch (e) {
                case 'p' -> {
                    re.append(pad).append(pid ? "\\d+" : "(?<pid>\\d+)").append(pad);
                    pid = true;
                }
                case 'c' -> {
                    re.append(pad).append(sid ? "[0-9a-f]+\\.[0-9a-f]+" : "(?<sid>[0-9a-f]+\\.[0-9a-f]+)").append(pad);
                    sid = true;
                }
                case 'm' -> re.append("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+(?: \\S+)?");
                case 't', 's' -> re.append("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?: \\S+)?");
                case 'n' -> re.append("\\d+(?:\\.\\d+)?");
                case 'l', 'P', 'x', 'Q' -> re.append(pad).append("\\d*").append(pad);
                case 'e' -> re.append("[0-9A-Z]{5}");
                case 'v' -> re.append(pad).append("\\S*").append(pad);
                case '%' -> re.append('%');
                case 'q' -> {
                    re.append("(?:");
                    optional++;
                }
                // %a, %u, %d, %r, %h, %b, %i: free text, which may hold spaces (an application name)
                case 'a', 'u', 'd', 'r', 'h', 'b', 'i' -> re.append(".*?");
                default -> { /* the server prints nothing for an unknown escape */ }
            }
            i = j + 1;
        }
        re.append(")?".repeat(optional));
        re.append("(?<severity>[A-Z][A-Z0-9]*):  ");
        return new LogLinePrefix(setting, Pattern.compile(re.toString()), pid, sid);
    }

    /** The setting as the config wrote it. */
    public String setting() {
        return setting;
    }

    /** The line read against the prefix, or null when it does not start with the prefix and a severity. */
    Parsed parse(String line) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return null;
        }
        // a line of a process without a session (%q) has no pid or session id
        String session = hasSessionId ? m.group("sid") : null;
        if (session == null && hasPid) {
            session = m.group("pid");
        }
        return new Parsed(m.start("severity"), session == null ? line.substring(0, m.start("severity")).strip() : session);
    }

    /** Where the severity word starts, and the session that wrote the line. */
    record Parsed(int severity, String session) {
    }

    @Override
    public String toString() {
        return setting;
    }
}
