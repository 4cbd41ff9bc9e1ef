package dev.migralint.core.schema;

import java.util.List;

/** The schema after a change and the notes replaying it gave. */
public record Replay(Schema schema, List<ReplayNote> notes) {
    public Replay {
        notes = List.copyOf(notes);
    }
}
