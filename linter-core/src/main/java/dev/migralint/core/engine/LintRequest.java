package dev.migralint.core.engine;

import dev.migralint.core.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run: the files and folders to lint, the directory reports are relative to, and the
 * configuration. The CLI and the Maven plugin each build one and call {@link LintEngine#run}.
 * {@code queries} are query files and folders, judged against the schema the migrations end with
 * rather than linted as migrations. {@code texts} holds files (absolute, normalized paths) to read
 * from memory instead of disk, as the fix command lints an edit before it writes it; usually empty.
 */
public record LintRequest(List<Path> paths, List<Path> queries, Path baseDir, Config config, Map<Path, String> texts) {
    public LintRequest {
        paths = List.copyOf(paths);
        queries = List.copyOf(queries);
        texts = Map.copyOf(texts);
    }

    public LintRequest(List<Path> paths, Path baseDir, Config config) {
        this(paths, List.of(), baseDir, config, Map.of());
    }

    public LintRequest(List<Path> paths, List<Path> queries, Path baseDir, Config config) {
        this(paths, queries, baseDir, config, Map.of());
    }

    /** This request with {@code file} read as {@code text}. */
    public LintRequest withText(Path file, String text) {
        Map<Path, String> t = new HashMap<>(texts);
        t.put(file.toAbsolutePath().normalize(), text);
        return new LintRequest(paths, queries, baseDir, config, t);
    }
}
