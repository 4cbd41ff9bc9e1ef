package dev.migralint.core.migration;

import dev.migralint.core.source.NaturalOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One directory's entries, listed once: regular files and the subdirectories worth visiting (hidden
 * folders, build output and symbolic links that loop back are skipped), both in natural order of their
 * names.
 */
record Folder(Path dir, List<Path> files, List<Path> subdirs, boolean named) {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build");
    static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE);

    static Folder list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> subdirs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    if (!name.startsWith(".") && !SKIPPED_DIRS.contains(name) && !isLoop(dir, p)) {
                        subdirs.add(p);
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(BY_NAME);
        subdirs.sort(BY_NAME);
        return new Folder(dir, List.copyOf(files), List.copyOf(subdirs), false);
    }

    /**
     * Whether {@code sub} is a symbolic link back to {@code dir} or a folder above it (on the path as
     * walked, or where a link on that path leads): following it would list the same files forever.
     */
    private static boolean isLoop(Path dir, Path sub) throws IOException {
        if (!Files.isSymbolicLink(sub)) {
            return false;
        }
        Path target = sub.toRealPath();
        for (Path q = dir.toAbsolutePath(); q != null; q = q.getParent()) {
            if (target.equals(q.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    /** A folder of one file named on the command line, which is SQL whatever its name. */
    static Folder ofFile(Path file) {
        return new Folder(file.getParent(), List.of(file), List.of(), true);
    }

    List<Path> sqlFiles() {
        return named ? files : files.stream().filter(Folder::isSql).toList();
    }

    Optional<Path> file(String name) {
        return files.stream().filter(f -> f.getFileName().toString().equals(name)).findFirst();
    }

    static boolean isSql(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }

    /** The file name without a {@code .sql} extension, in any case. */
    static String stem(Path p) {
        String name = name(p);
        return isSql(p) ? name.substring(0, name.length() - 4) : name;
    }
}
