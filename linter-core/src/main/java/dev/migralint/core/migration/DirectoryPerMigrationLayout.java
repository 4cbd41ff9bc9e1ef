package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layouts with one folder per migration, ordered by folder name as a string.
 *
 * <p>Diesel: {@code <version>_<name>/up.sql} and {@code down.sql}; the version is the part before the
 * first underscore without its dashes ({@code 2019-03-22-170700} is {@code 20190322170700}). Each
 * migration runs in a transaction unless {@code metadata.toml} says {@code run_in_transaction = false};
 * then Diesel sends the script as one batch ({@link TransactionMode#IMPLICIT_TRANSACTION}).
 *
 * <p>Prisma Migrate: {@code <version>_<name>/migration.sql}. Prisma wraps nothing in a transaction
 * and sends the script as one query ({@link TransactionMode#IMPLICIT_TRANSACTION} on PostgreSQL). A
 * {@code down.sql} beside it, as Prisma's docs suggest writing with {@code migrate diff}, is its down.
 */
final class DirectoryPerMigrationLayout {
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*$");

    private DirectoryPerMigrationLayout() {
    }

    static String upScriptName(Layout layout) {
        return layout == Layout.PRISMA ? "migration.sql" : "up.sql";
    }

    static List<Path> migrationDirs(Folder folder, Layout layout) {
        return folder.subdirs().stream().filter(d -> Files.isRegularFile(d.resolve(upScriptName(layout)))).toList();
    }

    static FolderResult read(Folder folder, Layout layout, DiscoveryRun run) {
        Set<Path> consumed = new HashSet<>();
        List<Migration> migrations = new ArrayList<>();
        List<SourceFile> unchained = new ArrayList<>(run.readAll(folder.sqlFiles()));
        List<Path> dirs = new ArrayList<>(migrationDirs(folder, layout));
        // Diesel orders by version, Prisma by folder name
        dirs.sort(layout == Layout.DIESEL
                ? Comparator.comparing((Path d) -> version(Folder.name(d), layout)).thenComparing(Folder::name)
                : Comparator.comparing(Folder::name));
        for (Path dir : dirs) {
            consumed.add(dir);
            String name = Folder.name(dir);
            SourceFile up = run.read(dir.resolve(upScriptName(layout)));
            Path downPath = dir.resolve("down.sql");
            SourceFile down = Files.isRegularFile(downPath) ? run.read(downPath) : null;
            try {
                for (Path other : Folder.list(dir).sqlFiles()) {
                    String n = Folder.name(other);
                    if (!n.equals(upScriptName(layout)) && !n.equals("down.sql") && run.read(other) != null) {
                        unchained.add(run.read(other));
                    }
                }
            } catch (java.io.IOException e) {
                run.folderProblem(dir, e);
            }
            if (up == null) {
                continue;
            }
            int underscore = name.indexOf('_');
            String description = underscore < 0 ? "" : name.substring(underscore + 1);
            migrations.add(new Migration(version(name, layout), description, layout, MigrationScript.whole(up),
                    down == null ? null : MigrationScript.whole(down), transactionMode(dir, layout, run),
                    false, layout == Layout.DIESEL));
        }
        if (layout == Layout.PRISMA) {
            migrations = FolderResult.expectDownsWhenAnyHasOne(migrations);
        }
        return FolderResult.of(run.displayPath(folder.dir()), layout, migrations, unchained, consumed);
    }

    private static String version(String dirName, Layout layout) {
        int underscore = dirName.indexOf('_');
        String v = underscore < 0 ? dirName : dirName.substring(0, underscore);
        return layout == Layout.DIESEL ? v.replace("-", "") : v;
    }

    private static TransactionMode transactionMode(Path dir, Layout layout, DiscoveryRun run) {
        if (layout == Layout.PRISMA) {
            return TransactionMode.IMPLICIT_TRANSACTION;
        }
        Path metadata = dir.resolve("metadata.toml");
        if (Files.isRegularFile(metadata)) {
            SourceFile m = run.read(metadata);
            if (m != null && NO_TRANSACTION.matcher(m.text()).find()) {
                return TransactionMode.IMPLICIT_TRANSACTION;
            }
        }
        return TransactionMode.IN_TRANSACTION;
    }
}
