package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import java.util.List;

/**
 * The migrations of one folder (or one merged set of version folders) in the order the tool applies
 * them; replaying them in order from an empty database gives the schema. {@code displayRoot} names
 * the folder as reports do, relative to the run's base directory. {@code dialect} is the one its
 * migrations are written for, as config says or discovery detected; null for the run's dialect.
 */
public record MigrationChain(String displayRoot, Layout layout, List<Migration> migrations, Dialect dialect) {
    public MigrationChain {
        migrations = List.copyOf(migrations);
    }

    public MigrationChain(String displayRoot, Layout layout, List<Migration> migrations) {
        this(displayRoot, layout, migrations, null);
    }

    public MigrationChain withDialect(Dialect d) {
        return new MigrationChain(displayRoot, layout, migrations, d);
    }

    /** The chain's dialect, or {@code runDialect} when it has none of its own. */
    public Dialect dialectOr(Dialect runDialect) {
        return dialect == null ? runDialect : dialect;
    }
}
