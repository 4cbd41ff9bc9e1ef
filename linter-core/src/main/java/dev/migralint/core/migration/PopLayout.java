package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gobuffalo/pop (and Ory's popx): {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}.
 * A file without a dialect is for every database; for the run's dialect pop takes that dialect's
 * variant of a migration, else the dialect-less one, and skips variants for other databases
 * (cockroach, sqlite3, ...). Versions are ordered as strings, as pop sorts them. Each migration runs
 * in a transaction; popx runs an {@code .autocommit.} file outside one.
 */
final class PopLayout {
    static final Pattern NAME = Pattern.compile(
            "^(\\d+)_([^.]+)(?:\\.([a-z0-9]+))?(?:\\.(autocommit))?\\.(up|down)\\.sql$");
    static final Set<String> DIALECTS = Set.of("postgres", "mysql", "mariadb", "cockroach", "sqlite3", "sqlite");

    private PopLayout() {
    }

    /** A name with a dialect or autocommit part, which only pop uses. */
    static boolean hasPopInfix(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() && (m.group(4) != null || (m.group(3) != null && (DIALECTS.contains(m.group(3))
                || m.group(3).equals("autocommit"))));
    }

    /**
     * The one database the dialect parts of pop file names among {@code files} name, or null when they
     * name none or both PostgreSQL and MySQL (pop then runs the run's dialect's variants).
     */
    static Dialect dialectOfParts(List<SourceFile> files) {
        boolean pg = false;
        boolean mysql = false;
        for (SourceFile f : files) {
            Matcher m = NAME.matcher(Folder.name(f.path()));
            if (m.matches() && m.group(3) != null) {
                pg |= m.group(3).equals("postgres");
                mysql |= m.group(3).equals("mysql") || m.group(3).equals("mariadb");
            }
        }
        return pg == mysql ? null : pg ? Dialect.POSTGRESQL : Dialect.MYSQL;
    }

    /** Whether a pop file name among {@code files} has a dialect part for PostgreSQL or MySQL. */
    static boolean hasDialectParts(List<SourceFile> files) {
        return files.stream().map(f -> NAME.matcher(Folder.name(f.path())))
                .anyMatch(m -> m.matches() && m.group(3) != null && DIALECTS.contains(m.group(3))
                        && !m.group(3).startsWith("sqlite") && !m.group(3).equals("cockroach"));
    }

    private record Variant(SourceFile file, int rank, boolean autocommit) {
    }

    private static final class Pair {
        Variant up;
        Variant down;
        String name;
    }

    static FolderResult read(Folder folder, DiscoveryRun run, Dialect dialect) {
        Map<String, Pair> byVersion = new TreeMap<>();
        List<SourceFile> unchained = new ArrayList<>();
        for (Path p : folder.sqlFiles()) {
            Matcher m = NAME.matcher(Folder.name(p));
            if (!m.matches()) {
                SourceFile file = run.read(p);
                if (file != null) {
                    unchained.add(file);
                }
                continue;
            }
            String fileDialect = m.group(3);
            boolean autocommit = m.group(4) != null;
            if ("autocommit".equals(fileDialect)) {
                fileDialect = null;
                autocommit = true;
            }
            int rank = rank(fileDialect, dialect);
            if (rank < 0) {
                continue;
            }
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            Pair pair = byVersion.computeIfAbsent(m.group(1), v -> new Pair());
            Variant v = new Variant(file, rank, autocommit);
            if (m.group(5).equals("down")) {
                pair.down = better(pair.down, v, unchained);
            } else {
                pair.up = better(pair.up, v, unchained);
                pair.name = m.group(2);
            }
        }
        List<Migration> migrations = new ArrayList<>();
        byVersion.forEach((version, pair) -> {
            if (pair.up == null) {
                unchained.add(pair.down.file());
                return;
            }
            migrations.add(new Migration(version, pair.name, Layout.POP, MigrationScript.whole(pair.up.file()),
                    pair.down == null ? null : MigrationScript.whole(pair.down.file()),
                    pair.up.autocommit() ? TransactionMode.NO_TRANSACTION : TransactionMode.IN_TRANSACTION,
                    false, false));
        });
        return FolderResult.of(run.displayPath(folder.dir()), Layout.POP,
                FolderResult.expectDownsWhenAnyHasOne(migrations), unchained);
    }

    /** 1 for the run's own dialect, 0 for a file for every dialect, -1 for another database's file. */
    private static int rank(String fileDialect, Dialect dialect) {
        if (fileDialect == null) {
            return 0;
        }
        String d = fileDialect.toLowerCase(Locale.ROOT);
        boolean own = switch (dialect) {
            case POSTGRESQL -> d.equals("postgres");
            case MYSQL -> d.equals("mysql") || d.equals("mariadb");
            case GENERIC -> false;
        };
        return own ? 1 : -1;
    }

    private static Variant better(Variant current, Variant candidate, List<SourceFile> unchained) {
        if (current == null) {
            return candidate;
        }
        if (candidate.rank() > current.rank()) {
            return candidate;
        }
        if (candidate.rank() == current.rank()) {
            // two files for the same version and dialect: pop would run both; lint the second alone
            unchained.add(candidate.file());
        }
        return current;
    }
}
