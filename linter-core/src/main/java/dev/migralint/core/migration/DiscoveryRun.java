package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.input.ReadOptions;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of one discovery: the run's settings, the files read so far and the problems found.
 * {@code dialect} is the run's: every folder's when {@code detect} is off, else the one a folder gets
 * when neither config nor {@link DialectDetector} says otherwise.
 */
final class DiscoveryRun {
    final Path baseDir;
    final Dialect dialect;
    final boolean detect;
    /** Dialects config sets per folder or file (absolute, normalized). */
    private final Map<Path, Dialect> configured;
    final List<InputProblem> problems = new ArrayList<>();
    private final Map<Path, SourceFile> read = new HashMap<>();
    private final Map<Path, ProjectMarkers> markers = new HashMap<>();
    private final Map<Path, String> texts;
    private final ReadOptions reading;
    private final Predicate<Path> excluded;

    DiscoveryRun(Path baseDir, Dialect dialect) {
        this(baseDir, dialect, false, Map.of(), Map.of(), ReadOptions.DEFAULT, p -> false);
    }

    /**
     * {@code texts}: files (absolute, normalized) read from memory instead of disk, as the fix command
     * checks an edit; files are read as {@code reading} says, and those {@code excluded} accepts are left out.
     */
    DiscoveryRun(Path baseDir, Dialect dialect, boolean detect, Map<Path, Dialect> configured, Map<Path, String> texts,
                 ReadOptions reading, Predicate<Path> excluded) {
        this.baseDir = baseDir;
        this.dialect = dialect;
        this.detect = detect;
        this.configured = Map.copyOf(configured);
        this.texts = Map.copyOf(texts);
        this.reading = reading;
        this.excluded = excluded;
    }

    /** The dialect config sets for {@code path} or the nearest folder above it, or null. */
    private Dialect configured(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            Dialect d = configured.get(p);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The dialect of a folder's migrations: as config sets it, else (when detecting) as the folder's
     * path, pop's dialect parts in {@code files}' names or their SQL show, else the run's.
     */
    Dialect folderDialect(Path dir, List<SourceFile> files) {
        Dialect d = configured(dir);
        if (d != null || !detect) {
            return d != null ? d : dialect;
        }
        d = DialectDetector.fromPath(dir, baseDir);
        if (d == null && PopLayout.hasDialectParts(files)) {
            // pop's variants for several databases: the run's dialect picks which pop runs
            d = PopLayout.dialectOfParts(files);
            return d != null ? d : dialect;
        }
        if (d == null) {
            d = DialectDetector.fromContent(files);
        }
        return d != null ? d : dialect;
    }

    /**
     * Whether the files of {@code dir} may each show their own dialect by name: detection is on and
     * neither config nor the folder's path decides the folder's dialect.
     */
    boolean filesMayDiffer(Path dir) {
        return detect && configured(dir) == null && DialectDetector.fromPath(dir, baseDir) == null;
    }

    /** The dialect of one file: as config sets it, else its path or its SQL, else {@code folderDialect}. */
    Dialect fileDialect(SourceFile file, Dialect folderDialect) {
        Dialect d = configured(file.path());
        if (d != null || !detect) {
            return d != null ? d : dialect;
        }
        d = DialectDetector.fromPath(file.path(), baseDir);
        if (d == null) {
            d = DialectDetector.fromContent(List.of(file));
        }
        return d != null ? d : folderDialect;
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
                : SourceReader.read(key, displayPath(key), reading);
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
