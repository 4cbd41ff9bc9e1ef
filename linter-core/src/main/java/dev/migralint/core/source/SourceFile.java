package dev.migralint.core.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One decoded input file. {@code path} is where it was read from; {@code displayPath} is how reports
 * name it: relative to the run's base directory with forward slashes.
 */
public final class SourceFile {
    private final Path path;
    private final String displayPath;
    private final String text;
    private volatile LineIndex lines;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = Objects.requireNonNull(path);
        this.displayPath = Objects.requireNonNull(displayPath);
        this.text = Objects.requireNonNull(text);
    }

    /** A file held in memory, for tests and for library callers that lint strings. */
    public static SourceFile of(String displayPath, String text) {
        return new SourceFile(Path.of(displayPath), displayPath, text);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public String text(TextRange range) {
        return text.substring(range.start(), range.end());
    }

    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = LineIndex.of(text);
            lines = l;
        }
        return l;
    }

    public Position position(int offset) {
        return lines().position(offset);
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
