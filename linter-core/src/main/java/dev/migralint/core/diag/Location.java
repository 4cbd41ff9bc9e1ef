package dev.migralint.core.diag;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;

/** Where a diagnostic points. Only reporters turn offsets into lines and columns. */
public sealed interface Location {
    SourceFile file();

    record Span(SourceFile file, TextRange range) implements Location {
    }

    record WholeFile(SourceFile file) implements Location {
    }

    /** Start offset, 0 for a whole file. */
    default int startOffset() {
        return this instanceof Span s ? s.range().start() : 0;
    }
}
