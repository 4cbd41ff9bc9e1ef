package dev.migralint.cli;

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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            description = "Files and folders to lint (default: the working directory); a folder contributes"
                    + " its SQL files, recursively.")
    List<Path> paths = new ArrayList<>();

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
        RuleRegistry registry = RuleRegistry.load(CheckCommand.class.getClassLoader());

        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Report report = new LintEngine(registry).run(new LintRequest(targets, env.workingDir(), config));

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
            printStats(report, config, System.nanoTime() - started);
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
                        + " %d findings, %d input problems, %d ms%n",
                s.files(), s.statements(), s.parsed(), s.recognized(), s.skipped(), s.unparsed(),
                report.findings().size(), report.problems().size(), nanos / 1_000_000);
        err.flush();
    }
}
