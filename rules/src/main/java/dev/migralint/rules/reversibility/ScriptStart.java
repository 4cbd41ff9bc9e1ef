package dev.migralint.rules.reversibility;

import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.source.TextRange;

/**
 * Where a finding about a whole script points: its first line that is not blank or a line comment
 * (a script may be a section of a file, after its section marker), else its first line with content.
 */
final class ScriptStart {
    private ScriptStart() {
    }

    static Location of(MigrationScript script) {
        String text = script.text();
        int first = -1;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            String line = text.substring(from, end).strip();
            if (!line.isEmpty()) {
                first = first < 0 ? from + text.substring(from, end).indexOf(line) : first;
                if (!line.startsWith("--")) {
                    return span(script, from + text.substring(from, end).indexOf(line), end);
                }
            }
            from = end + 1;
        }
        if (first < 0) {
            return new Location.WholeFile(script.file());
        }
        int to = text.indexOf('\n', first);
        return span(script, first, to < 0 ? text.length() : to);
    }

    private static Location span(MigrationScript script, int from, int to) {
        return new Location.Span(script.file(), TextRange.of(from, to));
    }
}
