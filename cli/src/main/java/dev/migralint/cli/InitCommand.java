package dev.migralint.cli;

import dev.migralint.core.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migralint init}: writes a commented {@code .migralint.yaml}; never overwrites one. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Write a commented " + ConfigLoader.FILE_NAME + " to start from.")
final class InitCommand implements Callable<Integer> {
    /** Where YAML editors find the config's schema (the yaml-language-server modeline). */
    static final String SCHEMA_URL = "https://raw.githubusercontent.com/migralint/migralint/main/docs/config.schema.json";

    /**
     * Prose comments start with a capital or a symbol; every line of the form {@code # key: value} is an
     * example that, uncommented, is valid config (InitCommandTest checks each one).
     */
    static final String TEMPLATE = """
            # yaml-language-server: $schema=%s
            # migralint configuration: https://github.com/migralint/migralint
            # Command-line flags (--dialect, --fail-on, --rule, --exclude) override what is set here.

            # postgresql | mysql (mariadb = mysql) | generic (ANSI only). Unset, each folder and file
            # gets the dialect its names or SQL show, else postgresql; set, it applies everywhere.
            # dialect: postgresql

            # The database's major version; version-dependent rules read it
            # (e.g. before PostgreSQL 11, ADD COLUMN ... DEFAULT rewrites the table).
            target-version: 15

            # Migration folders, linted in order; the layout (Flyway, golang-migrate, ...) is detected.
            # An entry may also be {path: db/x, layout: flyway, dialect: mysql, order: [ddl, keys]}.
            # migrations: [db/migration]
            # Query files, checked against the schema the migrations build.
            # queries: [src/main/resources/sql]

            # Files and folders to leave out (globs relative to this file; a bare name matches anywhere).
            # exclude: [db/migration/archive, "*.generated.sql"]

            # The character set of the SQL files, when it is not UTF-8.
            # encoding: ISO-8859-1

            # Larger files (and standard input) are skipped as input problems (exit 2); default 10MiB.
            # max-file-size: 10MiB

            # Values for placeholders such as Flyway's ${schema}, so the SQL around them parses.
            # placeholders: {schema: public}

            # Lint plain files as if a migration tool ran each one inside a transaction.
            assume-in-transaction: false

            # Lowest severity that fails the run (exit code 1): error | warning | info | never
            fail-on: warning

            # Known findings to ignore until they are fixed.
            # baseline: .migralint-baseline.json

            # Per rule: off, a severity (error | warning | info), or {severity: ..., option: value}.
            # `migralint rules` lists them; `migralint explain <id>` explains one.
            rules:
            #  prefer-text: off
            #  require-timestamps: error
            #  too-many-indexes: {severity: warning, max: 12}
            """.formatted(SCHEMA_URL);

    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder to write it in (default: .).")
    Path dir;

    InitCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Path target = env.resolve(dir == null ? Path.of(".") : dir).resolve(ConfigLoader.FILE_NAME);
        Path shown = env.workingDir().relativize(target);
        Path other = target.resolveSibling(".migralint.yml");
        if (Files.exists(other)) {
            throw new UsageException(env.workingDir().relativize(other) + " already exists; not writing another");
        }
        try {
            Files.writeString(target, TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(shown + " already exists; not overwriting it");
        } catch (IOException e) {
            throw new UsageException("cannot write " + shown + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + shown);
        out.flush();
        return ExitCodes.OK;
    }
}
