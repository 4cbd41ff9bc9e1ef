package dev.migralint.core.migration;

import java.util.List;

/**
 * The migrations of one folder (or one merged set of version folders) in the order the tool applies
 * them; replaying them in order from an empty database gives the schema. {@code displayRoot} names
 * the folder as reports do, relative to the run's base directory.
 */
public record MigrationChain(String displayRoot, Layout layout, List<Migration> migrations) {
    public MigrationChain {
        migrations = List.copyOf(migrations);
    }
}
