package dev.migralint.core.migration;

import java.util.Objects;

/**
 * One migration of a chain. {@code version} is as the tool names it ({@code 1.2}, {@code 20240101120000},
 * {@code author:id}, a sqitch change name); null for a Flyway repeatable. {@code down} is the script
 * that reverts {@code up} (down, undo or rollback), or null. {@code downExpected} says that the
 * layout, as this project uses it, pairs migrations with down scripts, so a missing one is worth
 * reporting. A down script is never run as a forward step.
 */
public record Migration(
        String version,
        String description,
        Layout layout,
        MigrationScript up,
        MigrationScript down,
        TransactionMode transactionMode,
        boolean repeatable,
        boolean downExpected) {

    public Migration {
        Objects.requireNonNull(description);
        Objects.requireNonNull(layout);
        Objects.requireNonNull(up);
        Objects.requireNonNull(transactionMode);
    }

    Migration withDownExpected(boolean expected) {
        return new Migration(version, description, layout, up, down, transactionMode, repeatable, expected);
    }

    @Override
    public String toString() {
        return layout.id() + " " + (version == null ? "R" : version) + " " + up.file().displayPath();
    }
}
