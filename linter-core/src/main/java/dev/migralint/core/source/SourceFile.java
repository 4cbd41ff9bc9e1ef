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
    /** For an excerpt, the file's number of each line of {@code text}; else null. */
    private final int[] lineNumbers;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = Objects.requireNonNull(path);
        this.displayPath = Objects.requireNonNull(displayPath);
        this.text = Objects.requireNonNull(text);
        this.lineNumbers = null;
    }

    private SourceFile(Path path, String displayPath, String text, int[] lineNumbers) {
        this.path = Objects.requireNonNull(path);
        this.displayPath = Objects.requireNonNull(displayPath);
        this.text = Objects.requireNonNull(text);
        this.lineNumbers = lineNumbers.clone();
    }

    /**
     * Some lines of a file too large to hold, such as a query log: {@code text} is those lines joined
     * by line breaks, {@code lineNumbers} (ascending) their numbers in the file, which reports show.
     * Offsets into it are offsets into {@code text}, not into the file.
     */
    public static SourceFile excerpt(Path path, String displayPath, String text, int[] lineNumbers) {
        return new SourceFile(path, displayPath, text, lineNumbers);
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
            l = lineNumbers == null ? LineIndex.of(text) : LineIndex.excerpt(text, lineNumbers);
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
