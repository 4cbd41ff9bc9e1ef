package dev.migralint.rules.reversibility;

import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import java.lang.ref.WeakReference;

/** How a project uses its down scripts, read from the whole chain. */
final class DownConventions {
    /**
     * The last chain asked about and its answer: two rules ask once per migration, and scanning the
     * whole chain each time made the rules quadratic in its length. Weak, so a finished run's chain
     * is not kept alive.
     */
    private record Memo(WeakReference<MigrationChain> chain, boolean spans) {
    }

    private static volatile Memo last;

    private DownConventions() {
    }

    /**
     * True when a quarter or more of the chain's downs are empty: the project leaves downs empty on
     * purpose, typically because it splits one change into numbered steps (gobuffalo/pop projects such
     * as Ory Kratos) and undoes the whole change in the downs of some of the steps, so a single step's
     * down is not meant to undo that step's up.
     */
    static boolean downsSpanSteps(MigrationChain chain) {
        Memo memo = last;
        if (memo != null && memo.chain().get() == chain) {
            return memo.spans();
        }
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
        boolean spans = downs > 0 && empty * 4 >= downs;
        last = new Memo(new WeakReference<>(chain), spans);
        return spans;
    }
}
