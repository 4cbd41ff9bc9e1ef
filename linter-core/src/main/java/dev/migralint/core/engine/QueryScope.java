package dev.migralint.core.engine;

import dev.migralint.core.query.SchemaTimeline;
import dev.migralint.core.schema.Schema;
import java.util.List;

/**
 * Where a script's queries stand in the migration history: the schema after each migration before
 * it, oldest first; the migration the script belongs to (null for a query file, which stands after
 * the whole history); and whether the script is a query file, whose statements are named by sqlc
 * annotations in messages.
 */
record QueryScope(List<SchemaTimeline.Step> history, String migration, boolean queryFile) {
    static final QueryScope NONE = new QueryScope(List.of(), null, false);

    QueryScope {
        history = List.copyOf(history);
    }

    /** The timeline of a statement: the history, then the schemas after the script's earlier statements. */
    SchemaTimeline timeline(Schema current, List<SchemaTimeline.Step> earlierInScript) {
        return new SchemaTimeline(history, current, migration).withSteps(earlierInScript);
    }
}
