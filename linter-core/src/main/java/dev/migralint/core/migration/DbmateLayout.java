package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: {@code <version>_<name>.sql}, each file one migration with a {@code -- migrate:up} section
 * and an optional {@code -- migrate:down} section, applied in order of file names. Each section runs
 * in a transaction unless its marker says {@code transaction:false}; then dbmate sends the section as
 * one query ({@link TransactionMode#IMPLICIT_TRANSACTION} on PostgreSQL).
 */
final class DbmateLayout {
    static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\btransaction:false\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("^(\\d+)_?(.*)\\.sql$", Pattern.CASE_INSENSITIVE);

    private DbmateLayout() {
    }

    static boolean isDbmate(SourceFile file) {
        return ScriptText.containsIgnoreCase(file.text(), "migrate:up") && ScriptText.lines(file.text()).stream()
                .anyMatch(l -> MARKER.matcher(l.text()).matches() && l.text().toLowerCase(java.util.Locale.ROOT).contains("migrate:up"));
    }

    static FolderResult read(Folder folder, DiscoveryRun run) {
        List<Migration> migrations = new ArrayList<>();
        List<SourceFile> unchained = new ArrayList<>();
        // dbmate applies files in order of their names
        List<Path> files = folder.sqlFiles().stream()
                .sorted(java.util.Comparator.comparing(Folder::name)).toList();
        for (Path p : files) {
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            // a file without a version prefix still has sections; its name stands in for the version
            Matcher v = VERSION.matcher(Folder.name(p));
            String stem = Folder.stem(p);
            Migration m = v.matches() ? migration(file, v.group(1), v.group(2), run) : migration(file, stem, stem, run);
            if (m == null) {
                unchained.add(file);
            } else {
                migrations.add(m);
            }
        }
        return FolderResult.of(run.displayPath(folder.dir()), Layout.DBMATE, migrations, unchained);
    }

    private static Migration migration(SourceFile file, String version, String description, DiscoveryRun run) {
        List<ScriptText.Line> lines = ScriptText.lines(file.text());
        ScriptText.Line up = null;
        ScriptText.Line down = null;
        for (ScriptText.Line line : lines) {
            Matcher m = MARKER.matcher(line.text());
            if (m.matches()) {
                if (m.group(1).equalsIgnoreCase("up") && up == null) {
                    up = line;
                } else if (m.group(1).equalsIgnoreCase("down") && down == null) {
                    down = line;
                }
            }
        }
        if (up == null) {
            run.problem(file, null, "dbmate needs a '-- migrate:up' section; linted outside the chain");
            return null;
        }
        int n = file.text().length();
        int upEnd = down != null && down.start() > up.start() ? down.start() : n;
        MigrationScript upScript = new MigrationScript(file,
                ScriptText.keep(file.text(), List.of(new TextRange(up.start(), upEnd))), ScriptOptions.DEFAULT);
        MigrationScript downScript = null;
        if (down != null) {
            int downEnd = up.start() > down.start() ? up.start() : n;
            downScript = new MigrationScript(file,
                    ScriptText.keep(file.text(), List.of(new TextRange(down.start(), downEnd))), ScriptOptions.DEFAULT);
        }
        TransactionMode mode = NO_TRANSACTION.matcher(up.text()).find() ? TransactionMode.IMPLICIT_TRANSACTION
                : TransactionMode.IN_TRANSACTION;
        return new Migration(version, description, Layout.DBMATE, upScript, downScript, mode, false, true);
    }
}
