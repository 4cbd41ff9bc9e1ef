package dev.migralint.core.migration;

/** How a migration tool runs one migration's statements with respect to transactions. */
public enum TransactionMode {
    /** The tool opens a transaction around the whole migration and commits it at the end. */
    IN_TRANSACTION,
    /**
     * The tool runs the statements one by one in autocommit mode; only the script's own BEGIN/COMMIT
     * group them.
     */
    NO_TRANSACTION,
    /**
     * The tool sends the whole script to the server as one query string. PostgreSQL runs a query
     * string holding several statements as one implicit transaction (unless the script itself has
     * BEGIN/COMMIT), so a statement that refuses to run in a transaction block, such as CREATE INDEX
     * CONCURRENTLY, only works when it is the script's single statement. MySQL commits each DDL
     * statement on its own, so there this is the same as {@link #NO_TRANSACTION}.
     */
    IMPLICIT_TRANSACTION,
    /**
     * Flyway: on PostgreSQL a migration runs in one transaction unless all of its statements are
     * ones Flyway detects as non-transactional (CREATE INDEX CONCURRENTLY, VACUUM, ...); then it runs
     * without one. Flyway refuses a migration that mixes both kinds. The engine decides which case
     * applies once the statements are parsed.
     */
    FLYWAY_AUTO
}
