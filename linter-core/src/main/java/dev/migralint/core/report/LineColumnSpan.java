package dev.migralint.core.report;

import dev.migralint.core.diag.Location;
import dev.migralint.core.source.Position;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.Optional;

/**
 * A range resolved to 1-based lines and UTF-16 columns. Offsets are clamped into the file's text, so a
 * range that runs past the end of a file (a rule bug, or a file that changed) still prints. {@code end}
 * is exclusive: the position just after the last character, as SARIF's endColumn.
 */
record LineColumnSpan(SourceFile file, int startOffset, int endOffset, Position start, Position end) {

    static LineColumnSpan of(SourceFile file, TextRange range) {
        int length = file.text().length();
        int s = Math.min(range.start(), length);
        int e = Math.max(s, Math.min(range.end(), length));
        return new LineColumnSpan(file, s, e, file.position(s), file.position(e));
    }

    /** Empty for a whole-file location, which has no line or column. */
    static Optional<LineColumnSpan> of(Location location) {
        if (location instanceof Location.Span span) {
            return Optional.of(of(span.file(), span.range()));
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return startOffset == endOffset;
    }

    /**
     * The line holding the last character of the range: a range that ends with a line break ends on
     * that line, not at column 1 of the next. The start line for an empty range.
     */
    int lastLine() {
        return isEmpty() ? start.line() : file.lines().line(endOffset - 1);
    }

    /** 1-based UTF-16 column of the last character (inclusive end); the start column for an empty range. */
    int lastColumn() {
        return isEmpty() ? start.column() : file.lines().column(endOffset - 1);
    }
}
