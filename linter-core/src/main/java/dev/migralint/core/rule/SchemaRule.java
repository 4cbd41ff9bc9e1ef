package dev.migralint.core.rule;

/**
 * Judges the schema a migration chain ends with (for a plain file, the schema that file builds).
 * Runs once per chain, after all its statement rules; reports at the objects' definition sites.
 */
public interface SchemaRule extends Rule {
    void check(SchemaContext ctx);
}
