package dev.migralint.core.config;

import dev.migralint.core.Dialect;
import dev.migralint.core.input.ReadOptions;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of a run: the config file's values with command-line overrides.
 * {@code source} is the file it came from, or null for defaults. {@code folders} maps a
 * {@code migrations} entry's path, as written, to what config says about it
 * ({@code {path: db/x, layout: flyway, dialect: mysql, order: [...]}}); what it leaves out is detected.
 * {@code exclude} holds glob patterns of files and folders to leave out, relative to the config file's
 * folder; {@code encoding} is the character set SQL files are read in. {@code detectDialect}: neither
 * the command line nor the config's top-level {@code dialect} forced one, so each folder and file gets
 * the dialect its names and content show, {@code dialect} when they show none. {@code logLinePrefix} is
 * PostgreSQL's {@code log_line_prefix} the query logs were written with, or null to infer it. {@code maxFileSize}: no
 * larger file (or standard input) is read; 0 means the default.
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
        List<String> exclude,
        Charset encoding,
        boolean detectDialect,
        String logLinePrefix,
        long maxFileSize) {

    public Config {
        folders = folders == null ? Map.of() : Map.copyOf(folders);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        maxFileSize = maxFileSize <= 0 ? ReadOptions.DEFAULT_MAX_FILE_SIZE : maxFileSize;
        migrations = List.copyOf(migrations);
        queries = List.copyOf(queries);
        queryLogs = List.copyOf(queryLogs);
        placeholders = Map.copyOf(placeholders);
        rules = Map.copyOf(rules);
    }

    /** A config without excludes, read as UTF-8, linting everything in {@code dialect} (forced layouts as given). */
    public Config(Dialect dialect, int targetVersion, List<String> migrations, List<String> queries,
                  List<String> queryLogs, Map<String, String> placeholders, boolean atPlaceholders,
                  boolean assumeInTransaction, FailOn failOn, String baseline, Map<String, RuleSetting> rules,
                  Path source, Map<String, Layout> migrationLayouts) {
        this(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, layoutsOnly(migrationLayouts), List.of(), null,
                false, null, 0);
    }

    /** A config without folder settings, linting everything in {@code dialect}. */
    public Config(Dialect dialect, int targetVersion, List<String> migrations, List<String> queries,
                  List<String> queryLogs, Map<String, String> placeholders, boolean atPlaceholders,
                  boolean assumeInTransaction, FailOn failOn, String baseline, Map<String, RuleSetting> rules,
                  Path source) {
        this(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, Map.of());
    }

    private static Map<String, FolderSettings> layoutsOnly(Map<String, Layout> layouts) {
        Map<String, FolderSettings> folders = new LinkedHashMap<>();
        if (layouts != null) {
            layouts.forEach((path, layout) -> folders.put(path, new FolderSettings(layout, null, List.of())));
        }
        return folders;
    }

    public static final int DEFAULT_TARGET_VERSION = 15;

    public static Config defaults() {
        return new Config(Dialect.POSTGRESQL, DEFAULT_TARGET_VERSION, List.of(), List.of(), List.of(), Map.of(),
                false, false, FailOn.WARNING, null, Map.of(), null, Map.of(), List.of(), null, true, null, 0);
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
                assumeInTransaction, failOn, baseline, rules, source, forced, exclude, encoding, false, logLinePrefix, maxFileSize);
    }

    public Config withFailOn(FailOn f) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, f, baseline, rules, source, folders, exclude, encoding, detectDialect, logLinePrefix, maxFileSize);
    }

    public Config withQueryLogs(List<String> logs) {
        return new Config(dialect, targetVersion, migrations, queries, logs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, folders, exclude, encoding, detectDialect, logLinePrefix, maxFileSize);
    }

    public Config withRules(Map<String, RuleSetting> r) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, r, source, folders, exclude, encoding, detectDialect, logLinePrefix, maxFileSize);
    }

    /** This config with another file size limit, as {@code --max-file-size} asks. */
    public Config withMaxFileSize(long bytes) {
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, folders, exclude, encoding, detectDialect, logLinePrefix, bytes);
    }

    /** How input files are read: the encoding and the size limit. */
    public ReadOptions readOptions() {
        return new ReadOptions(encoding, maxFileSize);
    }

    /** This config with more exclude patterns, given in the same form as the config file's. */
    public Config withExclude(List<String> more) {
        List<String> all = new java.util.ArrayList<>(exclude);
        all.addAll(more);
        return new Config(dialect, targetVersion, migrations, queries, queryLogs, placeholders, atPlaceholders,
                assumeInTransaction, failOn, baseline, rules, source, folders, all, encoding, detectDialect, logLinePrefix, maxFileSize);
    }
}
