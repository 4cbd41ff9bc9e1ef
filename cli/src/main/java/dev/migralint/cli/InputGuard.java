package dev.migralint.cli;

import dev.migralint.core.input.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to write a report over something the run reads: a file named as a path, a SQL file inside a
 * linted folder, the baseline just read or the config file. Symbolic links are resolved, so a link to
 * a migration is caught too.
 */
final class InputGuard {
    private InputGuard() {
    }

    /**
     * Throws a {@link UsageException} naming the clash when {@code output} (as the user gave it, {@code
     * resolved} against {@code workingDir}) is one of the inputs.
     */
    static void check(Path shown, Path resolved, Collection<Path> linted, Optional<Path> baseline, Path config,
            Path workingDir) {
        Path out = real(resolved);
        for (Path in : linted) {
            Path input = real(in);
            if (out.equals(input)) {
                throw clash(shown, "it is a file being linted");
            }
            if (Files.isDirectory(input) && out.startsWith(input) && isSql(out)) {
                throw clash(shown, "it is a SQL file inside the linted folder " + SourceSet.displayPath(workingDir, in));
            }
        }
        if (baseline.isPresent() && out.equals(real(baseline.get()))) {
            throw clash(shown, "it is the baseline this run reads");
        }
        if (config != null && out.equals(real(config))) {
            throw clash(shown, "it is the config file " + config);
        }
    }

    private static UsageException clash(Path shown, String why) {
        return new UsageException("refusing to write the report to " + shown + ": " + why
                + "; choose another file");
    }

    private static boolean isSql(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** The real path when the file exists, else the absolute normalized one (with its folder resolved if it exists). */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                try {
                    return parent.toRealPath().resolve(abs.getFileName());
                } catch (IOException ignored) {
                    // Fall through to the path as given.
                }
            }
            return abs;
        }
    }
}
