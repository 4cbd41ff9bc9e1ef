package dev.migralint.core.engine;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.migration.Discovery;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.MigrationDiscovery;
import dev.migralint.core.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays migration chains into schemas without running any rule: the same discovery, front end and
 * replay as {@link LintEngine} (it drives the engine's own chain linter with no rules), so the schema
 * it gives is the one rules see. Down scripts are not read: a down is never replayed forward.
 * Not thread-safe: the parser it holds serves one thread; make one per thread.
 */
public final class SchemaBuilder {
    /** The chains found under some paths, and the files that could not be read. */
    public record Found(List<MigrationChain> chains, List<InputProblem> problems) {
        public Found {
            chains = List.copyOf(chains);
            problems = List.copyOf(problems);
        }
    }

    private final Config config;
    private final LintEngine.ChainLinters linters;

    public SchemaBuilder(Config config) {
        this.config = config;
        this.linters = new LintEngine.ChainLinters(config, List.of(), new RuleFailures());
    }

    /**
     * The chains under {@code paths} as {@link LintEngine#run} finds them: each migration folder in
     * its layout's order, and every other SQL file as a chain of its own. Throws
     * {@link InputException} when a path does not exist.
     */
    public Found discover(List<Path> paths, Path baseDir) {
        Discovery discovery = MigrationDiscovery.discover(paths, baseDir, config.dialect(), config.detectDialect(),
                config.folders(), Map.of());
        return new Found(LintEngine.chains(discovery), discovery.problems());
    }

    /** Replays every migration of the chain. */
    public SchemaHistory replay(MigrationChain chain) {
        return replay(chain, chain.migrations().size());
    }

    /**
     * Replays the chain up to and including the migration with {@code version}; empty when the chain
     * has none (see {@link #matches}).
     */
    public Optional<SchemaHistory> replayUntil(MigrationChain chain, String version) {
        List<Migration> migrations = chain.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (matches(migrations.get(i), version)) {
                return Optional.of(replay(chain, i + 1));
            }
        }
        return Optional.empty();
    }

    private SchemaHistory replay(MigrationChain chain, int count) {
        ChainLinter.Result r = linters.of(chain).lint(chain, count, false);
        List<SchemaHistory.Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            steps.add(new SchemaHistory.Step(chain.migrations().get(i), r.schemas().get(i)));
        }
        return new SchemaHistory(chain, steps, Schema.empty(chain.dialectOr(config.dialect())), r.notes(), r.stats());
    }

    /**
     * Whether {@code version} names the migration: its version as the layout gives it ({@code 1.1},
     * {@code 20240101120000}, {@code author:id}, a plain file's name without extension), compared
     * exactly; for Flyway also as written in the file name ({@code 1_1}) and with leading zeros or
     * trailing {@code .0} parts, since Flyway treats {@code 1}, {@code 1.0} and {@code 01} as one version.
     */
    static boolean matches(Migration migration, String version) {
        String v = migration.version();
        if (v == null || version == null) {
            return false;
        }
        if (v.equals(version)) {
            return true;
        }
        return migration.layout() == Layout.FLYWAY && version.matches("\\d+([._]\\d+)*")
                && flywayKey(v).equals(flywayKey(version));
    }

    private static String flywayKey(String version) {
        List<String> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(p.replaceFirst("^0+(?=\\d)", ""));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }
}
