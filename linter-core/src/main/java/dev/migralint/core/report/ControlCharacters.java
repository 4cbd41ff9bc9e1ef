package dev.migralint.core.report;

/**
 * Makes control characters visible. A quoted identifier or a file name may hold a line break, ESC or
 * BEL; printed raw, they would start a new report line (GitHub Actions obeys a line such as
 * {@code ::error file=x.sql::forged} in any step's output) or drive the terminal. Backslashes are
 * left as they are, so a Windows-style name still reads as the user wrote it.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** {@code s} with line breaks as {@code \n} / {@code \r}, other control and line-separator characters as {@code \xHH} or {@code \\uHHHH}; tabs stay. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code s} with line breaks kept as they are and every other control character escaped. */
    public static String escapeKeepingLineBreaks(String s) {
        String[] lines = (s == null ? "" : s).replace("\r\n", "\n").split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = escape(lines[i]);
            if (i > 0) {
                // A line the CI runner would read as a workflow command is not allowed to start one.
                sb.append(isCommandLike(line) ? "\\n" : "\n");
            }
            sb.append(line);
        }
        return sb.toString();
    }

    private static boolean isCommandLike(String line) {
        String t = line.stripLeading();
        return t.startsWith("::") || t.startsWith("##[");
    }

    private static String replacement(char c) {
        if (c == '\t') {
            return null;
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (Character.isISOControl(c)) {
            return String.format("\\x%02x", (int) c);
        }
        if (c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
