package dev.migralint.cli;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigException;
import dev.migralint.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the configuration comes from: {@code --config FILE}, else the nearest {@code .migralint.yaml}
 * found walking up from the working directory, else the defaults. Flags given on the command line
 * override the file's values.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: the nearest .migralint.yaml from the working directory up).")
    Path configFile;

    @Option(names = "--dialect", paramLabel = "DIALECT", converter = OptionValues.DialectConverter.class,
            completionCandidates = OptionValues.DialectNames.class,
            description = "SQL dialect: ${COMPLETION-CANDIDATES} (default: from the config, else postgresql).")
    Dialect dialect;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = OptionValues.SizeConverter.class,
            description = "Skip files larger than SIZE, such as 10MiB or 500KB; standard input too"
                    + " (default: the config's max-file-size, else 10MiB).")
    Long maxFileSize;

    /** The file's configuration with the dialect and size flags applied. */
    Config load(Environment env) {
        return load(env, env.workingDir());
    }

    /** As {@link #load(Environment)}, looking for the nearest config file from {@code startDir} up. */
    Config load(Environment env, Path startDir) {
        Config config = configFile(env, startDir).map(ConfigLoader::load).orElseGet(Config::defaults);
        config = maxFileSize == null ? config : config.withMaxFileSize(maxFileSize);
        return dialect == null ? config : config.withDialect(dialect);
    }

    private Optional<Path> configFile(Environment env, Path startDir) {
        if (configFile == null) {
            return ConfigLoader.find(startDir);
        }
        Path file = env.resolve(configFile);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(configFile + ": config file not found");
        }
        return Optional.of(file);
    }
}
