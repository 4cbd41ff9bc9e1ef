package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.schema.Schema;

/** What a {@link SchemaRule} sees: the final schema of one chain, and how it reports. */
public interface SchemaContext {
    Schema schema();

    MigrationChain chain();

    Dialect dialect();

    int targetVersion();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    /** Reports at {@code location}, usually where the object was defined. */
    FindingBuilder report(Location location, String message);
}
