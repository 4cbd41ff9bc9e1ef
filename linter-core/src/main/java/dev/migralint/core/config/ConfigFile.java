package dev.migralint.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code .migralint.yaml} file as written; Jackson binds it strictly (unknown keys fail) and
 * {@link ConfigLoader} turns it into a {@link Config}. Null means "not set".
 */
record ConfigFile(
        @JsonProperty("dialect") String dialect,
        @JsonProperty("target-version") Integer targetVersion,
        @JsonProperty("migrations") List<PathEntry> migrations,
        @JsonProperty("queries") List<String> queries,
        @JsonProperty("query-logs") List<String> queryLogs,
        @JsonProperty("log-line-prefix") String logLinePrefix,
        @JsonProperty("placeholders") Map<String, String> placeholders,
        @JsonProperty("assume-in-transaction") Boolean assumeInTransaction,
        @JsonProperty("fail-on") String failOn,
        @JsonProperty("baseline") String baseline,
        @JsonProperty("rules") Map<String, JsonNode> rules,
        @JsonProperty("exclude") List<String> exclude,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("max-file-size") String maxFileSize) {

    /** A migrations entry: a bare path, or {path, layout, dialect, order}. */
    record PathEntry(@JsonProperty("path") String path, @JsonProperty("layout") String layout,
                     @JsonProperty("dialect") String dialect, @JsonProperty("order") List<String> order) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PathEntry of(String path) {
            return new PathEntry(path, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static PathEntry of(@JsonProperty("path") String path, @JsonProperty("layout") String layout,
                            @JsonProperty("dialect") String dialect, @JsonProperty("order") List<String> order) {
            return new PathEntry(path, layout, dialect, order);
        }
    }
}
