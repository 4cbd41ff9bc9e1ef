package dev.migralint.core.engine;

import dev.migralint.core.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * One run: the files and folders to lint, the directory reports are relative to, and the
 * configuration. The CLI and the Maven plugin each build one and call {@link LintEngine#run}.
 */
public record LintRequest(List<Path> paths, Path baseDir, Config config) {
    public LintRequest {
        paths = List.copyOf(paths);
    }
}
