package dev.migralint.cli;

import dev.migralint.core.source.NaturalOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Paths as given on the command line, with glob patterns expanded where the shell did not (quoted, or
 * on Windows): {@code 'db/**}{@code /*.sql'}. A pattern is only a pattern when no file has its name;
 * it must match something. Matches are ordered naturally, and a match inside another one is dropped,
 * since a folder already brings its files.
 */
final class PathArguments {
    private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

    private PathArguments() {
    }

    static List<Path> expand(List<Path> given, Path workingDir) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            String s = p.toString();
            if (!GLOB_CHARS.matcher(s).find() || Files.exists(workingDir.resolve(p))) {
                out.add(p);
            } else {
                out.addAll(matches(s, workingDir));
            }
        }
        return out;
    }

    private static List<Path> matches(String pattern, Path workingDir) {
        String[] segments = pattern.replace('\\', '/').split("/", -1);
        int fixed = 0;
        while (fixed < segments.length - 1 && !GLOB_CHARS.matcher(segments[fixed]).find()) {
            fixed++;
        }
        String prefix = String.join("/", List.of(segments).subList(0, fixed));
        String rest = String.join("/", List.of(segments).subList(fixed, segments.length));
        Path root = workingDir.resolve(prefix.isEmpty() && pattern.startsWith("/") ? "/" : prefix).normalize();
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad path pattern '" + pattern + "': " + e.getMessage());
        }
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> !f.equals(root) && matcher.matches(root.relativize(f))).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                throw new UsageException("cannot expand '" + pattern + "': " + e.getMessage());
            }
        }
        if (found.isEmpty()) {
            throw new UsageException("no file or folder matches '" + pattern + "'");
        }
        found.sort(Comparator.comparing(f -> root.relativize(f).toString(), NaturalOrder.INSTANCE));
        List<Path> outermost = new ArrayList<>();
        for (Path f : found) {
            if (outermost.stream().noneMatch(f::startsWith)) {
                outermost.add(f);
            }
        }
        return outermost;
    }
}
