package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.input.InputException;
import dev.migralint.core.source.NaturalOrder;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import dev.migralint.core.input.ReadOptions;
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
 * each continues the one before, unless they re-create the same tables ({@code ddl/5.3} and
 * {@code ddl/5.4}, a whole schema each). A file named on the command line is a chain of its own, read with
 * the layout its name or content shows.
 */
public final class MigrationDiscovery {
    private static final Pattern VERSION_DIR = Pattern.compile("(?i)^v?\\d+(?:[._-]\\d+)*(?:[._-]?[a-z][\\w-]*)?$");

    private final DiscoveryRun run;
    private final Map<Path, Layout> overrides;
    private final Map<Path, List<String>> orders;
    private final Set<Path> visited = new HashSet<>();
    /** Real paths of the folders listed: a symbolic link back up the tree would otherwise loop. */
    private final Set<Path> listedReal = new HashSet<>();
    private final Map<Path, SourceFile> unchained = new LinkedHashMap<>();
    private final Map<Path, Dialect> unchainedDialects = new HashMap<>();

    /** A chain and the folder it was read from. */
    private record Found(Path root, MigrationChain chain) {
    }

    private MigrationDiscovery(DiscoveryRun run, Map<Path, Layout> overrides, Map<Path, List<String>> orders) {
        this.run = run;
        this.overrides = overrides;
        this.orders = orders;
    }

    /**
     * Discovers the chains under {@code paths} (files or folders, relative to {@code baseDir}), every
     * one in {@code dialect}. {@code layoutOverrides} maps a folder or file, as written in config
     * relative to {@code baseDir}, to the layout to read it with. Throws {@link InputException} when a
     * path does not exist.
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, Map<String, Layout> layoutOverrides) {
        Map<String, FolderSettings> settings = new HashMap<>();
        layoutOverrides.forEach((p, l) -> settings.put(p, new FolderSettings(l, null, List.of())));
        return discover(paths, baseDir, dialect, false, settings, Map.of());
    }

    /**
     * As {@link #discover(List, Path, Dialect, Map)}, with what config says per folder ({@code settings},
     * by path as written), each folder's and file's dialect detected when {@code detectDialect} (else
     * {@code dialect} everywhere config sets none), and the files in {@code texts} (absolute,
     * normalized paths) read from memory instead of disk: what a file would look like after an edit.
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, boolean detectDialect,
            Map<String, FolderSettings> settings, Map<Path, String> texts) {
        return discover(paths, baseDir, dialect, detectDialect, settings, texts, ReadOptions.DEFAULT, p -> false);
    }

    /**
     * As {@link #discover(List, Path, Dialect, boolean, Map, Map)}, reading files as {@code reading} says
     * and leaving out those {@code excluded} accepts (an absolute path; a file in memory is never
     * excluded).
     */
    public static Discovery discover(List<Path> paths, Path baseDir, Dialect dialect, boolean detectDialect,
            Map<String, FolderSettings> settings, Map<Path, String> texts, ReadOptions reading, Predicate<Path> excluded) {
        Path base = baseDir.toAbsolutePath().normalize();
        Map<Path, Layout> overrides = new HashMap<>();
        Map<Path, Dialect> dialects = new HashMap<>();
        Map<Path, List<String>> orders = new HashMap<>();
        settings.forEach((p, s) -> {
            Path abs = base.resolve(p).toAbsolutePath().normalize();
            if (s.layout() != null) {
                overrides.put(abs, s.layout());
            }
            if (s.dialect() != null) {
                dialects.put(abs, s.dialect());
            }
            if (!s.order().isEmpty()) {
                orders.put(abs, s.order());
            }
        });
        MigrationDiscovery d = new MigrationDiscovery(new DiscoveryRun(base, dialect, detectDialect, dialects, texts,
                reading, p -> !texts.containsKey(p) && excluded.test(p)), overrides, orders);
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
        return new Discovery(chains, loose, d.run.problems, d.unchainedDialects);
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
        SourceFile source = run.read(file);
        Dialect dialect = source == null ? run.dialect : run.fileDialect(source, run.dialect);
        FolderResult r = read(folder, layout, dialect);
        r.unchained().forEach(f -> addUnchained(f, dialect));
        String display = run.displayPath(file);
        List<Found> found = new ArrayList<>();
        for (MigrationChain c : r.chains()) {
            found.add(new Found(file, new MigrationChain(display, c.layout(), c.migrations(), dialect)));
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
        List<String> order = orders.getOrDefault(dir, List.of());
        if (forced == Layout.PLAIN || !order.isEmpty()) {
            List<Path> files = new ArrayList<>();
            collectTree(folder, files);
            Dialect dialect = run.folderDialect(dir, run.readAll(files));
            FolderResult r = PlainLayout.readTree(dir, files, order, run, dialect);
            r.unchained().forEach(f -> addUnchained(f, dialect));
            return r.chains().stream().map(c -> new Found(dir, c.withDialect(dialect))).toList();
        }
        Layout layout = forced != null ? forced : LayoutDetector.detect(folder, run);
        List<Found> found = new ArrayList<>();
        Set<Path> consumed = Set.of();
        if (layout != null) {
            Dialect dialect = run.folderDialect(dir, run.readAll(folder.sqlFiles()));
            FolderResult r = read(folder, layout, dialect);
            for (MigrationChain c : r.chains()) {
                for (MigrationChain part : layout == Layout.PLAIN ? byFileDialect(dir, c, dialect)
                        : List.of(c.withDialect(dialect))) {
                    found.add(new Found(dir, part));
                }
            }
            r.unchained().forEach(f -> addUnchained(f, dialect));
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
            if (group.size() < 2 || wholeSchemas(group)) {
                out.addAll(group);
                continue;
            }
            List<Migration> migrations = new ArrayList<>();
            group.forEach(f -> migrations.addAll(f.chain().migrations()));
            String display = run.displayPath(dir) + "/*" + (key.isEmpty() ? "" : "/" + key);
            out.add(new Found(dir, new MigrationChain(display, Layout.PLAIN,
                    FolderResult.expectDownsWhenAnyHasOne(migrations), group.get(0).chain().dialect())));
        }
        return out;
    }

    /**
     * Whether a version folder creates again most of the tables an earlier one creates: each holds the
     * whole schema of its version (OHDSI's {@code ddl/5.3} and {@code ddl/5.4}), so replaying one after
     * the other would apply 5.4's constraints to 5.3's tables. Upgrade folders create only what their
     * version adds.
     */
    private static boolean wholeSchemas(List<Found> group) {
        List<Set<String>> created = group.stream().map(f -> CreatedTables.createdBy(f.chain())).toList();
        for (int later = 1; later < created.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (CreatedTables.recreates(created.get(earlier), created.get(later))) {
                    return true;
                }
            }
        }
        return false;
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

    /**
     * A plain folder's files whose names show different dialects ({@code schema_mysql.sql} beside
     * {@code schema_postgresql.sql}) are separate databases: one chain per dialect, in the folder's
     * order. Files whose names show none go with the folder's dialect. Not when config or the folder's
     * own path gives its dialect: {@code postgres/V21.mysql_fix.sql} is a PostgreSQL migration.
     */
    private List<MigrationChain> byFileDialect(Path dir, MigrationChain chain, Dialect folderDialect) {
        boolean split = run.filesMayDiffer(dir);
        Map<Dialect, List<Migration>> groups = new LinkedHashMap<>();
        for (Migration m : chain.migrations()) {
            Dialect d = split ? DialectDetector.fromName(Folder.name(m.up().file().path())) : null;
            groups.computeIfAbsent(d == null ? folderDialect : d, k -> new ArrayList<>()).add(m);
        }
        List<MigrationChain> out = new ArrayList<>();
        groups.forEach((d, migrations) -> out.add(new MigrationChain(chain.displayRoot(), chain.layout(),
                groups.size() == 1 ? migrations : FolderResult.expectDownsWhenAnyHasOne(migrations), d)));
        return out;
    }

    private FolderResult read(Folder folder, Layout layout, Dialect dialect) {
        return switch (layout) {
            case FLYWAY -> FlywayLayout.read(folder, run);
            case GOLANG_MIGRATE, SQLX -> UpDownFilesLayout.read(folder, layout, run);
            case POP -> PopLayout.read(folder, run, dialect);
            case DIESEL, PRISMA -> DirectoryPerMigrationLayout.read(folder, layout, run);
            case DBMATE -> DbmateLayout.read(folder, run);
            case GOOSE -> GooseLayout.read(folder, run);
            case LIQUIBASE -> LiquibaseLayout.read(folder, run, dialect);
            case SQITCH -> folder.file(SqitchLayout.PLAN)
                    .map(plan -> SqitchLayout.read(folder, plan, run))
                    .orElseGet(() -> new FolderResult(List.of(), run.readAll(folder.sqlFiles()), Set.of()));
            case PLAIN -> PlainLayout.read(folder, run, dialect);
        };
    }

    private void addUnchained(SourceFile f, Dialect folderDialect) {
        if (unchained.putIfAbsent(f.path(), f) == null && (run.detect || folderDialect != run.dialect)) {
            unchainedDialects.put(f.path(), run.fileDialect(f, folderDialect));
        }
    }

}
