package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import java.util.List;

/** What a {@link SchemaRule} sees: the final schema of one chain, and how it reports. */
public interface SchemaContext {
    Schema schema();

    MigrationChain chain();

    Dialect dialect();

    /**
     * What replaying the chain's up scripts ran into, in chain order: each change replay refused (an
     * unknown table, a taken name) and why. Replay leaves such a change out, as the database would.
     */
    default List<ReplayNote> replayNotes() {
        return List.of();
    }

    int targetVersion();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    /** Reports at {@code location}, usually where the object was defined. */
    FindingBuilder report(Location location, String message);
}
