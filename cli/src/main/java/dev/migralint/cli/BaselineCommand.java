package dev.migralint.cli;

import dev.migralint.core.baseline.Baseline;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.Report;
import dev.migralint.core.input.InputException;
import dev.migralint.core.input.IoReason;
import dev.migralint.core.input.SourceSet;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migralint baseline}: lints like {@code check} and records every finding not suppressed inline,
 * so that {@code check} with that baseline reports only findings that are new. Re-running it drops
 * entries whose findings were fixed.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Record today's findings in a baseline file, so that `check` reports only new ones.")
final class BaselineCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Files and folders to lint (default: the config's migrations and queries, else the working directory), as for check.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the baseline (default: the config's baseline, else "
                    + Baseline.DEFAULT_FILE_NAME + ").")
    Path output;

    BaselineCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Config config = configOptions.load(env);
        Path file = output != null ? env.resolve(output)
                : Baseline.configured(config).orElse(env.workingDir().resolve(Baseline.DEFAULT_FILE_NAME));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // baseline: may name any file; only an earlier baseline is replaced, never a migration or a config.
            try {
                Baseline.read(file);
            } catch (InputException e) {
                throw new UsageException("refusing to overwrite " + file + ": it exists and is not a migralint baseline ("
                        + e.getMessage() + ")");
            }
        }
        RuleRegistry registry = RuleRegistry.load(BaselineCommand.class.getClassLoader());
        List<Path> targets = DefaultPaths.of(paths, config);
        Report report = new LintEngine(registry).run(RepositoryRoot.request(targets,
                DefaultPaths.queries(List.of(), paths, config), env, config));

        PrintWriter err = spec.commandLine().getErr();
        if (!report.problems().isEmpty()) {
            // A baseline recorded without a file's findings would let them all through later as "new".
            for (InputProblem p : report.problems()) {
                err.println("migralint: error: " + p.location().file().displayPath() + ": " + p.message());
            }
            err.println("migralint: error: baseline not written: " + report.problems().size()
                    + (report.problems().size() == 1 ? " file" : " files") + " could not be read");
            err.flush();
            return ExitCodes.USAGE;
        }
        Baseline baseline = Baseline.of(report);
        try {
            baseline.write(file);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + IoReason.of(e));
        }
        int n = baseline.entries().size();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Recorded " + n + (n == 1 ? " finding" : " findings") + " in "
                + SourceSet.displayPath(env.workingDir(), file) + ".");
        out.flush();
        return ExitCodes.OK;
    }
}
