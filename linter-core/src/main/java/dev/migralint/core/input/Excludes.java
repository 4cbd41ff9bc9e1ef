package dev.migralint.core.input;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Files and folders a run leaves out, as glob patterns ({@code *} within a name, {@code **} across
 * folders, {@code ?}, {@code [abc]}, {@code {a,b}}). A relative pattern is matched against the path
 * relative to the base folder (the config file's), an absolute one against the absolute path; a pattern
 * without '/' matches a file or folder name at any depth, as in {@code .gitignore}. A pattern that
 * matches a folder leaves out everything below it.
 */
public final class Excludes implements Predicate<Path> {
    public static final Excludes NONE = new Excludes(null, List.of(), List.of());

    private final Path base;
    private final List<PathMatcher> byPath;
    private final List<PathMatcher> byName;

    private Excludes(Path base, List<PathMatcher> byPath, List<PathMatcher> byName) {
        this.base = base;
        this.byPath = byPath;
        this.byName = byName;
    }

    /** Throws {@link InputException} for a malformed pattern. */
    public static Excludes of(List<String> patterns, Path base) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        List<PathMatcher> byPath = new ArrayList<>();
        List<PathMatcher> byName = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip();
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.startsWith("./")) {
                p = p.substring(2);
            }
            try {
                if (!p.contains("/")) {
                    byName.add(matcher(p));
                } else {
                    byPath.add(matcher(p));
                    if (p.startsWith("**/")) {
                        byPath.add(matcher(p.substring(3)));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new InputException("bad exclude pattern '" + raw + "': " + e.getMessage());
            }
        }
        return new Excludes(base.toAbsolutePath().normalize(), List.copyOf(byPath), List.copyOf(byName));
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** Whether {@code file} (absolute) or a folder it lies in is excluded. */
    @Override
    public boolean test(Path file) {
        if (byPath.isEmpty() && byName.isEmpty()) {
            return false;
        }
        Path abs = file.toAbsolutePath().normalize();
        Path relative = abs.startsWith(base) ? base.relativize(abs) : null;
        for (Path p = abs; p != null && p.getFileName() != null; p = p.getParent()) {
            for (PathMatcher m : byName) {
                if (m.matches(p.getFileName())) {
                    return true;
                }
            }
            for (PathMatcher m : byPath) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        for (Path p = relative; p != null && !p.toString().isEmpty(); p = p.getParent()) {
            for (PathMatcher m : byPath) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
