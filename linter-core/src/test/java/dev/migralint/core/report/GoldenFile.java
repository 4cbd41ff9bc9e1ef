package dev.migralint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/golden/<name>}. Run with
 * {@code -Dmigralint.updateGolden=true} to rewrite the files instead, then review the diff.
 */
final class GoldenFile {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFile() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("migralint.updateGolden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.out.println("[golden] rewrote " + file);
            return;
        }
        assertThat(file)
                .as("golden file %s is missing; run with -Dmigralint.updateGolden=true to create it", file)
                .exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("output differs from golden file %s", file).isEqualTo(expected);
    }
}
