package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the engine keeps the finished findings of lint units between runs ({@code core.cache} has the
 * one on disk). A unit is a migration chain, a query file or a mapper file; its key covers every input
 * its findings depend on, so a stored unit is used only when none of them changed.
 */
public interface LintCache {
    /** No cache: every unit is linted. */
    LintCache NONE = (config, baseDir) -> null;

    /** The cache for one run with this config and base directory, or null to lint without one. */
    Run open(Config config, Path baseDir);

    /** One run's view of the cache. Its methods are called from several threads. */
    interface Run {
        /**
         * The key of a unit: {@code unit} names its kind and identity (a chain's root and layout), then
         * the dialect it is linted in, its migrations (order, versions, modes, script options, each
         * file's path and content) and the keys of the units it is judged against.
         */
        String key(String unit, Dialect dialect, List<Migration> migrations, List<String> dependsOn);

        /**
         * The stored unit for {@code key} with its files resolved among {@code files} (by display
         * path), or null when there is none or it cannot be trusted (foreign, corrupt, tampered).
         */
        Unit load(String key, Map<String, SourceFile> files);

        /** Stores a unit whose findings point only into {@code files}; a unit it cannot store is skipped. */
        void store(String key, Unit unit, Map<String, SourceFile> files);

        /** The run is over, with {@code found} units taken from the cache and {@code linted} linted: time to bound its size. */
        void close(int found, int linted);
    }

    /** A unit's finished findings (suppressions and fingerprints applied), file by file, and its counts. */
    record Unit(List<Finding> findings, RunStats stats) {
        public Unit {
            findings = List.copyOf(findings);
        }
    }
}
