package dev.migralint.core.input.mybatis;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.input.SourceReader;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the MyBatis mapper files of a run: {@code .xml} files named directly, or in the folders
 * named, whose text is a mapper ({@link MapperReader#isMapper}). Other XML (a Liquibase changelog, a
 * Maven pom) is left alone. The paths that remain (everything but the mapper files named directly)
 * go to migration discovery as before.
 */
public final class MapperFiles {
    /** The mapper files found, the paths left for SQL discovery, and files that could not be read. */
    public record Found(List<SourceFile> mappers, List<Path> otherPaths, List<InputProblem> problems) {
    }

    private MapperFiles() {
    }

    public static Found find(List<Path> paths, Path baseDir, Map<Path, String> texts) {
        List<SourceFile> mappers = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Path base = baseDir.toAbsolutePath().normalize();
        List<Path> searched = new ArrayList<>();
        for (Path p : paths) {
            Path abs = base.resolve(p).toAbsolutePath().normalize();
            boolean xmlFile = abs.getFileName() != null
                    && abs.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") && !Files.isDirectory(abs);
            if (Files.isDirectory(abs)) {
                searched.add(p);
            }
            if (!xmlFile || !Files.exists(abs) || !addIfMapper(abs, SourceSet.displayPath(base, abs), texts, mappers, problems)) {
                others.add(p);
            }
        }
        if (!searched.isEmpty()) {
            for (SourceSet.Entry e : SourceSet.discover(searched, baseDir, f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))) {
                addIfMapper(e.path(), e.displayPath(), texts, mappers, problems);
            }
        }
        return new Found(mappers, others, problems);
    }

    /** True when the file is a mapper (added) or could not be read as one (its problem added). */
    private static boolean addIfMapper(Path path, String display, Map<Path, String> texts, List<SourceFile> mappers,
                                       List<InputProblem> problems) {
        String text = texts.get(path);
        SourceFile file;
        if (text != null) {
            file = new SourceFile(path, display, text);
        } else {
            SourceReader.Result r = SourceReader.read(path, display);
            if (r instanceof SourceReader.Result.Failed f) {
                problems.add(f.problem());
                return true;
            }
            file = ((SourceReader.Result.Read) r).file();
        }
        if (!MapperReader.isMapper(file.text())) {
            return false;
        }
        mappers.add(file);
        return true;
    }
}
