package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link MigrationDiscovery} found. {@code unchained} are SQL files under the given paths that
 * belong to no chain because their folder's tool would not run them (a loose data file in a Diesel
 * folder, a lone down script, a file whose name a Flyway folder does not accept): the engine lints
 * each on its own. {@code problems} are files that could not be read and layout errors (a version
 * used twice, a sqitch change without its deploy script). {@code unchainedDialects} gives the
 * dialect of each unchained file (by path) that config set or discovery detected.
 */
public record Discovery(List<MigrationChain> chains, List<SourceFile> unchained, List<InputProblem> problems,
                        Map<Path, Dialect> unchainedDialects) {
    public Discovery {
        chains = List.copyOf(chains);
        unchained = List.copyOf(unchained);
        problems = List.copyOf(problems);
        unchainedDialects = Map.copyOf(unchainedDialects);
    }

    /** The dialect of an unchained file, or null for the run's. */
    public Dialect dialectOf(SourceFile unchainedFile) {
        return unchainedDialects.get(unchainedFile.path());
    }
}
