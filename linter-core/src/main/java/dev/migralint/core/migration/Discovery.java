package dev.migralint.core.migration;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.source.SourceFile;
import java.util.List;

/**
 * What {@link MigrationDiscovery} found. {@code unchained} are SQL files under the given paths that
 * belong to no chain because their folder's tool would not run them (a loose data file in a Diesel
 * folder, a lone down script, a file whose name a Flyway folder does not accept): the engine lints
 * each on its own. {@code problems} are files that could not be read and layout errors (a version
 * used twice, a sqitch change without its deploy script).
 */
public record Discovery(List<MigrationChain> chains, List<SourceFile> unchained, List<InputProblem> problems) {
    public Discovery {
        chains = List.copyOf(chains);
        unchained = List.copyOf(unchained);
        problems = List.copyOf(problems);
    }
}
