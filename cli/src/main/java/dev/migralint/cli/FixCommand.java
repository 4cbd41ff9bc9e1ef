package dev.migralint.cli;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.report.Format;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.report.Reporters;
import dev.migralint.core.rule.RuleIdSuggestion;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.Position;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code migralint fix}: applies the fixes rules offer, in place. A fix is applied only when linting
 * again shows its finding gone and nothing new (see {@link Fixer}); files are written atomically and
 * only when every file could be read. Exit codes as {@code check} after fixing: 0 when nothing at or
 * above fail-on remains, 1 when something does (or, with {@code --dry-run}, when a file would change).
 */
@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Apply the fixes rules offer, in place, and report what is left.")
final class FixCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Files and folders to fix (default: the config's migrations and queries, else the working directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dry-run", description = "Write nothing; print the changes as a unified diff.")
    boolean dryRun;

    @Mixin
    RuleSwitches ruleSwitches;

    @Option(names = "--only", paramLabel = "RULE", split = ",",
            description = "Apply only these rules' fixes (repeatable or comma-separated; default: every rule's).")
    List<String> only = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = OptionValues.FailOnConverter.class,
            completionCandidates = OptionValues.FailOnNames.class,
            description = "Lowest severity of a remaining finding that makes the exit code 1: ${COMPLETION-CANDIDATES}"
                    + " (default: from the config, else warning).")
    FailOn failOn;

    FixCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Config config = configOptions.load(env);
        if (failOn != null) {
            config = config.withFailOn(failOn);
        }
        RuleRegistry registry = RuleRegistry.load(FixCommand.class.getClassLoader());
        List<String> rules = new ArrayList<>(only.stream().map(String::strip).toList());
        for (String id : ruleSwitches.takeBareIds()) {
            spec.commandLine().getErr().printf("migralint: warning: `fix --rule %s` is deprecated; use `fix --only %s`"
                    + " (--rule takes RULE=SETTING, as in check)%n", id, id);
            rules.add(id.strip());
        }
        for (String id : rules) {
            if (!registry.contains(id)) {
                throw new UsageException("--only: unknown rule '" + id + "'" + RuleIdSuggestion.of(id, registry)
                        + " (run `migralint rules` for the list)");
            }
        }
        config = ruleSwitches.apply(config, registry);
        LintEngine engine = new LintEngine(registry);
        LintRequest request = new LintRequest(DefaultPaths.of(paths, config), env.workingDir(), config);
        Report initial = engine.run(request);
        if (!initial.problems().isEmpty()) {
            InputProblem p = initial.problems().get(0);
            throw new UsageException(p.location().file().displayPath() + ": " + p.message() + "; nothing was changed");
        }
        Fixer.Plan plan = new Fixer(engine, request, new LinkedHashSet<>(rules)).plan(initial);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            plan.after().forEach((file, text) -> out.print(UnifiedDiff.of(display(plan, file), plan.before().get(file), text)));
            out.flush();
            printWithheld(plan, err);
            err.printf("migralint: would fix %d %s in %d %s; %d %s would remain%n", plan.applied().size(),
                    plural(plan.applied().size(), "finding"), plan.after().size(), plural(plan.after().size(), "file"),
                    plan.report().activeFindings().size(), plan.report().activeFindings().size() == 1 ? "finding" : "findings");
            err.flush();
            return !plan.after().isEmpty() ? ExitCodes.FINDINGS : ExitCodes.of(plan.report(), config.failOn());
        }
        AtomicWrite.all(plan.before(), plan.after());
        // What is left, read back from disk.
        Report left = engine.run(request);
        printWithheld(plan, out);
        out.printf("Fixed %d %s in %d %s.%n%n", plan.applied().size(), plural(plan.applied().size(), "finding"),
                plan.after().size(), plural(plan.after().size(), "file"));
        Reporters.create(Format.TEXT, new ReporterOptions(false, ToolVersion.get(), ReporterOptions.DEFAULT_DOCS_BASE_URI))
                .write(left, out);
        out.flush();
        return ExitCodes.of(left, config.failOn());
    }

    private static void printWithheld(Fixer.Plan plan, PrintWriter w) {
        for (Fixer.Withheld h : plan.withheld()) {
            Finding f = h.finding();
            Position pos = f.location().file().position(f.location().startOffset());
            w.printf("%s:%d:%d: fix for %s not applied: %s%n", f.location().file().displayPath(), pos.line(),
                    pos.column(), f.ruleId(), h.reason());
        }
    }

    private static String display(Fixer.Plan plan, Path file) {
        for (Finding f : plan.applied()) {
            if (f.location().file().path().equals(file)) {
                return f.location().file().displayPath();
            }
        }
        return file.toString();
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
