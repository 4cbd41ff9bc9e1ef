package dev.migralint.core.rule;

/**
 * Judges one whole migration: its up with the schema before and after it, and its down (if any)
 * with the schema that replaying the down on top of the up gives. Runs after the statement rules of
 * that migration.
 */
public interface MigrationRule extends Rule {
    void check(MigrationContext ctx);
}
