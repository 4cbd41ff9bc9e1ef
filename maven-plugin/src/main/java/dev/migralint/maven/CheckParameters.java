package dev.migralint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigException;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.engine.LintRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The check goal's inputs as the user gave them (null or empty when not given), turned into one
 * {@link LintRequest}. Parameters override the config file; the config file overrides the plugin's
 * defaults. Relative paths, in parameters and in the config file alike, are relative to {@code baseDir}
 * (the project's folder), as the engine reads the config's layout overrides; so one config file at the
 * root of a multi-module build serves every module.
 */
record CheckParameters(
        Path baseDir,
        List<String> migrations,
        List<String> queries,
        String dialect,
        Path configFile,
        String failOn) {

    /** Flyway's and Liquibase's conventional folders, linted when they exist and nothing else is named. */
    static final List<String> DEFAULT_MIGRATIONS =
            List.of("src/main/resources/db/migration", "src/main/resources/db/changelog");

    /** Not the CLI's warning: adding the plugin to a build should not break it over warnings. */
    static final FailOn DEFAULT_FAIL_ON = FailOn.ERROR;

    CheckParameters {
        migrations = migrations == null ? List.of() : nonBlank(migrations);
        queries = queries == null ? List.of() : nonBlank(queries);
    }

    /**
     * Throws {@link ConfigException} for a bad config file and {@link MojoExecutionException} for a bad
     * parameter value.
     */
    LintRequest toRequest() throws MojoExecutionException {
        Config config = loadConfig();
        if (dialect != null && !dialect.isBlank()) {
            Dialect d = Dialect.parse(dialect);
            if (d == null) {
                throw new MojoExecutionException("migralint: unknown dialect '" + dialect
                        + "' (parameter dialect; use postgresql, mysql or generic)");
            }
            config = config.withDialect(d);
        }
        config = config.withFailOn(effectiveFailOn(config));

        List<Path> paths = new ArrayList<>(chosenMigrations(config));
        // Query files are judged against the schema the migrations end with, not replayed as migrations.
        return new LintRequest(paths, relative(queries.isEmpty() ? config.queries() : queries), baseDir, config);
    }

    private Config loadConfig() {
        if (configFile == null) {
            Path conventional = baseDir.resolve(ConfigLoader.FILE_NAME);
            return Files.isRegularFile(conventional) ? ConfigLoader.load(conventional) : Config.defaults();
        }
        // Named explicitly, so a missing file is a mistake rather than "no config".
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(configFile + ": config file not found");
        }
        return ConfigLoader.load(configFile);
    }

    private FailOn effectiveFailOn(Config config) throws MojoExecutionException {
        if (failOn != null && !failOn.isBlank()) {
            FailOn parsed = FailOn.parse(failOn);
            if (parsed == null) {
                throw new MojoExecutionException("migralint: unknown failOn '" + failOn
                        + "' (parameter failOn; use error, warning, info or never)");
            }
            return parsed;
        }
        return setsFailOn(config.source()) ? config.failOn() : DEFAULT_FAIL_ON;
    }

    /**
     * Whether the config file has a {@code fail-on} key. {@link Config} fills in the CLI's default when the
     * key is absent, and the plugin's default differs, so the key itself is looked at.
     */
    private static boolean setsFailOn(Path file) {
        if (file == null) {
            return false;
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return tree != null && tree.has("fail-on");
        } catch (IOException e) {
            // ConfigLoader has read and parsed this file a moment ago.
            throw new ConfigException(file + ": cannot read config file: " + e.getMessage(), e);
        }
    }

    private List<Path> chosenMigrations(Config config) {
        if (!migrations.isEmpty()) {
            return relative(migrations);
        }
        if (!config.migrations().isEmpty()) {
            return relative(config.migrations());
        }
        return DEFAULT_MIGRATIONS.stream()
                .filter(d -> Files.isDirectory(baseDir.resolve(d)))
                .map(Path::of)
                .toList();
    }

    /** As written (so that "path not found" shows them so), for the engine to resolve against the base. */
    private static List<Path> relative(List<String> names) {
        return names.stream().map(n -> Path.of(n.trim())).toList();
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }
}
