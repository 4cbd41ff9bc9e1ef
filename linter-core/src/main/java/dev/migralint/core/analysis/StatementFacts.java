package dev.migralint.core.analysis;

import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import java.util.List;

/** Facts about the situation a statement runs in, computed once by the engine for all rules. */
public interface StatementFacts {
    /**
     * True inside an explicit BEGIN ... COMMIT, or anywhere in a migration its layout (or
     * {@code assume-in-transaction}) runs in one transaction.
     */
    boolean inTransaction();

    /**
     * True when the migration tool itself runs this script in a transaction (its layout's mode, or
     * {@code assume-in-transaction} for plain files), whatever the script's own BEGIN and COMMIT do.
     */
    default boolean toolTransaction() {
        return false;
    }

    /** True when a BEGIN (or START TRANSACTION) of the script itself is open before this statement. */
    default boolean explicitTransaction() {
        return false;
    }

    /** True when a COMMIT or ROLLBACK of the script itself comes after this statement. */
    default boolean transactionEndsLater() {
        return false;
    }

    /**
     * True when this migration created the table: an earlier statement of the same script, or, in a
     * down script, its own up. A table whose creation is not in view (one new file linted alone)
     * counts as existing.
     */
    boolean createdInThisMigration(ObjectName table);

    /**
     * True when a later statement of the same script creates a table of this name: a table renamed
     * away and created anew (the rebuild pattern) keeps its name for clients.
     */
    default boolean createdLaterInThisScript(ObjectName table) {
        return false;
    }

    /**
     * True when a later statement of the same script creates a view of this name: a table renamed away
     * and replaced by a view under its old name keeps the name for clients.
     */
    default boolean viewCreatedLaterInThisScript(ObjectName name) {
        return false;
    }

    /**
     * True when an earlier statement of this script, or, in a down script, its own up, added the
     * column to the table with ADD COLUMN.
     */
    default boolean columnAddedInThisMigration(ObjectName table, String column) {
        return false;
    }

    /**
     * A constraint that an earlier statement of this script added (CHECK or FOREIGN KEY) or validated.
     * {@code constraint} is null when the script only validated it and its definition is not in view;
     * {@code validated} says whether it is valid by now; {@code sameTransaction} whether it was added
     * in the transaction this statement runs in, whose locks are still held.
     */
    record ScriptConstraint(ObjectName table, String name, Constraint constraint, boolean validated,
                            boolean sameTransaction) {
    }

    /** The constraints on {@code table} that earlier statements of this script added or validated. */
    default List<ScriptConstraint> constraintsOfThisScript(ObjectName table) {
        return List.of();
    }

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
