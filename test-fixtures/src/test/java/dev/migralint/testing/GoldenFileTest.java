package dev.migralint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenFileTest {
    @TempDir
    Path dir;

    @Test
    void acceptsIdenticalText() throws IOException {
        Path golden = dir.resolve("a.txt");
        Files.writeString(golden, "one\r\ntwo\n");
        GoldenFile.assertMatches(golden, "one\r\ntwo\n");
    }

    @Test
    void namesTheFirstDifferingLine() throws IOException {
        Path golden = dir.resolve("a.txt");
        Files.writeString(golden, "one\ntwo\nthree\n");
        assertThatThrownBy(() -> GoldenFile.assertMatches(golden, "one\ntwo\nfour\n"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("-Dmigralint.updateGolden=true");
    }

    @Test
    void lineEndingsCount() throws IOException {
        Path golden = dir.resolve("a.txt");
        Files.writeString(golden, "one\ntwo\n");
        assertThatThrownBy(() -> GoldenFile.assertMatches(golden, "one\r\ntwo\r\n")).hasMessageContaining("line 1");
    }

    @Test
    void aMissingGoldenFileFailsWithTheWayToCreateIt() {
        assertThatThrownBy(() -> GoldenFile.assertMatches(dir.resolve("missing.txt"), "x"))
                .hasMessageContaining("does not exist").hasMessageContaining("migralint.updateGolden");
    }

    @Test
    void rewritesTheFileWhenUpdating() throws IOException {
        Path golden = dir.resolve("sub/a.txt");
        String previous = System.getProperty(GoldenFile.UPDATE_PROPERTY);
        System.setProperty(GoldenFile.UPDATE_PROPERTY, "true");
        try {
            GoldenFile.assertMatches(golden, "new\n");
        } finally {
            if (previous == null) {
                System.clearProperty(GoldenFile.UPDATE_PROPERTY);
            } else {
                System.setProperty(GoldenFile.UPDATE_PROPERTY, previous);
            }
        }
        assertThat(golden).hasContent("new");
        GoldenFile.assertMatches(golden, "new\n");
    }
}
