package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate and sqlx: {@code <version>_<name>.up.sql} with its {@code .down.sql}, ordered by the
 * version as a number ({@code 2_x} before {@code 10_x}); sqlx also takes {@code <version>_<name>.sql}
 * as an up-only migration.
 *
 * <p>golang-migrate's PostgreSQL driver sends a whole file as one query and wraps nothing in a
 * transaction, so PostgreSQL runs a file of several statements as one implicit transaction
 * ({@link TransactionMode#IMPLICIT_TRANSACTION}). sqlx runs each migration in a transaction unless the
 * file starts with {@code -- no-transaction}; then it too sends the file as one query.
 */
final class UpDownFilesLayout {
    static final Pattern UP_DOWN = Pattern.compile("^(\\d+)_(.*)\\.(up|down)\\.sql$", Pattern.CASE_INSENSITIVE);
    static final Pattern SIMPLE = Pattern.compile("^(\\d+)_(.*)\\.sql$", Pattern.CASE_INSENSITIVE);
    private static final String SQLX_NO_TRANSACTION = "-- no-transaction";

    private UpDownFilesLayout() {
    }

    private static final class Pair {
        SourceFile up;
        SourceFile down;
        String name;
    }

    static FolderResult read(Folder folder, Layout layout, DiscoveryRun run) {
        Map<String, Pair> byVersion = new TreeMap<>(VersionOrder.NUMERIC);
        List<SourceFile> unchained = new ArrayList<>();
        for (Path p : folder.sqlFiles()) {
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            String name = Folder.name(p);
            Matcher m = UP_DOWN.matcher(name);
            Matcher simple = SIMPLE.matcher(name);
            boolean down;
            String version;
            String description;
            if (m.matches()) {
                version = m.group(1);
                description = m.group(2);
                down = m.group(3).equalsIgnoreCase("down");
            } else if (layout == Layout.SQLX && simple.matches()) {
                version = simple.group(1);
                description = simple.group(2);
                down = false;
            } else {
                unchained.add(file);
                continue;
            }
            Pair pair = byVersion.computeIfAbsent(version, v -> new Pair());
            SourceFile existing = down ? pair.down : pair.up;
            if (existing != null) {
                run.problem(file, null, layout.id() + " refuses two " + (down ? "down" : "up")
                        + " scripts with version " + version + ": this one and " + existing.displayPath()
                        + "; this one is linted outside the chain");
                unchained.add(file);
            } else if (down) {
                pair.down = file;
            } else {
                pair.up = file;
                pair.name = description;
            }
        }
        List<Migration> migrations = new ArrayList<>();
        byVersion.forEach((version, pair) -> {
            if (pair.up == null) {
                // a down with no up is never a forward step
                unchained.add(pair.down);
                return;
            }
            migrations.add(new Migration(version, pair.name, layout, MigrationScript.whole(pair.up),
                    pair.down == null ? null : MigrationScript.whole(pair.down), transactionMode(layout, pair.up),
                    false, false));
        });
        return FolderResult.of(run.displayPath(folder.dir()), layout,
                FolderResult.expectDownsWhenAnyHasOne(migrations), unchained);
    }

    private static TransactionMode transactionMode(Layout layout, SourceFile up) {
        if (layout == Layout.SQLX) {
            return up.text().startsWith(SQLX_NO_TRANSACTION) ? TransactionMode.IMPLICIT_TRANSACTION
                    : TransactionMode.IN_TRANSACTION;
        }
        return TransactionMode.IMPLICIT_TRANSACTION;
    }
}
