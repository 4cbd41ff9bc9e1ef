package dev.migralint.core.lex;

import java.util.Arrays;
import java.util.Map;

/**
 * Finds template placeholders ({@code ${name}} as Flyway writes them, {@code {{ ... }}} as Go
 * templates do) and replaces each with same-length text that parses as an identifier. Template
 * engines substitute text before SQL is read, so a placeholder may stand anywhere, even inside a
 * quoted identifier; this pass therefore runs over the raw text before lexing.
 */
final class PlaceholderMasker {
    /** Placeholders longer than this are not placeholders but something else using the same characters. */
    private static final int MAX_LENGTH = 400;

    private final Map<String, String> values;

    PlaceholderMasker(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The masked text and the placeholders' ranges, sorted; {@code masked} is null when nothing was
     * found. {@code quotedEnds[i]} is the end of the quoted token around placeholder i when its quotes
     * were moved in around the value, else -1.
     */
    record Masking(char[] masked, int[] starts, int[] ends, int[] quotedEnds, int count) {
    }

    Masking mask(String text) {
        int dollar = text.indexOf("${");
        int braces = text.indexOf("{{");
        if (dollar < 0 && braces < 0) {
            return new Masking(null, new int[0], new int[0], new int[0], 0);
        }
        char[] out = text.toCharArray();
        int[] starts = new int[8];
        int[] ends = new int[8];
        int[] quotedEnds = new int[8];
        int count = 0;
        int pos = 0;
        while (true) {
            if (dollar >= 0 && dollar < pos) {
                dollar = text.indexOf("${", pos);
            }
            if (braces >= 0 && braces < pos) {
                braces = text.indexOf("{{", pos);
            }
            int start;
            int end;
            String name;
            if (dollar >= 0 && (braces < 0 || dollar < braces)) {
                start = dollar;
                int close = closing(text, start + 2, "}");
                if (close < 0) {
                    pos = start + 2;
                    continue;
                }
                end = close + 1;
                name = text.substring(start + 2, close).trim();
                if (name.isEmpty()) {
                    pos = end;
                    continue;
                }
            } else if (braces >= 0) {
                start = braces;
                int close = closing(text, start + 2, "}}");
                if (close < 0) {
                    pos = start + 2;
                    continue;
                }
                end = close + 2;
                name = lastName(text, start + 2, close);
            } else {
                break;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                quotedEnds = Arrays.copyOf(quotedEnds, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            quotedEnds[count] = replace(text, out, start, end, name) ? end + 1 : -1;
            count++;
            pos = end;
        }
        return new Masking(out, starts, ends, quotedEnds, count);
    }

    private static int closing(String text, int from, String close) {
        int limit = Math.min(text.length(), from + MAX_LENGTH);
        int at = text.indexOf(close, from);
        if (at < 0 || at >= limit) {
            return -1;
        }
        // A placeholder sits on one line and holds no braces: '{{1,2},{3,4}}' is a 2-D array literal.
        for (int i = from; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '{' || c == '}') {
                return -1;
            }
        }
        return at;
    }

    /** For {@code {{ index .Options "Namespace" }}} the name is {@code Namespace}; for {@code {{ .Schema }}}, {@code Schema}. */
    private static String lastName(String text, int from, int to) {
        int end = to;
        while (end > from && !isNameChar(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    /**
     * Writes the replacement for {@code [start, end)}. A placeholder quoted on both sides, as in
     * {@code "{{ .Schema }}"}, gets its quotes moved in around the value, so the identifier or
     * string holds the value itself rather than the value followed by spaces; then it returns true.
     */
    private boolean replace(String text, char[] out, int start, int end, String name) {
        String value = valueFor(name);
        int length = end - start;
        if (start > 0 && end < text.length()) {
            char before = text.charAt(start - 1);
            // Not where the quotes are doubled ('' inside a string): moving one would end the string.
            boolean doubled = (start > 1 && text.charAt(start - 2) == before)
                    || (end + 1 < text.length() && text.charAt(end + 1) == before);
            if ((before == '"' || before == '\'' || before == '`') && text.charAt(end) == before && !doubled
                    && value != null && value.length() <= length) {
                int at = start;
                value.getChars(0, value.length(), out, at);
                at += value.length();
                out[at++] = before;
                Arrays.fill(out, at, end + 1, ' ');
                return true;
            }
        }
        if (value != null && value.length() <= length) {
            value.getChars(0, value.length(), out, start);
            // Padding inside a longer identifier (idx_${name}_x) keeps the identifier whole.
            char pad = end < text.length() && isNameChar(text.charAt(end)) ? '_' : ' ';
            Arrays.fill(out, start + value.length(), end, pad);
        } else {
            Arrays.fill(out, start, end, '_');
        }
        return false;
    }

    /** The configured value, else the name itself when it is a plain identifier, else null. */
    String valueFor(String name) {
        String value = values.get(name);
        if (value == null) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    value = e.getValue();
                    break;
                }
            }
        }
        if (value != null) {
            return value;
        }
        return isIdentifier(name) ? name : null;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
