package dev.migralint.cli;

import dev.migralint.core.cache.DiskCache;
import dev.migralint.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.Optional;

/** The cache of unchanged files' results where the environment puts it, bounded by MIGRALINT_CACHE_MAX_MB. */
final class LintCaches {
    private LintCaches() {
    }

    /** The cache, or null when the environment names no folder for it (no HOME, as in most tests). */
    static DiskCache open(Environment env, RuleRegistry registry) {
        Optional<Path> dir = DiskCache.defaultDir(env.variables());
        if (dir.isEmpty()) {
            return null;
        }
        long max = DiskCache.DEFAULT_MAX_BYTES;
        String mb = env.variables().get("MIGRALINT_CACHE_MAX_MB");
        if (mb != null && !mb.isBlank()) {
            try {
                max = Long.parseLong(mb.trim()) << 20;
            } catch (NumberFormatException e) {
                throw new UsageException("MIGRALINT_CACHE_MAX_MB must be a number of megabytes, not '" + mb + "'");
            }
        }
        return DiskCache.forTool(env.resolve(dir.get()), registry, max);
    }
}
