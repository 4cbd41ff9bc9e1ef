package dev.migralint.core.migration;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code order} of a plain migrations entry: sub-paths or globs, relative to the entry's folder,
 * in replay order. A pattern matches a file when it matches the file's relative path or a folder that
 * holds it ({@code ddl} takes {@code ddl/person.sql}); a pattern without {@code /} also matches by
 * name alone at any depth ({@code *_ddl.sql}), as in {@code .gitignore}.
 */
final class ReplayOrder {
    private final List<PathMatcher> matchers = new ArrayList<>();
    private final List<Boolean> byName = new ArrayList<>();

    ReplayOrder(List<String> patterns) {
        for (String p : patterns) {
            String glob = p.strip().replace('\\', '/').replaceAll("^\\./", "").replaceAll("/+$", "");
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            byName.add(!glob.contains("/"));
        }
    }

    /** The index of the first pattern that matches {@code relative}, or the number of patterns for none. */
    int of(Path relative) {
        for (int i = 0; i < matchers.size(); i++) {
            for (Path p = relative; p != null; p = p.getParent()) {
                if (matchers.get(i).matches(p) || byName.get(i) && p.getFileName() != null
                        && matchers.get(i).matches(p.getFileName())) {
                    return i;
                }
            }
        }
        return matchers.size();
    }
}
