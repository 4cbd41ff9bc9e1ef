package dev.migralint.core.migration;

import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Carves scripts out of a file's text without moving any offset: parts that are not kept become
 * spaces, line breaks stay. Also reads a file line by line with offsets, which is how section
 * markers ({@code -- migrate:up}, {@code -- +goose Down}, {@code --changeset}) are found.
 */
final class ScriptText {
    /** One line: {@code start} to {@code end} without its line break; {@code next} is where the next line starts. */
    record Line(int start, int end, int next, String text) {
    }

    private ScriptText() {
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < n && text.charAt(next) == '\r') {
                next++;
            }
            if (next < n && text.charAt(next) == '\n' && (next == end || text.charAt(next - 1) == '\r')) {
                next++;
            }
            lines.add(new Line(i, end, next, text.substring(i, end)));
            i = next;
        }
        return lines;
    }

    /**
     * Whether {@code text} holds {@code needle} (ASCII, lower case) in any case: a cheap test before a
     * file is cut into lines to look for a section marker, which most files have none of.
     */
    static boolean containsIgnoreCase(String text, String needle) {
        char first = needle.charAt(0);
        char upper = Character.toUpperCase(first);
        int last = text.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with only {@code kept} left; everything else but line breaks is a space. */
    static String keep(String text, List<TextRange> kept) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c == '\n' || c == '\r' ? c : ' ';
        }
        for (TextRange r : kept) {
            text.getChars(r.start(), r.end(), out, r.start());
        }
        return new String(out);
    }

    /** {@code text} with {@code blanked} turned to spaces (line breaks stay). */
    static String blank(String text, List<TextRange> blanked) {
        char[] out = text.toCharArray();
        for (TextRange r : blanked) {
            for (int i = r.start(); i < r.end(); i++) {
                if (out[i] != '\n' && out[i] != '\r') {
                    out[i] = ' ';
                }
            }
        }
        return new String(out);
    }
}
