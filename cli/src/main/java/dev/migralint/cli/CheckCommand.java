package dev.migralint.cli;

import dev.migralint.core.baseline.Baseline;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.cache.DiskCache;
import dev.migralint.core.engine.LintCache;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.vcs.ChangedFiles;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Mixin
    RuleSwitches ruleSwitches;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Files, folders and glob patterns to lint, or - for standard input (default: the config's"
                    + " migrations and queries, else the working directory); a folder contributes its SQL files,"
                    + " recursively.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "PATH",
            description = "A query file or folder of them (repeatable): SQL the application runs, checked against the"
                    + " schema the migrations end with instead of being run as a migration (default: the config's"
                    + " queries when no PATHS are given).")
    List<Path> queries = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", converter = ReportOutputs.TargetConverter.class,
            completionCandidates = OptionValues.FormatNames.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable; FORMAT=FILE writes"
                    + " that report to FILE; at most one goes to standard output.")
    List<ReportOutputs.Target> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report (the --format given without a file) to FILE instead of standard output;"
                    + " the summary then goes to standard error.")
    Path output;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files and folders matching GLOB, relative to the working directory; without"
                    + " '/', a name at any depth (repeatable; adds to the config's exclude).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--stdin-filename", paramLabel = "PATH",
            description = "With -: the file standard input stands for. Its name and folder decide the layout,"
                    + " the config file and the paths in the report (default: stdin.sql).")
    Path stdinFilename;

    @Option(names = "--color", paramLabel = "WHEN", converter = OptionValues.ColorConverter.class,
            completionCandidates = OptionValues.ColorNames.class,
            description = "Colour the text report: ${COMPLETION-CANDIDATES} (default: auto: on a terminal, unless"
                    + " NO_COLOR is set; FORCE_COLOR turns it on).")
    OptionValues.Color color = OptionValues.Color.AUTO;

    @Option(names = {"-q", "--quiet"},
            description = "Print findings only: no summary line, nothing when clean.")
    boolean quiet;

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

    @Option(names = "--query-log", paramLabel = "FILE", arity = "1..*",
            description = "Query logs to check for N+1 patterns instead of the config's query-logs (PostgreSQL"
                    + " stderr, csvlog or jsonlog, MySQL/MariaDB general log, Hibernate, datasource-proxy, p6spy;"
                    + " the format is read from the content). Without PATHS, only the logs are checked.")
    List<Path> queryLogs = new ArrayList<>();

    @Option(names = "--no-cache",
            description = "Lint every file again: neither read nor write the cache of unchanged files' results"
                    + " (in $MIGRALINT_CACHE_DIR, else $XDG_CACHE_HOME/migralint, else ~/.cache/migralint).")
    boolean noCache;

    CheckCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        boolean stdin = paths.contains(Path.of("-"));
        if (stdin && paths.size() > 1) {
            throw new UsageException("- (standard input) cannot be combined with other paths");
        }
        if (stdinFilename != null && !stdin) {
            throw new UsageException("--stdin-filename needs - among the paths");
        }
        Path stdinFile = stdin ? env.resolve(stdinFilename == null ? Path.of("stdin.sql") : stdinFilename) : null;
        Config config = stdin ? configOptions.load(env, stdinFile.getParent()) : configOptions.load(env);
        if (failOn != null) {
            config = config.withFailOn(failOn);
        }
        if (!queryLogs.isEmpty()) {
            config = config.withQueryLogs(queryLogs.stream().map(p -> env.resolve(p).toString()).toList());
        }
        if (since != null && staged) {
            throw new UsageException("--since and --staged cannot be used together");
        }
        if (baselineFile != null && noBaseline) {
            throw new UsageException("--baseline and --no-baseline cannot be used together");
        }
        ReportOutputs outputs = ReportOutputs.of(formats, output);
        RuleRegistry registry = RuleRegistry.load(CheckCommand.class.getClassLoader());
        config = ruleSwitches.apply(config, registry);
        config = config.withExclude(exclude.stream().map(this::excludePattern).toList());
        // Both are read before linting, so that a bad baseline or git revision fails fast.
        Optional<Path> baselinePath = noBaseline ? Optional.empty()
                : baselineFile != null ? Optional.of(env.resolve(baselineFile)) : Baseline.configured(config);
        Baseline baseline = baselinePath.map(Baseline::read).orElse(null);
        ChangedFiles scope = since != null ? ChangedFiles.since(env.workingDir(), since)
                : staged ? ChangedFiles.staged(env.workingDir()) : null;
        PrintWriter err = spec.commandLine().getErr();
        if (staged && scope.files().isEmpty() && !quiet) {
            err.println("migralint: nothing is staged for commit, so no finding is reported (stage files with git add)");
            err.flush();
        }

        List<Path> targets = paths.isEmpty() && !queryLogs.isEmpty() ? List.of() : DefaultPaths.of(paths, config);
        List<Path> queryPaths = DefaultPaths.queries(queries, paths, config);
        List<Path> inputs = stdin ? List.of(stdinFile) : PathArguments.expand(targets, env.workingDir());
        List<Path> guarded = new ArrayList<>(inputs);
        guarded.addAll(queryPaths);
        for (Path file : outputs.files()) {
            InputGuard.check(file, env.resolve(file), guarded.stream().map(env::resolve).toList(), baselinePath,
                    config.source(), env.workingDir());
        }
        LintRequest request = stdin ? new LintRequest(List.of(stdinFile), env.workingDir(), config)
                .withText(stdinFile, StandardInput.read(env, stdinFile, config.readOptions()))
                : RepositoryRoot.request(inputs, queryPaths, env, config);
        DiskCache cache = noCache ? null : LintCaches.open(env, registry);
        Report linted = new LintEngine(registry, cache == null ? LintCache.NONE : cache).run(request);
        Report report = baseline == null ? linted : baseline.apply(linted);
        if (scope != null) {
            report = scope.restrict(report);
        }

        boolean colored = outputs.textToStdout() && color.enabled(env);
        outputs.write(report, new ReporterOptions(colored, ToolVersion.get(), ReporterOptions.DEFAULT_DOCS_BASE_URI),
                RepositoryRoot.of(env.workingDir(), config), env, spec.commandLine().getOut(), err, quiet);
        if (DebugOption.requested(spec)) {
            printStats(linted, config, System.nanoTime() - started);
            if (cache != null) {
                DiskCache.Stats c = cache.stats();
                err.printf("migralint: debug: cache %s: %d units found, %d linted, %d stored, %d rejected%n",
                        cache.dir(), c.found(), c.linted(), c.stored(), c.rejected());
            }
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

    /**
     * A --exclude pattern in the config's terms: one with '/' is relative to the working directory, so it
     * is made absolute (glob characters in the directory's name escaped); a bare name matches anywhere.
     */
    private String excludePattern(String glob) {
        if (!glob.contains("/") || glob.startsWith("/")) {
            return glob;
        }
        String dir = env.workingDir().toString().replace('\\', '/').replaceAll("([*?\\[\\]{},\\\\])", "\\\\$1");
        return dir + "/" + (glob.startsWith("./") ? glob.substring(2) : glob);
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
