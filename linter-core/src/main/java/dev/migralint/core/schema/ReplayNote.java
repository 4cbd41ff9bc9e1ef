package dev.migralint.core.schema;

import dev.migralint.core.diag.Location;

/**
 * A problem met while replaying a change: what the database would have refused, or a name replay
 * could not resolve. The change then has no effect on the schema, as the failed statement would have
 * none; the one exception is UNKNOWN_SCHEMA for a CREATE TABLE in a schema never created in view
 * (templated schemas are common), where the table is created all the same. {@code subject} is the name the note is about, as written (qualified where it helps).
 */
public record ReplayNote(Kind kind, String subject, String message, Location location) {

    public enum Kind {
        UNKNOWN_TABLE,
        UNKNOWN_COLUMN,
        UNKNOWN_INDEX,
        UNKNOWN_CONSTRAINT,
        UNKNOWN_TYPE,
        UNKNOWN_VIEW,
        UNKNOWN_SCHEMA,
        ALREADY_EXISTS,
        /** The object has dependents (foreign keys, views, columns) and the statement lacks CASCADE. */
        HAS_DEPENDENTS,
        /** Anything else the database would reject: a second primary key, DROP NOT NULL on a key column... */
        INVALID
    }
}
