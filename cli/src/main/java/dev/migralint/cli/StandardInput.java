package dev.migralint.cli;

import dev.migralint.core.input.InputException;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** {@code check -}: the SQL on standard input, decoded as a file of the given name would be. */
final class StandardInput {
    private StandardInput() {
    }

    static String read(Environment env, Path file, Charset encoding) {
        byte[] bytes;
        try {
            bytes = env.stdin().readAllBytes();
        } catch (IOException e) {
            throw new InputException("cannot read standard input: " + e.getMessage());
        }
        String shown = SourceSet.displayPath(env.workingDir(), file);
        SourceReader.Result r = SourceReader.decode(file, shown, bytes, encoding);
        if (r instanceof SourceReader.Result.Failed failed) {
            throw new InputException(shown + " (standard input): " + failed.problem().message());
        }
        return ((SourceReader.Result.Read) r).file().text();
    }
}
