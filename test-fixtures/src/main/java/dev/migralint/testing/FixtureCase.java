package dev.migralint.testing;

import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fixture case of a rule: a single SQL file, or a folder of migration files replayed in
 * natural file-name order as one chain. {@code name} is the file name without {@code .sql}, or the
 * folder name. {@code fixed} is the {@code <case>.fixed.sql} file the rule's fixes must produce, or
 * null.
 */
public record FixtureCase(String ruleId, String name, Path path, List<FixtureFile> files, Path fixed) {
    public FixtureCase {
        files = List.copyOf(files);
    }

    /** How tests name the case: {@code rule-id/case}. */
    public String id() {
        return ruleId + "/" + name;
    }

    public List<Expectation> expectations() {
        return files.stream().flatMap(f -> f.expectations().stream()).toList();
    }

    public boolean hasMarkers() {
        return files.stream().anyMatch(f -> !f.expectations().isEmpty());
    }

    /** Options of every file's first line; a later file's value wins. */
    public Map<String, String> options() {
        Map<String, String> merged = new LinkedHashMap<>();
        files.forEach(f -> merged.putAll(f.options()));
        return merged;
    }

    /** The rule under test, parse-error, and every rule a marker names: the findings this case checks. */
    public Set<String> comparedRules() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(ruleId);
        ids.add(FixtureRunner.PARSE_ERROR);
        expectations().forEach(e -> ids.add(e.ruleId()));
        return ids;
    }

    public List<SourceFile> sources() {
        return files.stream().map(FixtureFile::source).toList();
    }
}
