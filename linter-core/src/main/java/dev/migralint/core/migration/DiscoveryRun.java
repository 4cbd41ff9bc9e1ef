package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.source.TextRange;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The state of one discovery: the run's settings, the files read so far and the problems found. */
final class DiscoveryRun {
    final Path baseDir;
    final Dialect dialect;
    final List<InputProblem> problems = new ArrayList<>();
    private final Map<Path, SourceFile> read = new HashMap<>();
    private final Map<Path, ProjectMarkers> markers = new HashMap<>();
    private final Map<Path, String> texts;
    private final Charset encoding;
    private final Predicate<Path> excluded;

    DiscoveryRun(Path baseDir, Dialect dialect) {
        this(baseDir, dialect, Map.of());
    }

    DiscoveryRun(Path baseDir, Dialect dialect, Map<Path, String> texts) {
        this(baseDir, dialect, texts, StandardCharsets.UTF_8, p -> false);
    }

    /** {@code texts}: files (absolute, normalized) read from memory instead of disk, as the fix command checks an edit. */
    DiscoveryRun(Path baseDir, Dialect dialect, Map<Path, String> texts, Charset encoding, Predicate<Path> excluded) {
        this.baseDir = baseDir;
        this.dialect = dialect;
        this.texts = Map.copyOf(texts);
        this.encoding = encoding;
        this.excluded = excluded;
    }

    String displayPath(Path p) {
        return SourceSet.displayPath(baseDir, p);
    }

    /**
     * The decoded file, or null when it cannot be read (the reason becomes a problem, once) or is
     * excluded by config (silently: layouts treat it as absent).
     */
    SourceFile read(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (read.containsKey(key)) {
            return read.get(key);
        }
        if (excluded.test(key)) {
            read.put(key, null);
            return null;
        }
        SourceFile result = null;
        String text = texts.get(key);
        SourceReader.Result r = text != null ? new SourceReader.Result.Read(new SourceFile(key, displayPath(key), text))
                : SourceReader.read(key, displayPath(key), encoding);
        if (r instanceof SourceReader.Result.Read ok) {
            result = ok.file();
        } else if (r instanceof SourceReader.Result.Failed failed) {
            problems.add(failed.problem());
        }
        read.put(key, result);
        return result;
    }

    List<SourceFile> readAll(List<Path> files) {
        List<SourceFile> out = new ArrayList<>();
        for (Path f : files) {
            SourceFile s = read(f);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    void problem(SourceFile file, TextRange range, String message) {
        problems.add(new InputProblem(range == null ? new Location.WholeFile(file) : new Location.Span(file, range),
                message));
    }

    /** A folder or side file that could not be listed or read. */
    void folderProblem(Path path, java.io.IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Path p = path.toAbsolutePath().normalize();
        problems.add(new InputProblem(new Location.WholeFile(new SourceFile(p, displayPath(p), "")),
                "cannot read: " + why));
    }

    ProjectMarkers markers(Path dir) {
        return markers.computeIfAbsent(dir, d -> ProjectMarkers.find(d, this));
    }
}
