package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.NaturalOrder;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A folder no tool's naming fits: each file is a migration, in natural order of names
 * ({@code 2_x.sql} before {@code 10_x.sql}); when no name is numbered, a file that needs a table a
 * later file creates goes after that file ({@link DependencyOrder}). {@code <stem>.up.sql} and {@code <stem>.down.sql} are
 * paired as one migration and its down, whatever the stem looks like; a down without its up is
 * linted on its own. No tool wraps these files in a transaction (config {@code assume-in-transaction}
 * tells the engine otherwise).
 */
final class PlainLayout {
    private PlainLayout() {
    }

    private static final class Pair {
        SourceFile up;
        SourceFile down;
    }

    /** {@code files} are named by {@code keys} (the name, or a relative path for a merged tree). */
    static List<Migration> migrations(List<SourceFile> files, List<String> keys, List<SourceFile> unchained) {
        Map<String, Pair> byStem = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int i = 0; i < files.size(); i++) {
            String key = keys.get(i);
            String lower = key.toLowerCase(Locale.ROOT);
            boolean down = lower.endsWith(".down.sql");
            String stem = lower.endsWith(".up.sql") || down ? key.substring(0, key.length() - (down ? 9 : 7))
                    : lower.endsWith(".sql") ? key.substring(0, key.length() - 4) : key;
            Pair pair = byStem.computeIfAbsent(stem, s -> new Pair());
            if (down) {
                pair.down = files.get(i);
            } else if (pair.up == null) {
                pair.up = files.get(i);
            } else {
                // x.sql and x.up.sql: both run forward, in name order
                byStem.computeIfAbsent(key, s -> new Pair()).up = files.get(i);
            }
        }
        List<Migration> migrations = new ArrayList<>();
        byStem.forEach((stem, pair) -> {
            if (pair.up == null) {
                unchained.add(pair.down);
                return;
            }
            migrations.add(new Migration(stem, stem, Layout.PLAIN, MigrationScript.whole(pair.up),
                    pair.down == null ? null : MigrationScript.whole(pair.down), TransactionMode.NO_TRANSACTION,
                    false, false));
        });
        return FolderResult.expectDownsWhenAnyHasOne(migrations);
    }

    static FolderResult read(Folder folder, DiscoveryRun run, Dialect dialect) {
        List<SourceFile> files = run.readAll(folder.sqlFiles());
        List<String> keys = files.stream().map(f -> Folder.name(f.path())).toList();
        List<SourceFile> unchained = new ArrayList<>();
        return FolderResult.of(run.displayPath(folder.dir()), Layout.PLAIN,
                DependencyOrder.of(migrations(files, keys, unchained), dialect), unchained);
    }

    /**
     * Every SQL file under {@code root}, as one chain (config forces plain, or gives an order): files
     * that {@code order}'s patterns match first, in the order of the first pattern each matches, then
     * the rest; within each group in natural order of relative paths.
     */
    static FolderResult readTree(Path root, List<Path> sqlFiles, List<String> order, DiscoveryRun run, Dialect dialect) {
        List<SourceFile> files = run.readAll(sqlFiles);
        List<String> keys = files.stream().map(f -> root.relativize(f.path()).toString().replace('\\', '/')).toList();
        List<SourceFile> unchained = new ArrayList<>();
        List<Migration> migrations = migrations(files, keys, unchained);
        if (!order.isEmpty()) {
            ReplayOrder rank = new ReplayOrder(order);
            migrations = migrations.stream()
                    .sorted(Comparator.comparingInt(m -> rank.of(root.relativize(m.up().file().path()))))
                    .toList();
        } else {
            migrations = DependencyOrder.of(migrations, dialect);
        }
        return FolderResult.of(run.displayPath(root), Layout.PLAIN, migrations, unchained);
    }
}
