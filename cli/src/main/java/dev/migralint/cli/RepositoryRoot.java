package dev.migralint.cli;

import dev.migralint.core.config.Config;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder every report names files from: the git repository's top level (where GitHub code scanning
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

    /**
     * A request whose files are named from the repository root in every format, whatever folder the run
     * starts in, so that text, JSON and GitHub annotations point at the same file from a subfolder too.
     * Relative paths are made absolute first, since they are the working directory's.
     */
    static LintRequest request(List<Path> paths, List<Path> queries, Environment env, Config config) {
        for (Path p : paths) {
            if (!Files.exists(env.resolve(p))) {
                throw new InputException("path not found: " + p); // as typed, not made absolute
            }
        }
        return new LintRequest(paths.stream().map(env::resolve).toList(), queries.stream().map(env::resolve).toList(),
                of(env.workingDir(), config), config);
    }
}
