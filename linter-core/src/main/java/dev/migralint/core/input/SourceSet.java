package dev.migralint.core.input;

import dev.migralint.core.source.NaturalOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a run lints, in order. A file named on the command line is linted whatever its name; a
 * folder contributes its {@code .sql} files, walked recursively and ordered by natural sort of their
 * relative paths (so {@code V2__x.sql} comes before {@code V10__y.sql}). Hidden folders and build
 * output are skipped.
 */
public final class SourceSet {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build");

    /** A file to lint and the name reports give it. */
    public record Entry(Path path, String displayPath) {
    }

    private SourceSet() {
    }

    public static List<Entry> discover(List<Path> paths, Path baseDir) {
        return discover(paths, baseDir, SourceSet::isSql);
    }

    /** As {@link #discover(List, Path)}, with folders contributing the files {@code wanted} accepts. */
    public static List<Entry> discover(List<Path> paths, Path baseDir, java.util.function.Predicate<Path> wanted) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        Path base = baseDir.toAbsolutePath().normalize();
        for (Path p : paths) {
            Path abs = base.resolve(p).toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new InputException("path not found: " + p);
            }
            List<Path> found = Files.isDirectory(abs) ? walk(abs, wanted) : List.of(abs);
            for (Path f : found) {
                if (seen.add(f)) {
                    entries.add(new Entry(f, displayPath(base, f)));
                }
            }
        }
        return entries;
    }

    public static String displayPath(Path base, Path file) {
        Path shown = file.startsWith(base) ? base.relativize(file) : file;
        // Only the platform's separator becomes '/': on Linux a backslash is part of a file's name.
        String s = shown.getFileSystem().getSeparator().equals("/") ? shown.toString()
                : shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
        return s.isEmpty() ? file.getFileName().toString() : s;
    }

    private static boolean isSql(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> wanted) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // An unreadable entry is reported when it is read; keep walking.
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Comparator<Path> natural = Comparator.comparing(f -> root.relativize(f).toString(), NaturalOrder.INSTANCE);
        files.sort(natural);
        return files;
    }
}
