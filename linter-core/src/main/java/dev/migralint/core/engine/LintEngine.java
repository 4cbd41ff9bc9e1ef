package dev.migralint.core.engine;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.input.Excludes;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.migration.Discovery;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.MigrationDiscovery;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the enabled rules over a request's migration chains and files and returns the report. Chains
 * are linted in parallel, the migrations of a chain in order (each sees the schema its predecessors
 * built); each run has its own state, so one engine serves many runs.
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
     * Lints the request's paths: migration folders in their layout's order, other SQL files each on
     * its own. Throws {@link InputException} when a path does not exist and {@code ConfigException}
     * when the config names unknown rules or options; unreadable files become {@link InputProblem}s.
     */
    public Report run(LintRequest request) {
        ConfigLoader.validateRules(request.config(), registry);
        Config config = request.config();
        Path excludeBase = config.source() == null ? request.baseDir() : config.source().toAbsolutePath().getParent();
        Discovery discovery = MigrationDiscovery.discover(request.paths(), request.baseDir(), config.dialect(),
                config.migrationLayouts(), request.texts(), config.encoding(), Excludes.of(config.exclude(), excludeBase));
        return lint(chains(discovery), discovery.problems(), request.config(), request.baseDir());
    }

    /** The discovered chains, then each file that belongs to none as a chain of its own. */
    static List<MigrationChain> chains(Discovery discovery) {
        List<MigrationChain> chains = new ArrayList<>(discovery.chains());
        for (SourceFile loose : discovery.unchained()) {
            chains.add(chainOf(List.of(loose)));
        }
        return chains;
    }

    /**
     * Lints files already in memory as one plain chain: each file a migration, in the order given,
     * so later files see the schema earlier ones built.
     */
    public Report lintSources(List<SourceFile> files, Config config) {
        return lint(files.isEmpty() ? List.of() : List.of(chainOf(files)), List.of(), config,
                Path.of("").toAbsolutePath());
    }

    private static MigrationChain chainOf(List<SourceFile> files) {
        List<Migration> migrations = new ArrayList<>();
        for (SourceFile f : files) {
            migrations.add(new Migration(null, f.displayPath(), Layout.PLAIN, MigrationScript.whole(f), null,
                    TransactionMode.NO_TRANSACTION, false, false));
        }
        return new MigrationChain(files.get(0).displayPath(), Layout.PLAIN, migrations);
    }

    private Report lint(List<MigrationChain> chains, List<InputProblem> problems, Config config, Path baseDir) {
        List<ActiveRule> active = activeRules(config);
        Set<String> known = registry.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        LexOptions lexOptions = new LexOptions(config.dialect(), config.placeholders(), config.atPlaceholders());
        ThreadLocal<ChainLinter> linters = ThreadLocal.withInitial(() -> chainLinter(config, active));
        List<ChainLinter.Result> results = chains.parallelStream().map(c -> linters.get().lint(c)).toList();

        // Group by file: a file's findings may come from several chains (a schema rule pointing back
        // into it) and several scripts (dbmate sections, Liquibase changesets).
        Map<SourceFile, List<Finding>> findingsByFile = new LinkedHashMap<>();
        Map<SourceFile, List<ScriptStatement>> statementsByFile = new LinkedHashMap<>();
        Set<SourceFile> files = new LinkedHashSet<>();
        RunStats stats = RunStats.EMPTY;
        for (ChainLinter.Result r : results) {
            for (ScriptStatement s : r.statements()) {
                statementsByFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
            }
            for (Finding f : r.findings()) {
                findingsByFile.computeIfAbsent(f.location().file(), x -> new ArrayList<>()).add(f);
            }
            stats = stats.plus(r.stats());
        }
        for (MigrationChain c : chains) {
            for (Migration m : c.migrations()) {
                files.add(m.up().file());
                if (m.down() != null) {
                    files.add(m.down().file());
                }
            }
        }
        files.addAll(findingsByFile.keySet());
        FileFindings finishing = new FileFindings(active, known, lexOptions,
                config.source() == null ? null : config.source().toAbsolutePath().getParent());
        List<Finding> findings = files.parallelStream()
                .flatMap(f -> finishing.finish(f, findingsByFile.getOrDefault(f, List.of()),
                        statementsByFile.getOrDefault(f, List.of())).stream())
                .collect(Collectors.toCollection(ArrayList::new));
        // Files in the order the chains apply them (V1 before V1.1 before V2), then by offset.
        Map<SourceFile, Integer> order = new HashMap<>();
        for (SourceFile f : files) {
            order.putIfAbsent(f, order.size());
        }
        findings.sort(Comparator.comparingInt((Finding f) -> order.getOrDefault(f.location().file(), Integer.MAX_VALUE))
                .thenComparing(f -> f.location().file().displayPath())
                .thenComparing(FileFindings.ORDER));
        // A file with an input problem may also have been linted, or have several problems: count it once.
        Set<String> counted = new HashSet<>();
        files.forEach(f -> counted.add(f.displayPath()));
        problems.forEach(p -> counted.add(p.location().file().displayPath()));
        stats = stats.plus(new RunStats(counted.size(), 0, 0, 0, 0, 0));
        List<RuleMeta> metas = active.stream().map(ActiveRule::effectiveMeta).toList();
        return new Report(findings, problems, metas, baseDir, stats);
    }

    /** A linter for one thread: the parser it holds is not thread-safe. */
    static ChainLinter chainLinter(Config config, List<ActiveRule> rules) {
        LexOptions lexOptions = new LexOptions(config.dialect(), config.placeholders(), config.atPlaceholders());
        return new ChainLinter(config, rules, new ScriptLinter(config, rules, new StatementParser(config.dialect()), lexOptions));
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
                        RuleOptions.bind(meta, setting.options())));
            }
        }
        return active;
    }
}
