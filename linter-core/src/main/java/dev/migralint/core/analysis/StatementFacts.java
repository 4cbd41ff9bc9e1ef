package dev.migralint.core.analysis;

import dev.migralint.core.change.ObjectName;

/** Facts about the situation a statement runs in, computed once by the engine for all rules. */
public interface StatementFacts {
    /**
     * True inside an explicit BEGIN ... COMMIT, or anywhere in a migration its layout (or
     * {@code assume-in-transaction}) runs in one transaction.
     */
    boolean inTransaction();

    /** True when an earlier statement of the same migration created this table. */
    boolean createdInThisMigration(ObjectName table);
}
