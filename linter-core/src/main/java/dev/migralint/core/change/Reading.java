package dev.migralint.core.change;

import java.util.List;

/**
 * What the token readers made of one statement: its changes, and whether the statement matched a
 * form of the token grammar to its end (or to a tail known to be harmless). Only a complete reading
 * recognizes a statement; a partial one is a lenient reading that may still feed replay.
 * {@code changes} is never empty: a statement the readers do not model reads as one {@link
 * SchemaChange.Opaque}, never complete.
 */
public record Reading(List<SchemaChange> changes, boolean complete) {
    public Reading {
        changes = List.copyOf(changes);
    }

    static Reading of(List<? extends SchemaChange> changes, boolean complete) {
        return new Reading(List.copyOf(changes), complete);
    }

    static Reading partial(List<? extends SchemaChange> changes) {
        return of(changes, false);
    }

    /** True when the readers modelled something (not only {@link SchemaChange.Opaque}). */
    public boolean modelled() {
        return changes.stream().anyMatch(c -> !(c instanceof SchemaChange.Opaque));
    }
}
