package dev.migralint.cli;

import dev.migralint.core.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command reads when no paths are given: the config's {@code migrations}, relative to the
 * config file's folder as every path in it is, else the working directory; and the query files
 * commands that lint judge against the schema those migrations build.
 */
final class DefaultPaths {
    private DefaultPaths() {
    }

    /** For check, baseline and fix: the migrations (query files are named apart, see {@link #queries}). */
    static List<Path> of(List<Path> given, Config config) {
        return migrations(given, config);
    }

    /** For schema: the migrations. */
    static List<Path> migrations(List<Path> given, Config config) {
        if (!given.isEmpty()) {
            return given;
        }
        List<Path> configured = resolve(config.migrations(), config);
        return configured.isEmpty() ? List.of(Path.of(".")) : configured;
    }

    /**
     * The query files: those given with {@code --queries}, else, when no paths are given either, the
     * config's {@code queries}. Paths given alone mean just those files, as they do for migrations.
     */
    static List<Path> queries(List<Path> givenQueries, List<Path> givenPaths, Config config) {
        if (!givenQueries.isEmpty() || !givenPaths.isEmpty()) {
            return givenQueries;
        }
        return resolve(config.queries(), config);
    }

    private static List<Path> resolve(List<String> named, Config config) {
        Path folder = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        return named.stream().map(p -> folder == null ? Path.of(p) : folder.resolve(p).normalize()).toList();
    }
}
