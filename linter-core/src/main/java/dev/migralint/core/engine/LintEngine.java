package dev.migralint.core.engine;

import dev.migralint.core.change.ChangeTranslator;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.SourceReader;
import dev.migralint.core.source.SourceSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the enabled rules over a request's files and returns the report. Files are lexed, parsed and
 * linted in parallel; each run has its own state, so one engine serves many runs.
 */
public final class LintEngine {
    private final RuleRegistry registry;

    public LintEngine(RuleRegistry registry) {
        this.registry = registry;
    }

    public RuleRegistry registry() {
        return registry;
    }

    /**
     * Lints the request's paths. Throws {@link InputException} when a path does not exist and
     * {@code ConfigException} when the config names unknown rules or options; unreadable files become
     * {@link InputProblem}s in the report.
     */
    public Report run(LintRequest request) {
        ConfigLoader.validateRules(request.config(), registry);
        List<SourceSet.Entry> entries = SourceSet.discover(request.paths(), request.baseDir());
        List<SourceFile> files = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (SourceSet.Entry e : entries) {
            SourceReader.Result result = SourceReader.read(e.path(), e.displayPath());
            if (result instanceof SourceReader.Result.Read r) {
                files.add(r.file());
            } else if (result instanceof SourceReader.Result.Failed f) {
                problems.add(f.problem());
            }
        }
        return lint(files, problems, request.config(), request.baseDir());
    }

    /** Lints files already in memory, as one migration each, in the order given. */
    public Report lintSources(List<SourceFile> files, Config config) {
        return lint(files, List.of(), config, Path.of("").toAbsolutePath());
    }

    private Report lint(List<SourceFile> files, List<InputProblem> problems, Config config, Path baseDir) {
        List<ActiveRule> active = activeRules(config);
        Set<String> known = registry.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        LexOptions lexOptions = new LexOptions(config.dialect(), config.placeholders(), config.atPlaceholders());
        ThreadLocal<FileLinter> linters = ThreadLocal.withInitial(() -> new FileLinter(config, active, known,
                new StatementParser(config.dialect()), new ChangeTranslator(config.dialect()), lexOptions));
        List<FileLinter.Result> results = files.parallelStream()
                .map(f -> linters.get().lint(f))
                .toList();
        List<Finding> findings = new ArrayList<>();
        RunStats stats = RunStats.EMPTY;
        for (FileLinter.Result r : results) {
            findings.addAll(r.findings());
            stats = stats.plus(r.stats());
        }
        stats = stats.plus(new RunStats(problems.size(), 0, 0, 0, 0, 0));
        findings.sort(Comparator.comparing((Finding f) -> f.location().file().displayPath())
                .thenComparing(FileLinter.ORDER));
        List<RuleMeta> metas = active.stream().map(ActiveRule::effectiveMeta).toList();
        return new Report(findings, problems, metas, baseDir, stats);
    }

    private List<ActiveRule> activeRules(Config config) {
        List<ActiveRule> active = new ArrayList<>();
        for (Rule rule : registry.all()) {
            RuleMeta meta = rule.meta();
            RuleSetting setting = config.rule(meta.id());
            boolean enabled = setting.enabled() != null ? setting.enabled() : meta.defaultOn();
            if (enabled) {
                active.add(new ActiveRule(rule,
                        setting.severity() != null ? setting.severity() : meta.defaultSeverity(),
                        RuleOptions.defaults(meta, setting.options())));
            }
        }
        return active;
    }
}
