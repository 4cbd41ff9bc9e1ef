package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import java.util.List;

/** What a {@link MigrationRule} sees of one migration, and how it reports. */
public interface MigrationContext {
    Migration migration();

    MigrationChain chain();

    /** The schema before the up script. */
    Schema schemaBefore();

    /** The schema after the up script. */
    Schema schemaAfter();

    /** The schema after the down script replayed on {@link #schemaAfter()}; null without a down. */
    Schema schemaAfterDown();

    /**
     * What replaying the down script ran into (unknown tables, columns...): a down that names objects
     * replay does not know was written against history not in view. Empty without a down.
     */
    default List<ReplayNote> downReplayNotes() {
        return List.of();
    }

    Dialect dialect();

    int targetVersion();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    FindingBuilder report(Location location, String message);
}
