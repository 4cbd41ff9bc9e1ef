package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.input.InputException;
import dev.migralint.core.source.NaturalOrder;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the migration chains under the paths of a run. Each folder is examined on its own: its
 * layout is detected from its files ({@link LayoutDetector}) or forced by config, its migrations are
 * ordered and paired with their downs, and the subfolders its layout does not use are examined the
 * same way, so a project tree with PostgreSQL and MySQL folders gives one chain per folder. Sibling
 * version folders of plain scripts ({@code upgrade/3.0.0_schema/postgresql},
 * {@code versioned/v1.2}) form one chain per sub-path, in natural order of the version folders, since
 * each continues the one before. A file named on the command line is a chain of its own, read with
 * the layout its name or content shows.
 */
public final class MigrationDiscovery {
    private static final Pattern VERSION_DIR = Pattern.compile("(?i)^v?\\d+(?:[._-]\\d+)*(?:[._-]?[a-z][\\w-]*)?$");

    private final DiscoveryRun run;
    private final Map<Path, Layout> overrides;
    private final Set<Path> visited = new HashSet<>();
    /** Real paths of the folders listed: a symbolic link back up the tree would otherwise loop. */
    private final Set<Path> listedReal = new HashSet<>();
    private final Map<Path, SourceFile> unchained = new LinkedHashMap<>();

    /** A chain and the folder it was read from. */
    private record Found(Path root, MigrationChain chain) {
    }

    private MigrationDiscovery(DiscoveryRun run, Map<Path, Layout> overrides) {
        this.run = run;
        this.overrides = overrides;
    }

    /**
     * Discovers the chains under {@code paths} (files or folders, relative to {@code baseDir}).
     * {@code layoutOverrides} maps a folder or file, as written in config relative to {@code baseDir},
     * to the layout to read it with. Throws {@link InputException} when a path does not exist.
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, Map<String, Layout> layoutOverrides) {
        return discover(paths, baseDir, dialect, layoutOverrides, Map.of());
    }

    /**
     * As {@link #discover(List, Path, Dialect, Map)}, with the files in {@code texts} (absolute,
     * normalized paths) read from memory instead of disk: what a file would look like after an edit.
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, Map<String, Layout> layoutOverrides,
            Map<Path, String> texts) {
        return discover(paths, baseDir, dialect, layoutOverrides, texts, StandardCharsets.UTF_8, p -> false);
    }

    /**
     * As {@link #discover(List, Path, Dialect, Map, Map)}, reading files in {@code encoding} and leaving
     * out those {@code excluded} accepts (an absolute path; a file in memory is never excluded).
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, Map<String, Layout> layoutOverrides,
            Map<Path, String> texts, Charset encoding, Predicate<Path> excluded) {
        Path base = baseDir.toAbsolutePath().normalize();
        Map<Path, Layout> overrides = new HashMap<>();
        layoutOverrides.forEach((p, l) -> overrides.put(base.resolve(p).toAbsolutePath().normalize(), l));
        MigrationDiscovery d = new MigrationDiscovery(new DiscoveryRun(base, dialect, texts, encoding,
                p -> !texts.containsKey(p) && excluded.test(p)), overrides);
        List<MigrationChain> chains = new ArrayList<>();
        for (Path p : paths) {
            Path abs = base.resolve(p).toAbsolutePath().normalize();
            if (!Files.exists(abs) && !texts.containsKey(abs)) {
                throw new InputException("path not found: " + p);
            }
            List<Found> found = Files.isDirectory(abs) ? d.visitDir(abs) : d.visitFile(abs);
            found.forEach(f -> chains.add(f.chain()));
        }
        Set<Path> chained = new HashSet<>();
        for (MigrationChain c : chains) {
            for (Migration m : c.migrations()) {
                chained.add(m.up().file().path());
                if (m.down() != null) {
                    chained.add(m.down().file().path());
                }
            }
        }
        List<SourceFile> loose = d.unchained.values().stream().filter(f -> !chained.contains(f.path())).toList();
        return new Discovery(chains, loose, d.run.problems);
    }

    private List<Found> visitFile(Path file) {
        if (!visited.add(file)) {
            return List.of();
        }
        Folder folder = Folder.ofFile(file);
        Layout layout = overrides.getOrDefault(file, overrides.get(file.getParent()));
        if (layout == null) {
            layout = LayoutDetector.detect(folder, run);
        }
        if (layout == null) {
            return List.of();
        }
        FolderResult r = read(folder, layout);
        r.unchained().forEach(this::addUnchained);
        String display = run.displayPath(file);
        List<Found> found = new ArrayList<>();
        for (MigrationChain c : r.chains()) {
            found.add(new Found(file, new MigrationChain(display, c.layout(), c.migrations())));
        }
        return found;
    }

    private List<Found> visitDir(Path dir) {
        if (!visited.add(dir) || !firstListing(dir)) {
            return List.of();
        }
        Folder folder;
        try {
            folder = Folder.list(dir);
        } catch (IOException e) {
            run.folderProblem(dir, e);
            return List.of();
        }
        Layout forced = overrides.get(dir);
        if (forced == Layout.PLAIN) {
            List<Path> files = new ArrayList<>();
            collectTree(folder, files);
            FolderResult r = PlainLayout.readTree(dir, files, run);
            r.unchained().forEach(this::addUnchained);
            return r.chains().stream().map(c -> new Found(dir, c)).toList();
        }
        Layout layout = forced != null ? forced : LayoutDetector.detect(folder, run);
        List<Found> found = new ArrayList<>();
        Set<Path> consumed = Set.of();
        if (layout != null) {
            FolderResult r = read(folder, layout);
            r.chains().forEach(c -> found.add(new Found(dir, c)));
            r.unchained().forEach(this::addUnchained);
            consumed = r.consumedSubdirs();
        }
        Map<Path, List<Found>> children = new LinkedHashMap<>();
        for (Path sub : folder.subdirs()) {
            if (!consumed.contains(sub)) {
                children.put(sub, visitDir(sub));
            }
        }
        if (found.isEmpty() && folder.sqlFiles().isEmpty()) {
            found.addAll(mergeVersionFolders(dir, children));
        } else {
            children.values().forEach(found::addAll);
        }
        return found;
    }

    /**
     * Plain chains in two or more sibling version folders become one chain per path below the
     * version folder ({@code 3.0.0_schema/postgresql} and {@code 3.1.0_schema/postgresql} join).
     */
    private List<Found> mergeVersionFolders(Path dir, Map<Path, List<Found>> children) {
        List<Path> versionDirs = children.keySet().stream()
                .filter(c -> VERSION_DIR.matcher(Folder.name(c)).matches() && !children.get(c).isEmpty()).toList();
        boolean allPlain = versionDirs.stream().flatMap(c -> children.get(c).stream())
                .allMatch(f -> f.chain().layout() == Layout.PLAIN);
        List<Found> out = new ArrayList<>();
        if (versionDirs.size() < 2 || !allPlain) {
            children.values().forEach(out::addAll);
            return out;
        }
        Map<String, List<Found>> byKey = new LinkedHashMap<>();
        for (Path v : versionDirs) {
            for (Found f : children.get(v)) {
                String key = v.relativize(f.root()).toString().replace('\\', '/');
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<Path, List<Found>> e : children.entrySet()) {
            if (!versionDirs.contains(e.getKey())) {
                out.addAll(e.getValue());
            }
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(NaturalOrder.INSTANCE);
        for (String key : keys) {
            List<Found> group = byKey.get(key);
            if (group.size() < 2) {
                out.addAll(group);
                continue;
            }
            List<Migration> migrations = new ArrayList<>();
            group.forEach(f -> migrations.addAll(f.chain().migrations()));
            String display = run.displayPath(dir) + "/*" + (key.isEmpty() ? "" : "/" + key);
            out.add(new Found(dir, new MigrationChain(display, Layout.PLAIN,
                    FolderResult.expectDownsWhenAnyHasOne(migrations))));
        }
        return out;
    }

    /** Whether no folder with the same real path was listed before (symbolic links resolved). */
    private boolean firstListing(Path dir) {
        try {
            return listedReal.add(dir.toRealPath());
        } catch (IOException e) {
            // Listing it will fail and report why.
            return true;
        }
    }

    private void collectTree(Folder folder, List<Path> files) {
        files.addAll(folder.sqlFiles());
        for (Path sub : folder.subdirs()) {
            visited.add(sub);
            if (!firstListing(sub)) {
                continue;
            }
            try {
                collectTree(Folder.list(sub), files);
            } catch (IOException e) {
                run.folderProblem(sub, e);
            }
        }
    }

    private FolderResult read(Folder folder, Layout layout) {
        return switch (layout) {
            case FLYWAY -> FlywayLayout.read(folder, run);
            case GOLANG_MIGRATE, SQLX -> UpDownFilesLayout.read(folder, layout, run);
            case POP -> PopLayout.read(folder, run);
            case DIESEL, PRISMA -> DirectoryPerMigrationLayout.read(folder, layout, run);
            case DBMATE -> DbmateLayout.read(folder, run);
            case GOOSE -> GooseLayout.read(folder, run);
            case LIQUIBASE -> LiquibaseLayout.read(folder, run);
            case SQITCH -> folder.file(SqitchLayout.PLAN)
                    .map(plan -> SqitchLayout.read(folder, plan, run))
                    .orElseGet(() -> new FolderResult(List.of(), run.readAll(folder.sqlFiles()), Set.of()));
            case PLAIN -> PlainLayout.read(folder, run);
        };
    }

    private void addUnchained(SourceFile f) {
        unchained.putIfAbsent(f.path(), f);
    }

}
