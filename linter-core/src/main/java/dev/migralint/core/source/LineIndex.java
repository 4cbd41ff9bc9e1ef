package dev.migralint.core.source;

import java.util.Arrays;

/**
 * Maps offsets to 1-based line and column. LF, CRLF and a lone CR each end a line, as editors and
 * GitHub count them; a CRLF pair is one line break. An index of an excerpt ({@link #excerpt}) numbers
 * its lines as they are numbered in the file they were taken from.
 */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;
    /** The file's line number of each line of the text, ascending; null when the text is the whole file. */
    private final int[] numbers;

    private LineIndex(int[] lineStarts, int length, int[] numbers) {
        this.lineStarts = lineStarts;
        this.length = length;
        this.numbers = numbers;
    }

    /** The first line of {@code text}, without its line break (either of CR and LF ends it). */
    public static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    /** The index of {@code text}, some lines of a file joined by line breaks, whose line i is line {@code numbers[i]}. */
    public static LineIndex excerpt(CharSequence text, int[] numbers) {
        LineIndex whole = of(text);
        if (numbers.length != whole.lineStarts.length) {
            throw new IllegalArgumentException(numbers.length + " line numbers for " + whole.lineStarts.length + " lines");
        }
        return new LineIndex(whole.lineStarts, whole.length, numbers.clone());
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
        return new LineIndex(Arrays.copyOf(starts, count), n, null);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset; an offset at the end of the text belongs to the last line. */
    public int line(int offset) {
        return number(index(offset));
    }

    public int column(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - lineStarts[index(o)] + 1;
    }

    public Position position(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int idx = index(o);
        return new Position(number(idx), o - lineStarts[idx] + 1);
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[indexOfLine(line)];
    }

    /** Offset just past the last character of a 1-based line, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int idx = indexOfLine(line);
        int end = idx + 1 < lineStarts.length ? lineStarts[idx + 1] : length;
        while (end > lineStarts[idx] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** 0-based index into lineStarts of the line holding {@code offset}. */
    private int index(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int idx = Arrays.binarySearch(lineStarts, o);
        return idx >= 0 ? idx : -idx - 2;
    }

    private int number(int index) {
        return numbers == null ? index + 1 : numbers[index];
    }

    /** The index of a line number; in an excerpt, a line it lacks maps to the nearest line before it. */
    private int indexOfLine(int line) {
        if (numbers == null) {
            return line - 1;
        }
        int idx = Arrays.binarySearch(numbers, line);
        return idx >= 0 ? idx : Math.max(0, -idx - 2);
    }
}
