package dev.migralint.core.cache;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.ScriptOptions;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationScript;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cache keys: SHA-256 over a canonical spelling of everything a unit's findings depend on. Records
 * (the config and what it holds) are spelled by reflection over their components, so a setting added
 * to the config is part of the key without anyone remembering to add it here.
 */
final class CacheKeys {
    private CacheKeys() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String hash(String s) {
        return hex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of a unit under a run's settings ({@code runKey}); see {@code LintCache.Run#key}. */
    static String unit(String runKey, String unit, Dialect dialect, List<Migration> migrations, List<String> dependsOn) {
        MessageDigest d = sha256();
        StringBuilder sb = new StringBuilder();
        sb.append(runKey).append('\n');
        spell(unit, sb);
        spell(dialect, sb);
        spell(dependsOn, sb);
        d.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        for (Migration m : migrations) {
            sb.setLength(0);
            sb.append("\nmigration ");
            spell(List.of(String.valueOf(m.version()), m.description(), m.layout().name(), m.transactionMode().name(),
                    String.valueOf(m.repeatable()), String.valueOf(m.downExpected())), sb);
            d.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            script(m.up(), d);
            script(m.down(), d);
        }
        return hex(d.digest());
    }

    private static void script(MigrationScript s, MessageDigest d) {
        StringBuilder sb = new StringBuilder("\nscript ");
        if (s == null) {
            d.update(sb.append("none").toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        spell(List.of(s.file().path().toAbsolutePath().toString(), s.file().displayPath()), sb);
        spell(s.options(), sb);
        // A script is its file's text with what belongs to other scripts blanked out: both are hashed.
        boolean whole = s.text().equals(s.file().text());
        sb.append(whole ? " whole " : " part ").append(s.file().text().length()).append('\n');
        d.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        d.update(s.file().text().getBytes(StandardCharsets.UTF_8));
        if (!whole) {
            d.update((byte) 0);
            d.update(s.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The records every run spells, by hand: the first reflective call of an accessor costs a warm run
     * tens of milliseconds. {@code CacheKeysTest} checks each against the reflective spelling, so a
     * component added to one of them and not here fails the build rather than the cache.
     */
    private static final Map<Class<?>, Function<Record, List<Object>>> COMPONENTS = Map.of(
            Config.class, r -> {
                Config c = (Config) r;
                return Arrays.asList("dialect", c.dialect(), "targetVersion", c.targetVersion(), "migrations",
                        c.migrations(), "queries", c.queries(), "queryLogs", c.queryLogs(), "placeholders",
                        c.placeholders(), "atPlaceholders", c.atPlaceholders(), "assumeInTransaction",
                        c.assumeInTransaction(), "failOn", c.failOn(), "baseline", c.baseline(), "rules", c.rules(),
                        "source", c.source(), "folders", c.folders(), "exclude", c.exclude(), "encoding",
                        c.encoding(), "detectDialect", c.detectDialect(), "logLinePrefix", c.logLinePrefix(),
                        "maxFileSize", c.maxFileSize());
            },
            RuleSetting.class, r -> {
                RuleSetting s = (RuleSetting) r;
                return Arrays.asList("enabled", s.enabled(), "severity", s.severity(), "options", s.options());
            },
            FolderSettings.class, r -> {
                FolderSettings f = (FolderSettings) r;
                return Arrays.asList("layout", f.layout(), "dialect", f.dialect(), "order", f.order());
            },
            ScriptOptions.class, r -> {
                ScriptOptions o = (ScriptOptions) r;
                return Arrays.asList("delimiter", o.delimiter(), "splitStatements", o.splitStatements(),
                        "unsplitBlocks", o.unsplitBlocks());
            },
            TextRange.class, r -> Arrays.asList("start", ((TextRange) r).start(), "end", ((TextRange) r).end()));

    static void spellReflectively(Record r, StringBuilder sb) {
        sb.append(r.getClass().getName()).append('{');
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            sb.append(c.getName()).append('=');
            try {
                spell(c.getAccessor().invoke(r), sb);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            sb.append(';');
        }
        sb.append('}');
    }

    /** An unambiguous spelling of a value: strings with their length, maps sorted by key, records by component. */
    static void spell(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append('~');
        } else if (v instanceof String s) {
            sb.append(s.length()).append('"').append(s);
        } else if (v instanceof Record r && COMPONENTS.containsKey(r.getClass())) {
            List<Object> parts = COMPONENTS.get(r.getClass()).apply(r);
            sb.append(r.getClass().getName()).append('{');
            for (int i = 0; i < parts.size(); i += 2) {
                sb.append(parts.get(i)).append('=');
                spell(parts.get(i + 1), sb);
                sb.append(';');
            }
            sb.append('}');
        } else if (v instanceof Record r) {
            spellReflectively(r, sb);
        } else if (v instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, val) -> {
                StringBuilder e = new StringBuilder();
                spell(String.valueOf(k), e);
                e.append('=');
                spell(val, e);
                entries.add(e.toString());
            });
            entries.sort(null);
            sb.append('{').append(entries.size()).append(':');
            entries.forEach(e -> sb.append(e).append(';'));
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[').append(c.size()).append(':');
            c.forEach(e -> {
                spell(e, sb);
                sb.append(',');
            });
            sb.append(']');
        } else {
            // enums, numbers, booleans, paths, charsets, Jackson nodes (options): their text is their value
            spell(v.getClass().getName() + ":" + v, sb);
        }
    }
}
