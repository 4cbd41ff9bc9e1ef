package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One run's use of a {@link LintCache}: the units (each chain, query file and mapper file) with their
 * keys and what the cache holds for them. A unit found is not linted; its files take the stored
 * findings instead of being finished again. A unit linted is stored when its findings lie in its own
 * files only and no other unit's findings or statements reach them, so that its finished findings
 * depend on its own inputs alone.
 */
final class CachedUnits {
    /** The result standing in for a chain the cache answered. */
    static final ChainLinter.Result SKIPPED = new ChainLinter.Result(List.of(), List.of(), List.of(), List.of(),
            RunStats.EMPTY);
    static final CachedUnits OFF = new CachedUnits(null, List.of(), Map.of());

    /** A unit: its key (null when it cannot be cached), its own files, and the stored unit if found. */
    private static final class Slot {
        final String key;
        final List<SourceFile> own;
        LintCache.Unit hit;
        List<Finding> findings;
        List<ScriptStatement> statements = List.of();
        RunStats stats = RunStats.EMPTY;

        Slot(String key, List<SourceFile> own) {
            this.key = key;
            this.own = own;
        }
    }

    private final LintCache.Run run;
    private final List<Slot> slots;
    private final Map<String, SourceFile> files;
    private int chains;
    private int queries;

    private CachedUnits(LintCache.Run run, List<Slot> slots, Map<String, SourceFile> files) {
        this.run = run;
        this.slots = slots;
        this.files = files;
    }

    static CachedUnits plan(LintCache.Run run, List<MigrationChain> chains, List<MigrationScript> queries,
                            List<SourceFile> mappers, Dialect dialect) {
        if (run == null) {
            return OFF;
        }
        List<List<SourceFile>> owned = new ArrayList<>();
        chains.forEach(c -> owned.add(filesOf(c.migrations())));
        queries.forEach(q -> owned.add(List.of(q.file())));
        mappers.forEach(m -> owned.add(List.of(m)));
        // Findings are stored by display path: two files under one name, or one file in two units,
        // cannot be told apart, so such units are linted every time.
        Map<String, SourceFile> byPath = new HashMap<>();
        Map<SourceFile, Integer> owners = new IdentityHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (List<SourceFile> own : owned) {
            for (SourceFile f : own) {
                owners.merge(f, 1, Integer::sum);
                SourceFile seen = byPath.putIfAbsent(f.displayPath(), f);
                if (seen != null && seen != f) {
                    ambiguous.add(f.displayPath());
                }
            }
        }
        ambiguous.forEach(byPath::remove);
        String[] keys = new String[owned.size()];
        IntStream.range(0, chains.size()).parallel().forEach(i -> {
            MigrationChain c = chains.get(i);
            keys[i] = cacheable(owned.get(i), owners, byPath) ? run.key("chain " + c.displayRoot() + " " + c.layout(),
                    c.dialectOr(dialect), c.migrations(), List.of()) : null;
        });
        List<String> chainKeys = java.util.Arrays.asList(keys).subList(0, chains.size());
        boolean chainsKeyed = chainKeys.stream().allMatch(k -> k != null);
        // A mapper may <include> another mapper's fragment: each mapper depends on every mapper's text.
        List<String> mapperDeps = new ArrayList<>(chainKeys);
        if (!mappers.isEmpty()) {
            mapperDeps.add(run.key("mappers", dialect, mappers.stream().map(m -> new Migration(null,
                    m.displayPath(), Layout.PLAIN, MigrationScript.whole(m), null, TransactionMode.NO_TRANSACTION,
                    false, false)).toList(), List.of()));
        }
        for (int i = chains.size(); i < owned.size(); i++) {
            boolean query = i < chains.size() + queries.size();
            MigrationScript script = query ? queries.get(i - chains.size())
                    : MigrationScript.whole(mappers.get(i - chains.size() - queries.size()));
            keys[i] = chainsKeyed && cacheable(owned.get(i), owners, byPath)
                    ? run.key(query ? "query" : "mapper", dialect, List.of(new Migration(null,
                    script.file().displayPath(), Layout.PLAIN, script, null, TransactionMode.NO_TRANSACTION, false,
                    false)), query ? chainKeys : mapperDeps) : null;
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < owned.size(); i++) {
            slots.add(new Slot(keys[i], owned.get(i)));
        }
        slots.parallelStream().filter(s -> s.key != null).forEach(s -> s.hit = run.load(s.key, byPath));
        CachedUnits plan = new CachedUnits(run, slots, byPath);
        plan.chains = chains.size();
        plan.queries = queries.size();
        // Query and mapper files are judged against the chains' schemas, which only linting gives.
        if (plan.slots.subList(chains.size(), slots.size()).stream().anyMatch(s -> s.hit == null)) {
            plan.slots.subList(0, chains.size()).forEach(s -> s.hit = null);
        }
        return plan;
    }

    private static boolean cacheable(List<SourceFile> own, Map<SourceFile, Integer> owners, Map<String, SourceFile> byPath) {
        return own.stream().allMatch(f -> owners.get(f) == 1 && byPath.get(f.displayPath()) == f);
    }

    private static List<SourceFile> filesOf(List<Migration> migrations) {
        Set<SourceFile> files = java.util.Collections.newSetFromMap(new LinkedHashMap<>());
        for (Migration m : migrations) {
            files.add(m.up().file());
            if (m.down() != null) {
                files.add(m.down().file());
            }
        }
        return List.copyOf(files);
    }

    boolean skip(int chain) {
        return !slots.isEmpty() && slots.get(chain).hit != null;
    }

    List<MigrationScript> queriesToLint(List<MigrationScript> all) {
        return missed(all, chains);
    }

    List<SourceFile> mappersToLint(List<SourceFile> all) {
        return missed(all, chains + queries);
    }

    private <T> List<T> missed(List<T> all, int from) {
        if (slots.isEmpty()) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (slots.get(from + i).hit == null) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** The stored findings of the units found, by file: every own file of theirs, in order, with its findings. */
    Map<SourceFile, List<Finding>> cached() {
        Map<SourceFile, List<Finding>> byFile = new IdentityHashMap<>();
        for (Slot s : slots) {
            if (s.hit != null) {
                s.own.forEach(f -> byFile.put(f, new ArrayList<>()));
                s.hit.findings().forEach(f -> byFile.get(f.location().file()).add(f));
            }
        }
        return byFile;
    }

    RunStats cachedStats() {
        return slots.stream().filter(s -> s.hit != null).map(s -> s.hit.stats()).reduce(RunStats.EMPTY, RunStats::plus);
    }

    /**
     * Binds the results of the units linted, in the engine's order: {@code results} holds one per chain
     * ({@link #SKIPPED} for those found) and then one per query file linted; {@code mapperResults} one
     * per mapper linted. Returns false when a linted unit reaches into the files of a unit found, whose
     * stored findings would then be incomplete: the run must be done again without the cache.
     */
    boolean bind(List<ChainLinter.Result> results, List<MapperLinter.Result> mapperResults) {
        int next = chains;
        int nextMapper = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.hit != null) {
                continue;
            }
            if (i < chains + queries) {
                ChainLinter.Result r = results.get(i < chains ? i : next++);
                s.findings = r.findings();
                s.statements = r.statements();
                s.stats = r.stats();
            } else {
                MapperLinter.Result r = mapperResults.get(nextMapper++);
                s.findings = r.findings();
                s.stats = r.stats();
            }
        }
        Map<SourceFile, List<Finding>> cached = cached();
        return slots.stream().filter(s -> s.hit == null).noneMatch(s -> touches(s).stream().anyMatch(cached::containsKey));
    }

    /** The files a linted unit's findings and statements are in. */
    private static Set<SourceFile> touches(Slot s) {
        Set<SourceFile> touched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        s.findings.forEach(f -> touched.add(f.location().file()));
        s.statements.forEach(st -> touched.add(st.file()));
        return touched;
    }

    /** Stores every unit linted whose finished findings ({@code finished}, by file) are its own alone. */
    void store(Map<SourceFile, List<Finding>> finished) {
        if (run == null) {
            return;
        }
        Map<SourceFile, Integer> reach = new IdentityHashMap<>();
        slots.stream().filter(s -> s.hit == null).forEach(s -> touches(s).forEach(f -> reach.merge(f, 1, Integer::sum)));
        for (Slot s : slots) {
            if (s.hit != null || s.key == null) {
                continue;
            }
            Set<SourceFile> touched = touches(s);
            if (!s.own.containsAll(touched)
                    || touched.stream().anyMatch(f -> reach.get(f) > 1)) {
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            s.own.forEach(f -> findings.addAll(finished.getOrDefault(f, List.of())));
            run.store(s.key, new LintCache.Unit(findings, s.stats), files);
        }
    }

    void close() {
        if (run != null) {
            int found = (int) slots.stream().filter(s -> s.hit != null).count();
            run.close(found, slots.size() - found);
        }
    }
}
