package dev.migralint.cli;

import dev.migralint.core.input.AtomicFile;
import dev.migralint.core.input.IoReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A report or schema written to a file named by the user: folders created, written whole via a temporary
 * file, failures a one-line usage error.
 */
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
            AtomicFile.write(file, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                content.writeTo(w);
                w.flush();
            });
        } catch (IOException e) {
            throw new UsageException("cannot write " + shown + ": " + IoReason.of(e));
        }
    }
}
