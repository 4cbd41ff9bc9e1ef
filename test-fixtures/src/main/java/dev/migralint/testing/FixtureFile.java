package dev.migralint.testing;

import dev.migralint.core.source.SourceFile;
import java.util.List;
import java.util.Map;

/** One SQL file of a fixture case: its source, the options of its first line, and its markers. */
public record FixtureFile(SourceFile source, Map<String, String> options, List<Expectation> expectations) {
    public FixtureFile {
        options = Map.copyOf(options);
        expectations = List.copyOf(expectations);
    }
}
