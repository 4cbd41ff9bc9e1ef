package dev.migralint.core.config;

import dev.migralint.core.Dialect;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of a run: the config file's values with command-line overrides.
 * {@code source} is the file it came from, or null for defaults. {@code folders} maps a
 * {@code migrations} entry's path, as written, to what config says about it
 * ({@code {path: db/x, layout: flyway, dialect: mysql, order: [...]}}); what it leaves out is detected.
 * {@code detectDialect}: neither the command line nor the config's top-level {@code dialect} forced
 * one, so each folder and file gets the dialect its names and content show, {@code dialect} when they
 * show none.
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
        Map<String, FolderSettings> folders,
        boolean detectDialect) {

    public Config {
        folders = folders == null ? Map.of() : Map.copyOf(folders);
        migrations = List.copyOf(migrations);
        queries = List.copyOf(queries);
        queryLogs = List.copyOf(queryLogs);
        placeholders = Map.copyOf(placeholders);
        rules = Map.copyOf(rules);
    }

    /** A config without folder settings, linting everything in {@code dialect}. */
    public Config(Dialect dialect, int targetVersion, List<String> migrations, List<String> queries,
                  List<String> queryLogs, Map<String, String> placeholders, boolean atPlaceholders,
                  boolean assumeInTransaction, FailOn failOn, String baseline, Map<String, RuleSetting> rules,
                  Path source) {
        this(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, Map.of(), false);
    }

    public static final int DEFAULT_TARGET_VERSION = 15;

    public static Config defaults() {
        return new Config(Dialect.POSTGRESQL, DEFAULT_TARGET_VERSION, List.of(), List.of(), List.of(), Map.of(),
                false, false, FailOn.WARNING, null, Map.of(), null, Map.of(), true);
    }

    public RuleSetting rule(String id) {
        return rules.getOrDefault(id, RuleSetting.DEFAULT);
    }

    /** The layouts config forces, by entry path as written. */
    public Map<String, Layout> migrationLayouts() {
        Map<String, Layout> layouts = new LinkedHashMap<>();
        folders.forEach((path, settings) -> {
            if (settings.layout() != null) {
                layouts.put(path, settings.layout());
            }
        });
        return layouts;
    }

    /** This config with every folder and file linted in {@code d}, as {@code --dialect} asks. */
    public Config withDialect(Dialect d) {
        Map<String, FolderSettings> forced = new LinkedHashMap<>();
        folders.forEach((path, settings) -> forced.put(path, settings.withoutDialect()));
        return new Config(d, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, forced, false);
    }

    public Config withFailOn(FailOn f) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, f, baseline, rules, source, folders, detectDialect);
    }

    public Config withRules(Map<String, RuleSetting> r) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, r, source, folders, detectDialect);
    }
}
