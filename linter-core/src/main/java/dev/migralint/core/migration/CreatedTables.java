package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a script does to tables, by their last name part, normalized, read from tokens before
 * anything is parsed: the tables it creates outright ({@code CREATE TABLE} without
 * {@code IF NOT EXISTS}), the tables it refers to ({@code ALTER TABLE}, {@code CREATE INDEX ... ON},
 * {@code REFERENCES}, {@code INSERT INTO}, {@code COMMENT ON TABLE}), the tables it gives a primary or
 * unique key, and the tables its foreign keys point at (which need such a key first). For decisions on
 * the order of files that their names do not settle.
 */
final class CreatedTables {
    private final Set<String> created = new HashSet<>();
    private final Set<String> existingAfter = new HashSet<>();
    private final Set<String> referenced = new HashSet<>();
    private final Set<String> keyed = new HashSet<>();
    private final Set<String> keyTargets = new HashSet<>();
    private boolean removes;

    private CreatedTables() {
    }

    /** Tables created outright: a second CREATE of one fails. */
    Set<String> created() {
        return created;
    }

    /** Tables created outright or with IF NOT EXISTS: after this script they exist either way. */
    Set<String> existingAfter() {
        return existingAfter;
    }

    Set<String> referenced() {
        return referenced;
    }

    Set<String> keyed() {
        return keyed;
    }

    Set<String> keyTargets() {
        return keyTargets;
    }

    static CreatedTables of(MigrationScript script, Dialect dialect) {
        CreatedTables t = new CreatedTables();
        // @name placeholders masked: a qualified name such as @cdmDatabaseSchema.person still reads as one
        LexResult lexed = Lexer.lex(script.text(), new LexOptions(dialect, Map.of(), true));
        for (ScriptStatement s : Splitter.split(script.file(), lexed, script.options().splitStatements(),
                script.options().unsplitBlocks())) {
            t.read(new TokenCursor(script.text(), s.significantTokens(), dialect));
        }
        return t;
    }

    /** Every table the up scripts of {@code chain} create outright. */
    static Set<String> createdBy(MigrationChain chain) {
        Set<String> names = new HashSet<>();
        Dialect dialect = chain.dialectOr(Dialect.POSTGRESQL);
        chain.migrations().forEach(m -> names.addAll(of(m.up(), dialect).created()));
        return names;
    }

    /** Whether the script drops, truncates or deletes anything: a teardown script, not a step of a build-up. */
    boolean removesAnything() {
        return removes;
    }

    private void read(TokenCursor c) {
        if (c.isWord(0, "drop") || c.isWord(0, "truncate") || c.isWord(0, "delete")) {
            removes = true;
            return;
        }
        String table = null;
        // keys declared in CREATE TABLE or ALTER TABLE belong to its table
        boolean tableKeys = false;
        if (c.isWord(0, "create")) {
            int k = 1;
            // UNLOGGED, TEMP, GLOBAL TEMPORARY, UNIQUE, ...: at most two words before TABLE or INDEX
            while (k < 3 && !c.isWord(k, "table") && !c.isWord(k, "index") && !c.word(k).isEmpty()) {
                k++;
            }
            if (c.isWord(k, "table")) {
                boolean ifNotExists = c.isWords(k + 1, "if", "not", "exists");
                table = name(c, ifNotExists ? k + 4 : k + 1);
                if (!ifNotExists) {
                    add(created, table);
                }
                add(existingAfter, table);
                tableKeys = table != null;
            } else if (c.isWord(k, "index")) {
                table = indexedTable(c, k + 1);
                add(referenced, table);
                if (c.isWord(1, "unique")) {
                    add(keyed, table);
                }
            }
        } else if (c.isWords(0, "alter", "table")) {
            table = name(c, c.skip(c.skip(2, "if", "exists"), "only"));
            add(referenced, table);
            tableKeys = table != null;
        } else if (c.isWords(0, "insert", "into")) {
            add(referenced, name(c, 2));
        } else if (c.isWords(0, "comment", "on", "table")) {
            add(referenced, name(c, 3));
        }
        for (int i = 1; i < c.size(); i++) {
            if (c.isWord(i, "references")) {
                String target = name(c, i + 1);
                add(referenced, target);
                add(keyTargets, target);
            } else if (tableKeys && (c.isWords(i, "primary", "key") || c.isWord(i, "unique"))) {
                add(keyed, table);
            }
        }
    }

    private static String indexedTable(TokenCursor c, int from) {
        for (int on = from; on < from + 8 && on < c.size(); on++) {
            if (c.isWord(on, "on")) {
                return name(c, c.skip(on + 1, "only"));
            }
        }
        return null;
    }

    private static void add(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /** The last part of the qualified name at {@code i}, or null when no name stands there. */
    private static String name(TokenCursor c, int i) {
        TokenCursor.QualifiedName q = c.qualifiedName(i);
        return q == null ? null : q.name();
    }

    /**
     * Whether {@code later} creates again more than half of the tables {@code earlier} creates: both
     * are whole schemas, not a base and its upgrade (an upgrade that re-created its tables outright
     * would fail on the database it upgrades).
     */
    static boolean recreates(Set<String> earlier, Set<String> later) {
        if (earlier.isEmpty()) {
            return false;
        }
        long again = earlier.stream().filter(later::contains).count();
        return again * 2 > earlier.size();
    }
}
