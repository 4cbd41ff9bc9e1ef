package dev.migralint.core.source;

import java.util.Arrays;

/**
 * Maps offsets to 1-based line and column. LF, CRLF and a lone CR each end a line, as editors and
 * GitHub count them; a CRLF pair is one line break.
 */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;

    private LineIndex(int[] lineStarts, int length) {
        this.lineStarts = lineStarts;
        this.length = length;
    }

    public static LineIndex of(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, count), n);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset; an offset at the end of the text belongs to the last line. */
    public int line(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int idx = Arrays.binarySearch(lineStarts, o);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    public int column(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - lineStarts[line(o) - 1] + 1;
    }

    public Position position(int offset) {
        int line = line(offset);
        int o = Math.max(0, Math.min(offset, length));
        return new Position(line, o - lineStarts[line - 1] + 1);
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just past the last character of a 1-based line, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int end = line < lineStarts.length ? lineStarts[line] : length;
        while (end > lineStarts[line - 1] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
