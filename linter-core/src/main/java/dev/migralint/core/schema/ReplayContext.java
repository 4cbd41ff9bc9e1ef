package dev.migralint.core.schema;

import dev.migralint.core.diag.Location;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;

/** Where the replayed changes come from: objects remember their definition's place in this file. */
public record ReplayContext(SourceFile file) {
    Location at(TextRange range) {
        return new Location.Span(file, range);
    }
}
