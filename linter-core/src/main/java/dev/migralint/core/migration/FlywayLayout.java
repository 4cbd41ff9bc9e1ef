package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<version>__<description>.sql} versioned migrations in version order, then
 * {@code R__<description>.sql} repeatables in description order; {@code U<version>__} is the undo of
 * that version. A location is scanned recursively, so subfolders holding only Flyway scripts join
 * the chain. {@code B<version>__} baseline scripts (run instead of the versions they cover on an
 * empty database) each form a chain of their own: replaying one is replaying a schema from scratch.
 * A {@code <script>.conf} beside a script with {@code executeInTransaction=false} runs it without a
 * transaction.
 */
final class FlywayLayout {
    static final Pattern VERSIONED = Pattern.compile("^([VUB])(\\d+(?:[._]\\d+)*)__(.*)\\.sql$");
    static final Pattern REPEATABLE = Pattern.compile("^R__(.*)\\.sql$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*false\\s*$");

    private FlywayLayout() {
    }

    static boolean matches(String fileName) {
        return VERSIONED.matcher(fileName).matches() || REPEATABLE.matcher(fileName).matches();
    }

    /** True when the folder has Flyway scripts and nothing else that is SQL, counting its subfolders. */
    static boolean isFlywayOnly(Path dir) {
        try {
            Folder f = Folder.list(dir);
            List<Path> sql = f.sqlFiles();
            boolean any = false;
            for (Path p : sql) {
                if (!matches(Folder.name(p))) {
                    return false;
                }
                any = true;
            }
            for (Path sub : f.subdirs()) {
                if (!isFlywayOnly(sub)) {
                    return false;
                }
                any = true;
            }
            return any;
        } catch (java.io.IOException e) {
            // not joined to the chain: visited on its own, where the listing error is reported
            return false;
        }
    }

    static FolderResult read(Folder folder, DiscoveryRun run) {
        List<Path> files = new ArrayList<>(folder.sqlFiles());
        Set<Path> consumed = new HashSet<>();
        collectSubfolders(folder, files, consumed, run);
        TreeMap<String, SourceFile> versioned = new TreeMap<>(VersionOrder.FLYWAY);
        TreeMap<String, SourceFile> undo = new TreeMap<>(VersionOrder.FLYWAY);
        List<SourceFile> repeatables = new ArrayList<>();
        List<SourceFile> baselines = new ArrayList<>();
        List<SourceFile> unchained = new ArrayList<>();
        for (Path p : files) {
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            String name = Folder.name(p);
            Matcher v = VERSIONED.matcher(name);
            if (v.matches()) {
                switch (v.group(1)) {
                    case "V" -> putUnique(versioned, v.group(2), file, run, unchained);
                    case "U" -> putUnique(undo, v.group(2), file, run, unchained);
                    default -> baselines.add(file);
                }
            } else if (REPEATABLE.matcher(name).matches()) {
                repeatables.add(file);
            } else {
                unchained.add(file);
            }
        }
        boolean anyUndo = !undo.isEmpty();
        List<Migration> migrations = new ArrayList<>();
        versioned.forEach((version, file) -> {
            Matcher m = VERSIONED.matcher(Folder.name(file.path()));
            String description = m.matches() ? m.group(3).replace('_', ' ') : "";
            SourceFile down = undo.remove(version);
            migrations.add(new Migration(version.replace('_', '.'), description, Layout.FLYWAY,
                    MigrationScript.whole(file), down == null ? null : MigrationScript.whole(down),
                    transactionMode(file, run), false, anyUndo));
        });
        unchained.addAll(undo.values());
        repeatables.sort(Comparator.comparing(FlywayLayout::repeatableDescription));
        for (SourceFile r : repeatables) {
            migrations.add(new Migration(null, repeatableDescription(r).replace('_', ' '), Layout.FLYWAY,
                    MigrationScript.whole(r), null, transactionMode(r, run), true, false));
        }
        String root = run.displayPath(folder.dir());
        List<MigrationChain> chains = new ArrayList<>();
        if (!migrations.isEmpty()) {
            chains.add(new MigrationChain(root, Layout.FLYWAY, migrations));
        }
        for (SourceFile b : baselines) {
            Matcher m = VERSIONED.matcher(Folder.name(b.path()));
            m.matches();
            chains.add(new MigrationChain(b.displayPath(), Layout.FLYWAY, List.of(new Migration(
                    m.group(2).replace('_', '.'), m.group(3).replace('_', ' '), Layout.FLYWAY,
                    MigrationScript.whole(b), null, transactionMode(b, run), false, false))));
        }
        return new FolderResult(chains, unchained, consumed);
    }

    private static void collectSubfolders(Folder folder, List<Path> files, Set<Path> consumed, DiscoveryRun run) {
        for (Path sub : folder.subdirs()) {
            if (isFlywayOnly(sub)) {
                consumed.add(sub);
                try {
                    Folder f = Folder.list(sub);
                    files.addAll(f.sqlFiles());
                    collectSubfolders(f, files, new HashSet<>(), run);
                } catch (java.io.IOException e) {
                    run.folderProblem(sub, e);
                }
            }
        }
    }

    private static void putUnique(TreeMap<String, SourceFile> byVersion, String version, SourceFile file,
                                  DiscoveryRun run, List<SourceFile> unchained) {
        SourceFile other = byVersion.putIfAbsent(version, file);
        if (other != null) {
            run.problem(file, null, "Flyway refuses two scripts with version " + version + ": this one and "
                    + other.displayPath() + "; this one is linted outside the chain");
            unchained.add(file);
        }
    }

    private static String repeatableDescription(SourceFile f) {
        Matcher m = REPEATABLE.matcher(Folder.name(f.path()));
        return m.matches() ? m.group(1) : Folder.name(f.path());
    }

    private static TransactionMode transactionMode(SourceFile file, DiscoveryRun run) {
        Path conf = file.path().resolveSibling(Folder.name(file.path()) + ".conf");
        if (Files.isRegularFile(conf)) {
            try {
                if (NO_TRANSACTION.matcher(Files.readString(conf)).find()) {
                    return TransactionMode.NO_TRANSACTION;
                }
            } catch (java.io.IOException e) {
                // Flyway would fail on it too; the script keeps Flyway's default and the reason is reported
                run.folderProblem(conf, e);
            }
        }
        return TransactionMode.FLYWAY_AUTO;
    }
}
