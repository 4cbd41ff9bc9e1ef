package dev.migralint.cli;

import dev.migralint.core.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder SARIF names files from: the git repository's top level (where GitHub code scanning
 * places annotations), else the config file's folder, else the working directory. Found by looking
 * for {@code .git} (a folder, or a file in worktrees and submodules), so no git process is started.
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path of(Path workingDir, Config config) {
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return config.source() != null ? config.source().toAbsolutePath().normalize().getParent() : workingDir;
    }
}
