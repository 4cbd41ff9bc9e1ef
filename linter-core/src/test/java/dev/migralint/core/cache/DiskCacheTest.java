package dev.migralint.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.LintCache;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
    private static final SourceFile V1 = SourceFile.of("db/V1__a.sql", "CREATE TABLE t (c char(2));\n");
    private static final SourceFile V2 = SourceFile.of("db/V2__b.sql", "CREATE INDEX i ON t (c);\n");
    private static final Map<String, SourceFile> FILES = Map.of(V1.displayPath(), V1, V2.displayPath(), V2);

    @TempDir
    Path dir;

    private static Migration migration(SourceFile f) {
        return new Migration("1", f.displayPath(), Layout.FLYWAY, MigrationScript.whole(f), null,
                TransactionMode.IN_TRANSACTION, false, false);
    }

    /** A finding with every part a reporter shows: related places, a fix, a suppression, properties of each type. */
    private static Finding everything() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("count", 3);
        properties.put("big", 3L);
        properties.put("ratio", 0.1f);
        properties.put("share", 0.25);
        properties.put("exact", new BigDecimal("1.50"));
        properties.put("flag", true);
        properties.put("name", "x \"quoted\"\n");
        return new Finding("require-concurrent-index", Severity.WARNING, "CREATE INDEX i blocks writes",
                new Location.Span(V2, new TextRange(0, 23)), "Build it concurrently: ü",
                List.of(new RelatedLocation(new Location.Span(V1, new TextRange(13, 14)), "t is created here"),
                        new RelatedLocation(new Location.WholeFile(V1), "here")),
                new Fix("add CONCURRENTLY", List.of(new Fix.Edit(new TextRange(12, 12), " CONCURRENTLY"),
                        new Fix.Edit(new TextRange(0, 0), ""))),
                new Suppression(Suppression.Kind.INLINE, "on purpose", new Location.Span(V2, new TextRange(1, 2))),
                "abc:1", properties);
    }

    private static LintCache.Unit unit() {
        Finding bare = new Finding("ban-char", Severity.ERROR, "char", new Location.WholeFile(V1), null, List.of(),
                null, null, null);
        return new LintCache.Unit(List.of(bare, everything()), new RunStats(1, 2, 3, 4, 5, 6, 7, 8));
    }

    private LintCache.Run open(String tool, Config config) {
        return new DiskCache(dir, tool, DiskCache.DEFAULT_MAX_BYTES).open(config, dir);
    }

    private static String key(LintCache.Run run) {
        return run.key("chain db flyway", Dialect.POSTGRESQL, List.of(migration(V1), migration(V2)), List.of());
    }

    @Test
    void aUnitRoundTripsExactly() {
        LintCache.Run run = open("tool-1", Config.defaults());
        run.store(key(run), unit(), FILES);

        LintCache.Unit back = open("tool-1", Config.defaults()).load(key(run), FILES);

        assertThat(back).isEqualTo(unit());
        Finding f = back.findings().get(1);
        assertThat(f.properties()).containsExactlyEntriesOf(everything().properties());
        assertThat(f.properties().get("big")).isInstanceOf(Long.class);
        assertThat(f.properties().get("ratio")).isInstanceOf(Float.class);
        assertThat(f.location().file()).isSameAs(V2);
        assertThat(f.related().get(0).location().file()).isSameAs(V1);
    }

    @Test
    void keysChangeWithTheToolTheConfigAndEachFile() {
        String base = key(open("tool-1", Config.defaults()));

        assertThat(key(open("tool-2", Config.defaults()))).isNotEqualTo(base);
        assertThat(key(open("tool-1", Config.defaults().withExclude(List.of("x"))))).isNotEqualTo(base);
        assertThat(key(open("tool-1", Config.defaults().withDialect(Dialect.MYSQL)))).isNotEqualTo(base);
        LintCache.Run run = open("tool-1", Config.defaults());
        SourceFile edited = SourceFile.of(V2.displayPath(), V2.text().replace("i ON", "j ON"));
        assertThat(run.key("chain db flyway", Dialect.POSTGRESQL, List.of(migration(V1), migration(edited)), List.of()))
                .isNotEqualTo(base);
        assertThat(run.key("chain db flyway", Dialect.POSTGRESQL, List.of(migration(V1)), List.of())).isNotEqualTo(base);
        assertThat(run.key("chain db flyway", Dialect.POSTGRESQL, List.of(migration(V1), migration(V2)), List.of("k")))
                .isNotEqualTo(base);
        assertThat(key(open("tool-1", Config.defaults()))).isEqualTo(base);
    }

    @Test
    void anotherBuildsEntryIsNeverRead() throws IOException {
        LintCache.Run old = open("tool-1", Config.defaults());
        old.store(key(old), unit(), FILES);
        LintCache.Run now = open("tool-2", Config.defaults());
        // even an entry moved under the new key's name is refused: the key inside it is the old one
        Files.copy(entries().get(0), dir.resolve("results").resolve(key(now)));

        assertThat(now.load(key(now), FILES)).isNull();
    }

    @Test
    void corruptEntriesAreRejected() throws IOException {
        DiskCache cache = new DiskCache(dir, "tool-1", DiskCache.DEFAULT_MAX_BYTES);
        LintCache.Run run = cache.open(Config.defaults(), dir);
        String key = key(run);
        run.store(key, unit(), FILES);
        Path entry = dir.resolve("results").resolve(key);
        byte[] good = Files.readAllBytes(entry);

        for (byte[] bad : List.of(new byte[0], java.util.Arrays.copyOf(good, good.length - 3),
                new String(good, java.nio.charset.StandardCharsets.UTF_8).replace("\"ban-char\"", "\"ban-chaz\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new String(good, java.nio.charset.StandardCharsets.UTF_8).replace("migralint-cache 1 ", "migralint-cache 0 ")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            Files.write(entry, bad);
            assertThat(run.load(key, FILES)).isNull();
        }
        assertThat(cache.stats().rejected()).isEqualTo(4);
        Files.write(entry, good);
        assertThat(run.load(key, FILES)).isEqualTo(unit());
    }

    @Test
    void anEntryNamingAFileTheRunDoesNotReadIsRejected() {
        LintCache.Run run = open("tool-1", Config.defaults());
        run.store(key(run), unit(), FILES);

        assertThat(run.load(key(run), Map.of(V2.displayPath(), V2))).isNull();
        SourceFile shorter = SourceFile.of(V2.displayPath(), "x");
        assertThat(run.load(key(run), Map.of(V1.displayPath(), V1, V2.displayPath(), shorter))).isNull();
    }

    @Test
    void aFindingOutsideTheRunsFilesIsNotStored() throws IOException {
        LintCache.Run run = open("tool-1", Config.defaults());
        SourceFile stranger = SourceFile.of(V1.displayPath(), V1.text());
        Finding f = new Finding("ban-char", Severity.ERROR, "char", new Location.WholeFile(stranger), null, List.of(),
                null, null, null);

        run.store(key(run), new LintCache.Unit(List.of(f), RunStats.EMPTY), FILES);

        assertThat(dir.resolve("results")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void theLeastRecentlyUsedEntriesGoBeyondTheBound() throws IOException {
        DiskCache cache = new DiskCache(dir, "tool-1", 4000);
        LintCache.Run run = cache.open(Config.defaults(), dir);
        for (int i = 0; i < 6; i++) {
            String key = run.key("chain " + i, Dialect.POSTGRESQL, List.of(), List.of());
            run.store(key, unit(), FILES);
            Files.setLastModifiedTime(dir.resolve("results").resolve(key), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        long size = Files.size(entries().get(0));
        run.close(0, 6);

        List<Path> left = entries();
        assertThat(left.stream().mapToLong(p -> p.toFile().length()).sum()).isLessThanOrEqualTo(3000);
        assertThat(left).hasSize((int) (3000 / size));
        // the newest are kept
        assertThat(left).contains(dir.resolve("results").resolve(run.key("chain 5", Dialect.POSTGRESQL, List.of(),
                List.of())));
    }

    @Test
    void theSizeIsLookedAtOnceInAWhile() throws IOException {
        DiskCache cache = new DiskCache(dir, "tool-1", 4000);
        LintCache.Run first = cache.open(Config.defaults(), dir);
        first.store(first.key("chain 0", Dialect.POSTGRESQL, List.of(), List.of()), unit(), FILES);
        first.close(0, 1);
        LintCache.Run second = cache.open(Config.defaults(), dir);
        for (int i = 1; i < 6; i++) {
            second.store(second.key("chain " + i, Dialect.POSTGRESQL, List.of(), List.of()), unit(), FILES);
        }
        second.close(0, 5);
        assertThat(entries()).as("within the interval, over the bound but not looked at").hasSize(6);

        Files.setLastModifiedTime(dir.resolve(DiskCache.EVICTION_STAMP),
                FileTime.from(Instant.now().minus(DiskCache.EVICT_EVERY).minusSeconds(1)));
        LintCache.Run third = cache.open(Config.defaults(), dir);
        third.store(third.key("chain 6", Dialect.POSTGRESQL, List.of(), List.of()), unit(), FILES);
        third.close(0, 1);
        assertThat(entries().stream().mapToLong(p -> p.toFile().length()).sum()).isLessThanOrEqualTo(3000);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("results"))) {
            return list.sorted().toList();
        }
    }

    @Test
    void theFolderFollowsTheEnvironment() {
        assertThat(DiskCache.defaultDir(Map.of("MIGRALINT_CACHE_DIR", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")))
                .contains(Path.of("/c"));
        assertThat(DiskCache.defaultDir(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"))).contains(Path.of("/x", "migralint"));
        assertThat(DiskCache.defaultDir(Map.of("HOME", "/h"))).contains(Path.of("/h", ".cache", "migralint"));
        assertThat(DiskCache.defaultDir(Map.of())).isEmpty();
    }
}
