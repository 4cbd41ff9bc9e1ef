package dev.migralint.core.diag;

import dev.migralint.core.source.TextRange;
import java.util.List;

/** A mechanical fix: text edits in the finding's file, applied together. */
public record Fix(String description, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }

    /** Replace {@code range} with {@code replacement}; an empty range inserts. */
    public record Edit(TextRange range, String replacement) {
    }
}
