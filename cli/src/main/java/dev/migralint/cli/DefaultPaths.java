package dev.migralint.cli;

import dev.migralint.core.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command lints when no paths are given: the config's {@code migrations} and {@code queries}
 * (relative to the config file's folder, as every path in it is), else the working directory.
 */
final class DefaultPaths {
    private DefaultPaths() {
    }

    static List<Path> of(List<Path> given, Config config) {
        if (!given.isEmpty()) {
            return given;
        }
        List<Path> configured = new ArrayList<>();
        Path folder = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        for (String p : config.migrations()) {
            configured.add(folder == null ? Path.of(p) : folder.resolve(p).normalize());
        }
        for (String p : config.queries()) {
            configured.add(folder == null ? Path.of(p) : folder.resolve(p).normalize());
        }
        return configured.isEmpty() ? List.of(Path.of(".")) : configured;
    }
}
