package dev.migralint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Compares text with a committed golden file. With {@code -Dmigralint.updateGolden=true} the file
 * is rewritten instead (review the diff before committing). The comparison is exact: line endings
 * and trailing whitespace count, which is what CRLF golden files test.
 */
public final class GoldenFile {
    public static final String UPDATE_PROPERTY = "migralint.updateGolden";

    private GoldenFile() {
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    public static void assertMatches(Path golden, String actual) {
        try {
            if (updating()) {
                if (golden.getParent() != null) {
                    Files.createDirectories(golden.getParent());
                }
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionFailedError("golden file " + golden + " does not exist; create it with -D"
                        + UPDATE_PROPERTY + "=true and review it");
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionFailedError("output differs from golden file " + golden + " at "
                        + firstDifference(expected, actual) + "; if the change is intended, rerun with -D"
                        + UPDATE_PROPERTY + "=true and review the diff", expected, actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "line N" of the first differing line (1-based, counting LF). */
    static String firstDifference(String expected, String actual) {
        int n = Math.min(expected.length(), actual.length());
        int line = 1;
        for (int i = 0; i < n; i++) {
            if (expected.charAt(i) != actual.charAt(i)) {
                return "line " + line;
            }
            if (expected.charAt(i) == '\n') {
                line++;
            }
        }
        return "line " + line + " (one text is a prefix of the other)";
    }
}
