package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the project around a migration folder is built with, for the layouts whose file names are
 * alike: {@code 1_x.up.sql} is golang-migrate in a Go module, sqlx in a Rust crate, and pop when the
 * Go module uses gobuffalo/pop (or Ory's popx). Looks in the folder and its parents, stopping at the
 * repository root (a folder with {@code .git}).
 */
record ProjectMarkers(boolean rustCrate, boolean goModule, boolean usesPop, boolean usesGolangMigrate) {
    private static final int MAX_LEVELS = 12;

    static ProjectMarkers find(Path dir, DiscoveryRun run) {
        boolean rust = false;
        String goMod = null;
        Path d = dir.toAbsolutePath().normalize();
        for (int level = 0; d != null && level < MAX_LEVELS; level++, d = d.getParent()) {
            rust |= Files.isRegularFile(d.resolve("Cargo.toml"));
            if (goMod == null && Files.isRegularFile(d.resolve("go.mod"))) {
                SourceFile f = run.read(d.resolve("go.mod"));
                goMod = f == null ? "" : f.text();
            }
            if (Files.exists(d.resolve(".git"))) {
                break;
            }
        }
        boolean go = goMod != null;
        return new ProjectMarkers(rust, go,
                go && (goMod.contains("gobuffalo/pop") || goMod.contains("github.com/ory/x")),
                go && goMod.contains("golang-migrate/migrate"));
    }
}
