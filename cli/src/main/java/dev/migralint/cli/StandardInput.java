package dev.migralint.cli;

import dev.migralint.core.input.InputException;
import dev.migralint.core.input.IoReason;
import dev.migralint.core.input.ReadOptions;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code check -}: the SQL on standard input, decoded as a file of the given name would be, and bounded by
 * the same size limit, so {@code check - < /dev/zero} stops rather than filling the heap.
 */
final class StandardInput {
    private StandardInput() {
    }

    static String read(Environment env, Path file, ReadOptions options) {
        String shown = SourceSet.displayPath(env.workingDir(), file);
        SourceReader.Result r;
        try {
            r = SourceReader.read(env.stdin(), file, shown, options);
        } catch (IOException e) {
            throw new InputException("cannot read standard input: " + IoReason.of(e));
        }
        if (r instanceof SourceReader.Result.Failed failed) {
            throw new InputException(shown + " (standard input): " + failed.problem().message());
        }
        return ((SourceReader.Result.Read) r).file().text();
    }
}
