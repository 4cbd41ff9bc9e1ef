package dev.migralint.rules.reversibility;

import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;

/** How a project uses its down scripts, read from the whole chain. */
final class DownConventions {
    private DownConventions() {
    }

    /**
     * True when a quarter or more of the chain's downs are empty: the project leaves downs empty on
     * purpose, typically because it splits one change into numbered steps (gobuffalo/pop projects such
     * as Ory Kratos) and undoes the whole change in the downs of some of the steps, so a single step's
     * down is not meant to undo that step's up.
     */
    static boolean downsSpanSteps(MigrationChain chain) {
        int downs = 0;
        int empty = 0;
        for (Migration m : chain.migrations()) {
            if (m.down() != null) {
                downs++;
                if (m.down().isBlank()) {
                    empty++;
                }
            }
        }
        return downs > 0 && empty * 4 >= downs;
    }
}
