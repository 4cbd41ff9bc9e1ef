package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides a folder's layout from what is in it. Layouts with their own files come first (a
 * {@code sqitch.plan}; subfolders holding {@code migration.sql} for Prisma or {@code up.sql} for
 * Diesel). Otherwise the folder's SQL files vote: Liquibase, goose and dbmate by their content,
 * Flyway and the {@code <version>_<name>.up.sql} family by their names; the layout with most files
 * wins if it covers at least two thirds of them, else the folder is {@link Layout#PLAIN}. Within the
 * up/down family, a dialect or autocommit part in a name, Go template markers ({@code {{ }}}, which
 * pop renders) or a Go module using pop mean pop; up-only {@code <version>_<name>.sql} files beside
 * up/down ones, sqlx-cli's placeholder comments or a Rust crate mean sqlx; anything else is
 * golang-migrate.
 */
final class LayoutDetector {
    private static final String SQLX_STUB = "migration script here";

    private LayoutDetector() {
    }

    /** The layout of {@code folder}, or null when it holds no migrations of its own. */
    static Layout detect(Folder folder, DiscoveryRun run) {
        if (folder.file(SqitchLayout.PLAN).isPresent()) {
            return Layout.SQITCH;
        }
        int prisma = DirectoryPerMigrationLayout.migrationDirs(folder, Layout.PRISMA).size();
        int diesel = DirectoryPerMigrationLayout.migrationDirs(folder, Layout.DIESEL).size();
        if (prisma > 0 && (prisma >= diesel || folder.file("migration_lock.toml").isPresent())) {
            return Layout.PRISMA;
        }
        if (diesel > 0) {
            return Layout.DIESEL;
        }
        List<SourceFile> sql = run.readAll(folder.sqlFiles());
        if (sql.isEmpty()) {
            return null;
        }
        Map<Layout, Integer> votes = new java.util.EnumMap<>(Layout.class);
        votes.put(Layout.LIQUIBASE, count(sql, LiquibaseLayout::isFormattedSql));
        votes.put(Layout.GOOSE, count(sql, f -> !LiquibaseLayout.isFormattedSql(f) && GooseLayout.isGoose(f)));
        votes.put(Layout.DBMATE, count(sql, f -> !LiquibaseLayout.isFormattedSql(f) && !GooseLayout.isGoose(f)
                && DbmateLayout.isDbmate(f)));
        votes.put(Layout.FLYWAY, count(sql, f -> FlywayLayout.matches(name(f))));
        int upDown = count(sql, f -> UpDownFilesLayout.UP_DOWN.matcher(name(f)).matches());
        int simple = count(sql, f -> isSimpleNumbered(f));
        votes.put(Layout.GOLANG_MIGRATE, upDown > 0 ? upDown + simple : 0);
        Layout best = null;
        int bestVotes = 0;
        for (Map.Entry<Layout, Integer> e : votes.entrySet()) {
            // EnumMap iterates in declaration order, so ties go to the earlier layout
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        if (best != null && bestVotes * 3 >= sql.size() * 2) {
            return best == Layout.GOLANG_MIGRATE ? upDownFlavour(folder, sql, simple, run) : best;
        }
        if (upDown == 0 && simple * 3 >= sql.size() * 2 && isSqlx(folder, sql, run)) {
            return Layout.SQLX;
        }
        return Layout.PLAIN;
    }

    private static Layout upDownFlavour(Folder folder, List<SourceFile> sql, int simple, DiscoveryRun run) {
        if (sql.stream().anyMatch(f -> PopLayout.hasPopInfix(name(f)))) {
            return Layout.POP;
        }
        if (simple > 0 || isSqlx(folder, sql, run)) {
            return Layout.SQLX;
        }
        ProjectMarkers markers = run.markers(folder.dir());
        if (markers.usesPop() || sql.stream().anyMatch(f -> f.text().contains("{{"))) {
            return Layout.POP;
        }
        return Layout.GOLANG_MIGRATE;
    }

    private static boolean isSqlx(Folder folder, List<SourceFile> sql, DiscoveryRun run) {
        if (sql.stream().anyMatch(f -> f.text().contains(SQLX_STUB))) {
            return true;
        }
        ProjectMarkers markers = run.markers(folder.dir());
        return markers.rustCrate() && !markers.goModule();
    }

    private static boolean isSimpleNumbered(SourceFile f) {
        String n = name(f);
        return UpDownFilesLayout.SIMPLE.matcher(n).matches() && !UpDownFilesLayout.UP_DOWN.matcher(n).matches()
                && !GooseLayout.isGoose(f) && !DbmateLayout.isDbmate(f) && !LiquibaseLayout.isFormattedSql(f);
    }

    private static int count(List<SourceFile> files, Predicate<SourceFile> p) {
        return (int) files.stream().filter(p).count();
    }

    private static String name(SourceFile f) {
        Path p = f.path().getFileName();
        return p == null ? f.displayPath() : p.toString();
    }
}
