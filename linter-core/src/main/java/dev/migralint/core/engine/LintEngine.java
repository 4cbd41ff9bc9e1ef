package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.input.mybatis.MapperFiles;
import dev.migralint.core.input.mybatis.MapperFragments;
import dev.migralint.core.input.mybatis.MapperReader;
import dev.migralint.core.input.Excludes;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.migration.Discovery;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.MigrationDiscovery;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.query.SchemaTimeline;
import dev.migralint.core.queryfile.QueryFiles;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.schema.Schema;
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
import java.util.stream.IntStream;

/**
 * Runs the enabled rules over a request's migration chains and files and returns the report. Chains
 * are linted in parallel, the migrations of a chain in order (each sees the schema its predecessors
 * built); each run has its own state, so one engine serves many runs.
 */
public final class LintEngine {
    private static final Set<Category> QUERY_CATEGORIES = Set.of(Category.QUERY, Category.N_PLUS_ONE, Category.META);
    private final RuleRegistry registry;
    private final LintCache cache;

    public LintEngine(RuleRegistry registry) {
        this(registry, LintCache.NONE);
    }

    /** An engine that takes the findings of unchanged chains, query files and mappers from {@code cache}. */
    public LintEngine(RuleRegistry registry, LintCache cache) {
        this.registry = registry;
        this.cache = cache;
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
        MapperFiles.Found mappers = MapperFiles.find(request.paths(), request.baseDir(), request.texts());
        MapperFiles.Found queryMappers = MapperFiles.find(request.queries(), request.baseDir(), request.texts());
        QueryFiles.Found queries = queryMappers.otherPaths().isEmpty() ? new QueryFiles.Found(List.of(), List.of())
                : QueryFiles.discover(queryMappers.otherPaths(), request.baseDir(), request.texts());
        Discovery discovery = MigrationDiscovery.discover(mappers.otherPaths(), request.baseDir(), config.dialect(),
                config.detectDialect(), folderSettings(config), request.texts(), config.readOptions(),
                Excludes.of(config.exclude(), excludeBase));
        // A query file under a migration folder named too is a query file, not a migration.
        Set<Path> queryFiles = queries.scripts().stream().map(q -> q.file().path()).collect(Collectors.toSet());
        List<MigrationChain> chains = chains(discovery).stream()
                .filter(c -> !(c.migrations().size() == 1 && queryFiles.contains(c.migrations().get(0).up().file().path())))
                .toList();
        List<SourceFile> mapperFiles = new ArrayList<>(mappers.mappers());
        mapperFiles.addAll(queryMappers.mappers());
        List<InputProblem> problems = new ArrayList<>(discovery.problems());
        problems.addAll(queries.problems());
        problems.addAll(mappers.problems());
        problems.addAll(queryMappers.problems());
        CachedUnits cached = CachedUnits.plan(cache.open(config, request.baseDir()), chains, queries.scripts(),
                mapperFiles, config.dialect());
        Report report = lint(chains, queries.scripts(), mapperFiles, problems, config, request.baseDir(), cached);
        if (report == null) {
            // a unit linted reached into a cached unit's files: linted again as a whole
            report = lint(chains, queries.scripts(), mapperFiles, problems, config, request.baseDir(), CachedUnits.OFF);
        }
        cached.close();
        return config.queryLogs().isEmpty() ? report : withQueryLogs(report, config, request.baseDir());
    }

    /** The report with the findings of the config's query logs (paths relative to the config file's folder) added. */
    /** The config's folder settings by absolute path: its paths are the config folder's, not the base directory's. */
    private static Map<String, FolderSettings> folderSettings(Config config) {
        if (config.source() == null) {
            return config.folders();
        }
        Path folder = config.source().toAbsolutePath().getParent();
        Map<String, FolderSettings> absolute = new LinkedHashMap<>();
        config.folders().forEach((p, s) -> absolute.put(folder.resolve(p).normalize().toString(), s));
        return absolute;
    }

    private Report withQueryLogs(Report report, Config config, Path baseDir) {
        Path folder = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        List<Path> logs = config.queryLogs().stream()
                .map(p -> folder == null ? Path.of(p) : folder.resolve(p).normalize()).toList();
        QueryLogLinter.Result logged = new QueryLogLinter(activeRules(config), config.logLinePrefix()).lint(logs, baseDir);
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.addAll(logged.findings());
        List<InputProblem> problems = new ArrayList<>(report.problems());
        problems.addAll(logged.problems());
        return new Report(findings, problems, report.rules(), report.baseDir(),
                report.stats().plus(new RunStats(logged.files(), 0, 0, 0, 0, 0)));
    }

    /** The discovered chains, then each file that belongs to none as a chain of its own. */
    static List<MigrationChain> chains(Discovery discovery) {
        List<MigrationChain> chains = new ArrayList<>(discovery.chains());
        for (SourceFile loose : discovery.unchained()) {
            chains.add(chainOf(List.of(loose)).withDialect(discovery.dialectOf(loose)));
        }
        return chains;
    }

    /**
     * Lints files already in memory as one plain chain: each file a migration, in the order given,
     * so later files see the schema earlier ones built.
     */
    public Report lintSources(List<SourceFile> files, Config config) {
        List<SourceFile> mappers = files.stream().filter(LintEngine::isMapper).toList();
        List<SourceFile> sql = files.stream().filter(f -> !isMapper(f)).toList();
        return lint(sql.isEmpty() ? List.of() : List.of(chainOf(sql)), List.of(), mappers, List.of(), config,
                Path.of("").toAbsolutePath(), CachedUnits.OFF);
    }

    private static boolean isMapper(SourceFile f) {
        return f.displayPath().toLowerCase(java.util.Locale.ROOT).endsWith(".xml") && MapperReader.isMapper(f.text());
    }

    private static MigrationChain chainOf(List<SourceFile> files) {
        List<Migration> migrations = new ArrayList<>();
        for (SourceFile f : files) {
            migrations.add(new Migration(null, f.displayPath(), Layout.PLAIN, MigrationScript.whole(f), null,
                    TransactionMode.NO_TRANSACTION, false, false));
        }
        return new MigrationChain(files.get(0).displayPath(), Layout.PLAIN, migrations);
    }

    /** The report, or null when {@code cached} cannot serve this run (see {@link CachedUnits#bind}). */
    private Report lint(List<MigrationChain> chains, List<MigrationScript> allQueries, List<SourceFile> allMappers,
                        List<InputProblem> problems, Config config, Path baseDir, CachedUnits cached) {
        List<ActiveRule> active = activeRules(config);
        Set<String> known = registry.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        RuleFailures failures = new RuleFailures();
        ThreadLocal<ChainLinters> linters = ThreadLocal.withInitial(() -> new ChainLinters(config, active, failures));
        List<ChainLinter.Result> results = new ArrayList<>(IntStream.range(0, chains.size()).parallel()
                .mapToObj(i -> cached.skip(i) ? CachedUnits.SKIPPED : linters.get().lint(chains.get(i))).toList());
        List<SourceFile> mappers = cached.mappersToLint(allMappers);
        List<MigrationScript> queries = cached.queriesToLint(allQueries);
        List<MapperLinter.Result> mapperResults = lintMappers(mappers, results, config, active, failures);
        if (!queries.isEmpty()) {
            List<SchemaTimeline.Step> history = queryHistory(chains, results, config);
            Schema end = history.isEmpty() ? Schema.empty(config.dialect()) : history.get(history.size() - 1).after();
            results.addAll(queries.parallelStream()
                    .map(q -> linters.get().of(config.dialect()).lintQueries(q, end, history)).toList());
        }
        if (!cached.bind(results, mapperResults)) {
            return null;
        }

        // Group by file: a file's findings may come from several chains (a schema rule pointing back
        // into it) and several scripts (dbmate sections, Liquibase changesets).
        Map<SourceFile, List<Finding>> findingsByFile = new LinkedHashMap<>();
        Map<SourceFile, List<ScriptStatement>> statementsByFile = new LinkedHashMap<>();
        Set<SourceFile> files = new LinkedHashSet<>();
        RunStats stats = cached.cachedStats();
        for (ChainLinter.Result r : results) {
            for (ScriptStatement s : r.statements()) {
                statementsByFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
            }
            for (Finding f : r.findings()) {
                findingsByFile.computeIfAbsent(f.location().file(), x -> new ArrayList<>()).add(f);
            }
            stats = stats.plus(r.stats());
        }
        Map<SourceFile, Dialect> dialects = new HashMap<>();
        for (MapperLinter.Result r : mapperResults) {
            r.findings().forEach(f -> findingsByFile.computeIfAbsent(f.location().file(), x -> new ArrayList<>()).add(f));
            stats = stats.plus(r.stats());
        }
        files.addAll(allMappers);
        for (MigrationChain c : chains) {
            for (Migration m : c.migrations()) {
                files.add(m.up().file());
                dialects.putIfAbsent(m.up().file(), c.dialectOr(config.dialect()));
                if (m.down() != null) {
                    files.add(m.down().file());
                    dialects.putIfAbsent(m.down().file(), c.dialectOr(config.dialect()));
                }
            }
        }
        allQueries.forEach(q -> files.add(q.file()));
        files.addAll(findingsByFile.keySet());
        FileFindings finishing = new FileFindings(active, known,
                config.source() == null ? null : config.source().toAbsolutePath().getParent());
        Map<SourceFile, List<Finding>> finished = cached.cached();
        Map<SourceFile, List<Finding>> fresh = files.parallelStream().filter(f -> !finished.containsKey(f))
                .collect(Collectors.toConcurrentMap(f -> f, f -> finishing.finish(f,
                        lexOptions(config, dialects.getOrDefault(f, config.dialect())),
                        findingsByFile.getOrDefault(f, List.of()), statementsByFile.getOrDefault(f, List.of()))));
        finished.putAll(fresh);
        List<InputProblem> failed = failures.problems();
        if (failed.isEmpty()) {
            // a rule that failed left its files' findings incomplete: they are linted again next run
            cached.store(finished);
        }
        List<InputProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(failed);
        List<Finding> findings = new ArrayList<>();
        files.forEach(f -> findings.addAll(finished.get(f)));
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
        allProblems.forEach(p -> counted.add(p.location().file().displayPath()));
        stats = stats.plus(new RunStats(counted.size(), 0, 0, 0, 0, 0));
        List<RuleMeta> metas = active.stream().map(ActiveRule::effectiveMeta).toList();
        return new Report(findings, allProblems, metas, baseDir, stats);
    }

    /**
     * The history query files are judged against: the one chain's, or every chain's migrations one
     * after the other (as when a schema is split over several plain files), replayed without rules.
     */
    private static List<SchemaTimeline.Step> queryHistory(List<MigrationChain> chains, List<ChainLinter.Result> results,
                                                          Config config) {
        if (chains.size() == 1) {
            return ChainLinter.history(chains.get(0), results.get(0).schemas());
        }
        List<Migration> all = new ArrayList<>();
        chains.forEach(c -> all.addAll(c.migrations()));
        if (all.isEmpty()) {
            return List.of();
        }
        MigrationChain joined = new MigrationChain("queries", Layout.PLAIN, all);
        return ChainLinter.history(joined, chainLinter(config, List.of(), new RuleFailures()).lint(joined, all.size(), false).schemas());
    }

    /**
     * Lints the MyBatis mapper files against the schema the run's migrations built: of several
     * chains, the one whose final schema has the most tables (a project's main migration history).
     */
    private static List<MapperLinter.Result> lintMappers(List<SourceFile> mappers, List<ChainLinter.Result> chains,
                                                         Config runConfig, List<ActiveRule> rules,
                                                         RuleFailures failures) {
        if (mappers.isEmpty()) {
            return List.of();
        }
        Schema schema = chains.stream().filter(r -> !r.schemas().isEmpty())
                .map(r -> r.schemas().get(r.schemas().size() - 1))
                .max(Comparator.comparingInt(s -> s.tables().size()))
                .orElse(Schema.empty(runConfig.dialect()));
        // the mappers run on the database those migrations are for (a detected MySQL history: MySQL)
        Config config = runConfig.detectDialect() ? runConfig.withDialect(schema.dialect()) : runConfig;
        // a mapper's statements are the application's queries, not migrations: only query rules judge them
        List<ActiveRule> queryRules = rules.stream().filter(r -> QUERY_CATEGORIES.contains(r.rule().meta().category()))
                .toList();
        LexOptions lexOptions = new LexOptions(config.dialect(), config.placeholders(), config.atPlaceholders());
        ThreadLocal<MapperLinter> linters = ThreadLocal.withInitial(() -> {
            StatementParser parser = new StatementParser(config.dialect());
            return new MapperLinter(queryRules, new ScriptLinter(config, queryRules, parser, lexOptions, new RuleFailures()),
                    parser, config.dialect(), failures);
        });
        MapperFragments fragments = MapperFragments.of(mappers);
        return mappers.parallelStream().map(f -> linters.get().lint(f, schema, fragments)).toList();
    }

    /** A linter for one thread: the parser it holds is not thread-safe. */
    static ChainLinter chainLinter(Config config, List<ActiveRule> rules, RuleFailures failures) {
        return new ChainLinter(config, rules, new ScriptLinter(config, rules, new StatementParser(config.dialect()),
                lexOptions(config, config.dialect()), failures));
    }

    private static LexOptions lexOptions(Config config, Dialect dialect) {
        return new LexOptions(dialect, config.placeholders(), config.atPlaceholders());
    }

    /**
     * One thread's chain linters, one per dialect met: each chain is lexed, parsed, replayed and
     * linted in its own dialect, and rules whose dialects exclude it do not run on it.
     */
    static final class ChainLinters {
        private final Config config;
        private final List<ActiveRule> rules;
        private final RuleFailures failures;
        private final Map<Dialect, ChainLinter> byDialect = new java.util.EnumMap<>(Dialect.class);

        ChainLinters(Config config, List<ActiveRule> rules, RuleFailures failures) {
            this.config = config;
            this.rules = rules;
            this.failures = failures;
        }

        ChainLinter of(MigrationChain chain) {
            return of(chain.dialectOr(config.dialect()));
        }

        ChainLinter of(Dialect d) {
            return byDialect.computeIfAbsent(d, x -> chainLinter(x == config.dialect() ? config : config.withDialect(x),
                    rules, failures));
        }

        ChainLinter.Result lint(MigrationChain chain) {
            return of(chain).lint(chain);
        }
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
