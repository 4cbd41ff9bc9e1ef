package dev.migralint.core.config;

import dev.migralint.core.Dialect;
import dev.migralint.core.migration.Layout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of a run: the config file's values with command-line overrides.
 * {@code source} is the file it came from, or null for defaults. {@code migrationLayouts} maps a
 * {@code migrations} entry's path, as written, to the layout config forces on it
 * ({@code {path: db/x, layout: flyway}}); paths without one are detected. {@code exclude} holds glob
 * patterns of files and folders to leave out, relative to the config file's folder; {@code encoding}
 * is the character set SQL files are read in.
 */
public record Config(
        Dialect dialect,
        int targetVersion,
        List<String> migrations,
        List<String> queries,
        List<String> queryLogs,
        Map<String, String> placeholders,
        boolean atPlaceholders,
        boolean assumeInTransaction,
        FailOn failOn,
        String baseline,
        Map<String, RuleSetting> rules,
        Path source,
        Map<String, Layout> migrationLayouts,
        List<String> exclude,
        Charset encoding) {

    public Config {
        migrationLayouts = migrationLayouts == null ? Map.of() : Map.copyOf(migrationLayouts);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        migrations = List.copyOf(migrations);
        queries = List.copyOf(queries);
        queryLogs = List.copyOf(queryLogs);
        placeholders = Map.copyOf(placeholders);
        rules = Map.copyOf(rules);
    }

    /** A config without excludes, read as UTF-8. */
    public Config(Dialect dialect, int targetVersion, List<String> migrations, List<String> queries,
                  List<String> queryLogs, Map<String, String> placeholders, boolean atPlaceholders,
                  boolean assumeInTransaction, FailOn failOn, String baseline, Map<String, RuleSetting> rules,
                  Path source, Map<String, Layout> migrationLayouts) {
        this(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, migrationLayouts, List.of(), null);
    }

    /** A config without forced layouts. */
    public Config(Dialect dialect, int targetVersion, List<String> migrations, List<String> queries,
                  List<String> queryLogs, Map<String, String> placeholders, boolean atPlaceholders,
                  boolean assumeInTransaction, FailOn failOn, String baseline, Map<String, RuleSetting> rules,
                  Path source) {
        this(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, Map.of());
    }

    public static final int DEFAULT_TARGET_VERSION = 15;

    public static Config defaults() {
        return new Config(Dialect.POSTGRESQL, DEFAULT_TARGET_VERSION, List.of(), List.of(), List.of(), Map.of(),
                false, false, FailOn.WARNING, null, Map.of(), null);
    }

    public RuleSetting rule(String id) {
        return rules.getOrDefault(id, RuleSetting.DEFAULT);
    }

    public Config withDialect(Dialect d) {
        return new Config(d, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, migrationLayouts, exclude, encoding);
    }

    public Config withFailOn(FailOn f) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, f, baseline, rules, source, migrationLayouts, exclude, encoding);
    }

    public Config withQueryLogs(List<String> logs) {
        return new Config(dialect, targetVersion, migrations, queries, logs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, migrationLayouts);
    }

    public Config withRules(Map<String, RuleSetting> r) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, r, source, migrationLayouts, exclude, encoding);
    }

    /** This config with more exclude patterns, given in the same form as the config file's. */
    public Config withExclude(List<String> more) {
        List<String> all = new java.util.ArrayList<>(exclude);
        all.addAll(more);
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, migrationLayouts, all, encoding);
    }
}
