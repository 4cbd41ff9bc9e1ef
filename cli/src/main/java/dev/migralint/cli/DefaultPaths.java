package dev.migralint.cli;

import dev.migralint.core.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command reads when no paths are given: the config's {@code migrations} (and, for commands
 * that lint, its {@code queries}), relative to the config file's folder as every path in it is;
 * else the working directory.
 */
final class DefaultPaths {
    private DefaultPaths() {
    }

    /** For check and baseline: migrations and query files. */
    static List<Path> of(List<Path> given, Config config) {
        return resolve(given, config, true);
    }

    /** For schema: migrations only, since query files build no schema. */
    static List<Path> migrations(List<Path> given, Config config) {
        return resolve(given, config, false);
    }

    private static List<Path> resolve(List<Path> given, Config config, boolean queries) {
        if (!given.isEmpty()) {
            return given;
        }
        List<String> named = new ArrayList<>(config.migrations());
        if (queries) {
            named.addAll(config.queries());
        }
        Path folder = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        List<Path> configured = named.stream()
                .map(p -> folder == null ? Path.of(p) : folder.resolve(p).normalize()).toList();
        return configured.isEmpty() ? List.of(Path.of(".")) : configured;
    }
}
