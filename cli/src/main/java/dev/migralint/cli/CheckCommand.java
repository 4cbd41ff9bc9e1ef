package dev.migralint.cli;

import dev.migralint.core.baseline.Baseline;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.report.Format;
import dev.migralint.core.report.Reporter;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.report.Reporters;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.vcs.ChangedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migralint check}: lints files and folders and writes the report. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Lint SQL files and migration folders.")
final class CheckCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Files and folders to lint (default: the config's migrations and queries, else the working directory); a folder contributes"
                    + " its SQL files, recursively.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "PATH",
            description = "A query file or folder of them (repeatable): SQL the application runs, checked against the"
                    + " schema the migrations end with instead of being run as a migration (default: the config's"
                    + " queries when no PATHS are given).")
    List<Path> queries = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = OptionValues.FormatConverter.class,
            completionCandidates = OptionValues.FormatNames.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = OptionValues.FailOnConverter.class,
            completionCandidates = OptionValues.FailOnNames.class,
            description = "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES}"
                    + " (default: from the config, else warning).")
    FailOn failOn;

    @Option(names = "--since", paramLabel = "REF",
            description = "Report only findings in files added or changed since the merge base of REF and HEAD,"
                    + " uncommitted and untracked files included. Every file is still linted.")
    String since;

    @Option(names = "--staged",
            description = "Report only findings in files staged for commit (for pre-commit hooks)."
                    + " Every file is still linted.")
    boolean staged;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not recorded in FILE by `migralint baseline`"
                    + " (default: the config's baseline, if any).")
    Path baselineFile;

    @Option(names = "--no-baseline", description = "Ignore the config's baseline and report every finding.")
    boolean noBaseline;

    CheckCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        Config config = configOptions.load(env);
        if (failOn != null) {
            config = config.withFailOn(failOn);
        }
        if (since != null && staged) {
            throw new UsageException("--since and --staged cannot be used together");
        }
        if (baselineFile != null && noBaseline) {
            throw new UsageException("--baseline and --no-baseline cannot be used together");
        }
        // Both are read before linting, so that a bad baseline or git revision fails fast.
        Optional<Path> baselinePath = noBaseline ? Optional.empty()
                : baselineFile != null ? Optional.of(env.resolve(baselineFile)) : Baseline.configured(config);
        Baseline baseline = baselinePath.map(Baseline::read).orElse(null);
        ChangedFiles scope = since != null ? ChangedFiles.since(env.workingDir(), since)
                : staged ? ChangedFiles.staged(env.workingDir()) : null;
        RuleRegistry registry = RuleRegistry.load(CheckCommand.class.getClassLoader());

        List<Path> targets = DefaultPaths.of(paths, config);
        Report linted = new LintEngine(registry).run(new LintRequest(targets, DefaultPaths.queries(queries, paths, config),
                env.workingDir(), config));
        Report report = baseline == null ? linted : baseline.apply(linted);
        if (scope != null) {
            report = scope.restrict(report);
        }

        boolean color = format == Format.TEXT && output == null && env.colorAllowed();
        Reporter reporter = Reporters.create(format,
                new ReporterOptions(color, ToolVersion.get(), ReporterOptions.DEFAULT_DOCS_BASE_URI));
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            reporter.write(report, out);
            out.flush();
        } else {
            writeFile(reporter, report, env.resolve(output));
        }
        if (DebugOption.requested(spec)) {
            printStats(linted, config, System.nanoTime() - started);
            PrintWriter err = spec.commandLine().getErr();
            if (baseline != null) {
                err.printf("migralint: debug: baseline %s: %d entries, %d no longer found%n", baselinePath.get(),
                        baseline.entries().size(), baseline.unmatched(linted).size());
            }
            if (scope != null) {
                err.printf("migralint: debug: reporting on %s (%d): %d of %d findings%n", scope.description(),
                        scope.files().size(), report.findings().size(), linted.findings().size());
            }
            err.flush();
        }
        return ExitCodes.of(report, config.failOn());
    }

    private void writeFile(Reporter reporter, Report report, Path file) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                reporter.write(report, w);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage());
        }
    }

    private void printStats(Report report, Config config, long nanos) {
        RunStats s = report.stats();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("migralint: debug: config %s, dialect %s, fail-on %s%n",
                config.source() == null ? "(defaults)" : config.source(), config.dialect().id(),
                config.failOn().name().toLowerCase(Locale.ROOT));
        err.printf("migralint: debug: %d files, %d statements (%d parsed, %d recognized, %d skipped, %d unparsed),"
                        + " %d queries validated against the schema, %d not readable by the validator,"
                        + " %d findings, %d input problems, %d ms%n",
                s.files(), s.statements(), s.parsed(), s.recognized(), s.skipped(), s.unparsed(),
                s.queriesValidated(), s.queriesNotValidated(),
                report.findings().size(), report.problems().size(), nanos / 1_000_000);
        err.flush();
    }
}
