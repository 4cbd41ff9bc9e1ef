package dev.migralint.core.queryfile;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the query files under the paths a run names as queries ({@code queries:} in the config,
 * {@code check --queries}): a file named is read whatever its name, a folder contributes the files
 * some {@link QuerySource} reads, recursively, in natural order. Unreadable files become problems.
 */
public final class QueryFiles {
    /** The sources, in the order they are asked: the first that reads a file gets it. */
    public static final List<QuerySource> SOURCES = List.of(new SqlQueryFiles());

    /** The query scripts found and the files that could not be read. */
    public record Found(List<MigrationScript> scripts, List<InputProblem> problems) {
        public Found {
            scripts = List.copyOf(scripts);
            problems = List.copyOf(problems);
        }
    }

    private QueryFiles() {
    }

    /** Throws {@code InputException} when a path does not exist. */
    public static Found discover(List<Path> paths, Path baseDir, Map<Path, String> texts) {
        List<MigrationScript> scripts = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (SourceSet.Entry e : SourceSet.discover(paths, baseDir, f -> SOURCES.stream().anyMatch(s -> s.reads(f)))) {
            String text = texts.get(e.path());
            SourceReader.Result r = text != null ? new SourceReader.Result.Read(new SourceFile(e.path(), e.displayPath(), text))
                    : SourceReader.read(e.path(), e.displayPath());
            if (r instanceof SourceReader.Result.Failed failed) {
                problems.add(failed.problem());
            } else if (r instanceof SourceReader.Result.Read read) {
                QuerySource source = SOURCES.stream().filter(s -> s.reads(e.path())).findFirst().orElse(SOURCES.get(0));
                scripts.addAll(source.scripts(read.file()));
            }
        }
        return new Found(scripts, problems);
    }
}
