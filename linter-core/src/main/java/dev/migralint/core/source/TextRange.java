package dev.migralint.core.source;

/** A half-open range of UTF-16 offsets {@code [start, end)} into a {@link SourceFile}'s text. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public static TextRange of(int start, int end) {
        return new TextRange(start, end);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    /** The smallest range covering both. */
    public TextRange union(TextRange other) {
        return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
    }
}
