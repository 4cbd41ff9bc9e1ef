package dev.migralint.core.cache;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.engine.LintCache;
import dev.migralint.core.input.AtomicFile;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The lint cache on disk: one file per unit, named by its key, in {@code <dir>/results}. Entries are
 * written whole through a temporary file and a rename, so concurrent runs each see a complete entry
 * or none; one that does not read back exactly (see {@link EntryCodec}) is a miss and is rewritten.
 * Each use refreshes an entry's modification time (at most hourly), and a run that stored anything
 * then deletes the least recently used entries beyond the size bound.
 */
public final class DiskCache implements LintCache {
    /** The default bound on the entries' total size. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    private static final Duration TOUCH_AFTER = Duration.ofHours(1);
    /**
     * How often a run that stored something looks at the cache's size: listing every entry cost a
     * second or more per run once the cache held 100,000 of them, and a run writes little. Between
     * looks the cache may pass its bound by what those runs wrote.
     */
    static final Duration EVICT_EVERY = Duration.ofMinutes(10);
    /** Beside the entries (not among them): its modification time is the last look at the size. */
    static final String EVICTION_STAMP = "last-eviction";

    /**
     * What the runs did with the cache, for {@code --debug} and tests: units whose findings came from it,
     * units linted, entries read, written and rejected (corrupt, truncated, foreign).
     */
    public record Stats(int found, int linted, int read, int stored, int rejected) {
    }

    private final Path entries;
    private final String toolIdentity;
    private final long maxBytes;
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger linted = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    /** {@code toolIdentity}: what tells this build from another (see {@link #forTool}). */
    public DiskCache(Path dir, String toolIdentity, long maxBytes) {
        this.entries = dir.resolve("results");
        this.toolIdentity = toolIdentity;
        this.maxBytes = maxBytes;
    }

    /** A cache in {@code dir} for the code these rules and the engine were loaded from. */
    public static DiskCache forTool(Path dir, RuleRegistry registry, long maxBytes) {
        return new DiskCache(dir, ToolIdentity.of(registry), maxBytes);
    }

    /**
     * The cache folder by the environment's variables: {@code MIGRALINT_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/migralint}, else on Windows {@code %LOCALAPPDATA%\migralint}, else
     * {@code $HOME/.cache/migralint}; empty when none of them is set.
     */
    public static Optional<Path> defaultDir(Map<String, String> env) {
        String own = env.get("MIGRALINT_CACHE_DIR");
        if (set(own)) {
            return Optional.of(Path.of(own));
        }
        if (set(env.get("XDG_CACHE_HOME"))) {
            return Optional.of(Path.of(env.get("XDG_CACHE_HOME"), "migralint"));
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows && set(env.get("LOCALAPPDATA"))) {
            return Optional.of(Path.of(env.get("LOCALAPPDATA"), "migralint"));
        }
        return set(env.get("HOME")) ? Optional.of(Path.of(env.get("HOME"), ".cache", "migralint")) : Optional.empty();
    }

    private static boolean set(String v) {
        return v != null && !v.isBlank();
    }

    /** The folder the entries are in. */
    public Path dir() {
        return entries.getParent();
    }

    public Stats stats() {
        return new Stats(found.get(), linted.get(), read.get(), stored.get(), rejected.get());
    }

    @Override
    public LintCache.Run open(Config config, Path baseDir) {
        StringBuilder settings = new StringBuilder("format ").append(EntryCodec.FORMAT).append('\n');
        CacheKeys.spell(toolIdentity, settings);
        CacheKeys.spell(config, settings);
        CacheKeys.spell(baseDir.toAbsolutePath().normalize().toString(), settings);
        String runKey = CacheKeys.hash(settings.toString());
        return new Run(runKey);
    }

    private final class Run implements LintCache.Run {
        private final String runKey;
        private final java.util.concurrent.atomic.AtomicBoolean wrote = new java.util.concurrent.atomic.AtomicBoolean();

        Run(String runKey) {
            this.runKey = runKey;
        }

        @Override
        public String key(String unit, Dialect dialect, List<Migration> migrations, List<String> dependsOn) {
            return CacheKeys.unit(runKey, unit, dialect, migrations, dependsOn);
        }

        @Override
        public Unit load(String key, Map<String, SourceFile> files) {
            Path file = entries.resolve(key);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                // absent, or deleted by another run's eviction meanwhile: linted again
                return null;
            }
            try {
                Unit unit = EntryCodec.decode(bytes, key, files);
                touch(file);
                read.incrementAndGet();
                return unit;
            } catch (EntryCodec.BadEntry e) {
                rejected.incrementAndGet();
                return null;
            }
        }

        @Override
        public void store(String key, Unit unit, Map<String, SourceFile> files) {
            try {
                byte[] bytes = EntryCodec.encode(key, unit, files);
                AtomicFile.write(entries.resolve(key), out -> out.write(bytes));
                stored.incrementAndGet();
                wrote.set(true);
            } catch (EntryCodec.BadEntry | IOException e) {
                // Not storable (a finding outside the run's files) or no room: the run's result stands.
            }
        }

        @Override
        public void close(int foundUnits, int lintedUnits) {
            found.addAndGet(foundUnits);
            linted.addAndGet(lintedUnits);
            if (wrote.get() && evictionDue()) {
                evict();
            }
        }
    }

    /** Whether the last look at the size is older than {@link #EVICT_EVERY}; if so, marks this one. */
    private boolean evictionDue() {
        Path stamp = entries.resolveSibling(EVICTION_STAMP);
        try {
            Instant now = Instant.now();
            if (Files.exists(stamp) && Files.getLastModifiedTime(stamp).toInstant().plus(EVICT_EVERY).isAfter(now)) {
                return false;
            }
            Files.write(stamp, new byte[0]);
        } catch (IOException e) {
            // no stamp to be had (a read-only folder): look every time, as before
        }
        return true;
    }

    private static void touch(Path file) {
        try {
            FileTime now = FileTime.from(Instant.now());
            if (Files.getLastModifiedTime(file).toInstant().plus(TOUCH_AFTER).isBefore(now.toInstant())) {
                Files.setLastModifiedTime(file, now);
            }
        } catch (IOException e) {
            // a read-only cache still serves; its order of eviction is then its order of writing
        }
    }

    /** Deletes the least recently used entries until the rest fit in three quarters of the bound. */
    void evict() {
        record Entry(Path path, long size, FileTime used) {
        }
        List<Entry> all = new ArrayList<>();
        try (Stream<Path> list = Files.list(entries)) {
            list.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    all.add(new Entry(p, a.size(), a.lastModifiedTime()));
                } catch (IOException e) {
                    // gone meanwhile: nothing to count
                }
            });
        } catch (IOException e) {
            return;
        }
        long total = all.stream().mapToLong(Entry::size).sum();
        if (total <= maxBytes) {
            return;
        }
        all.sort(Comparator.comparing(Entry::used));
        for (Entry e : all) {
            if (total <= maxBytes / 4 * 3) {
                break;
            }
            try {
                Files.deleteIfExists(e.path());
            } catch (IOException ex) {
                continue;
            }
            total -= e.size();
        }
    }
}
