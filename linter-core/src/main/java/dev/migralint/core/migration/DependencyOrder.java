package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The order of a plain folder whose file names are not numbered ({@code schema_ddl.sql},
 * {@code schema_constraints.sql}): natural order of names says nothing there, so a file that refers to
 * a table only a later file creates goes after that file, and a file whose foreign keys point at a table
 * that only a later file gives its primary or unique key goes after that one, as whoever wrote the
 * folder runs them. Names that differ in their numbers ({@code 01_tables.sql}, {@code 02_data.sql}) are an
 * order already and are left as they are; so is every folder where no file needs a later one, and a folder where some file
 * drops, truncates or deletes.
 */
final class DependencyOrder {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** How many files one file's needs may pull ahead of it, one inside the other: a bound on the stack. */
    private static final int MAX_DEPTH = 500;

    private DependencyOrder() {
    }

    static List<Migration> of(List<Migration> natural, Dialect dialect) {
        if (natural.size() < 2 || numbered(natural)) {
            return natural;
        }
        List<CreatedTables> tables = new ArrayList<>(natural.size());
        for (Migration m : natural) {
            CreatedTables t = CreatedTables.of(m.up(), dialect);
            if (t.removesAnything()) {
                // a folder of scripts to build, fill and tear down (sakila's schema, insert-data,
                // drop-objects): they are run one at a time, not as a chain, and moving a builder before
                // a teardown script would replay the teardown over what was built
                return natural;
            }
            tables.add(t);
        }
        Placement p = new Placement(natural, tables);
        for (int i = 0; i < natural.size(); i++) {
            p.place(i);
        }
        return p.placed;
    }

    /**
     * Whether the names differ in their numbers ({@code 01_tables.sql}, {@code 02_data.sql};
     * {@code patch-2-x.sql}, {@code V0011.y.sql}): then the author gave the order. A number every name
     * shares ({@code cdm_5.4_ddl.sql}, {@code cdm_5.4_constraints.sql}) orders nothing.
     */
    private static boolean numbered(List<Migration> migrations) {
        Set<List<String>> numbers = new HashSet<>();
        for (Migration m : migrations) {
            numbers.add(DIGITS.matcher(Folder.name(m.up().file().path())).results().map(r -> r.group()).toList());
        }
        return numbers.size() > 1;
    }

    /** A depth-first placement: before a file goes in, the first later file that provides what it needs. */
    private static final class Placement {
        final List<Migration> natural;
        final List<CreatedTables> tables;
        final List<Migration> placed = new ArrayList<>();
        final Set<Integer> done = new HashSet<>();
        final Set<Integer> visiting = new HashSet<>();
        final Set<String> existing = new HashSet<>();
        final Set<String> keyed = new HashSet<>();

        Placement(List<Migration> natural, List<CreatedTables> tables) {
            this.natural = natural;
            this.tables = tables;
        }

        void place(int i) {
            if (done.contains(i) || !visiting.add(i)) {
                return;
            }
            CreatedTables own = tables.get(i);
            // a chain of files each needing the next is placed this deep by recursion, then in name order
            if (visiting.size() < MAX_DEPTH) {
                placeProviders(i, own.referenced(), existing, own.existingAfter(), CreatedTables::existingAfter);
                placeProviders(i, own.keyTargets(), keyed, own.keyed(), CreatedTables::keyed);
            }
            visiting.remove(i);
            done.add(i);
            placed.add(natural.get(i));
            existing.addAll(own.existingAfter());
            keyed.addAll(own.keyed());
        }

        /** Places, for each of {@code needed} not yet {@code provided} nor the file's own, the first later file providing it. */
        private void placeProviders(int i, Set<String> needed, Set<String> provided, Set<String> own,
                Function<CreatedTables, Set<String>> provides) {
            for (String t : needed) {
                if (provided.contains(t) || own.contains(t)) {
                    continue;
                }
                for (int j = i + 1; j < natural.size(); j++) {
                    if (!done.contains(j) && provides.apply(tables.get(j)).contains(t)) {
                        place(j);
                        break;
                    }
                }
            }
        }
    }
}
