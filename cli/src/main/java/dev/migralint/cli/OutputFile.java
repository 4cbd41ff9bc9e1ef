package dev.migralint.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A report or schema written to a file named by the user: folders created, failures a one-line usage error. */
final class OutputFile {
    /** What goes into the file. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    private OutputFile() {
    }

    /** Writes {@code file} (resolved) as UTF-8; {@code shown} is the name the user gave, for the message. */
    static void write(Path shown, Path file, Content content) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + shown + ": " + e.getMessage());
        }
    }
}
