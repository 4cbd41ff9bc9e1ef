package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** What reading one folder with a layout gave: its chains, the files no chain runs, and the subfolders it used. */
record FolderResult(List<MigrationChain> chains, List<SourceFile> unchained, Set<Path> consumedSubdirs) {
    FolderResult {
        chains = List.copyOf(chains);
        unchained = List.copyOf(unchained);
        consumedSubdirs = Set.copyOf(consumedSubdirs);
    }

    static FolderResult of(String displayRoot, Layout layout, List<Migration> migrations, List<SourceFile> unchained) {
        return of(displayRoot, layout, migrations, unchained, Set.of());
    }

    static FolderResult of(String displayRoot, Layout layout, List<Migration> migrations, List<SourceFile> unchained,
                           Set<Path> consumed) {
        List<MigrationChain> chains = migrations.isEmpty() ? List.of()
                : List.of(new MigrationChain(displayRoot, layout, migrations));
        return new FolderResult(chains, unchained, consumed);
    }

    /** Marks every migration's down as expected when any migration of the chain has one. */
    static List<Migration> expectDownsWhenAnyHasOne(List<Migration> migrations) {
        boolean any = migrations.stream().anyMatch(m -> m.down() != null);
        return migrations.stream().map(m -> m.withDownExpected(any)).toList();
    }
}
