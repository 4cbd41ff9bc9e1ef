package dev.migralint.core.analysis;

import dev.migralint.core.change.ObjectName;

/** Facts about the situation a statement runs in, computed once by the engine for all rules. */
public interface StatementFacts {
    /**
     * True inside an explicit BEGIN ... COMMIT, or anywhere in a migration its layout (or
     * {@code assume-in-transaction}) runs in one transaction.
     */
    boolean inTransaction();

    /**
     * True when this migration created the table: an earlier statement of the same script, or, in a
     * down script, its own up. A table whose creation is not in view (one new file linted alone)
     * counts as existing.
     */
    boolean createdInThisMigration(ObjectName table);

    /** True in a down, undo or rollback script, which runs only when a migration is reverted. */
    boolean inDownScript();

    /**
     * True for the changes of a PostgreSQL DO block: its body runs as one function call, inside a
     * transaction, so nothing in it can use CONCURRENTLY.
     */
    boolean inProceduralBlock();

    /**
     * The value of the last {@code SET} or {@code SET LOCAL} of {@code name} (lower-case) in an earlier
     * statement of this script, as written without quotes, or null when none set it.
     */
    String settingBefore(String name);

    /**
     * True when an earlier statement of this script took a lock that blocks writes ({@link TableLocks})
     * on a table it had not created.
     */
    boolean blockingLockBefore();
}
