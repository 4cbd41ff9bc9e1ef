package dev.migralint.core.analysis;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.schema.Index;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What index coverage rests on: indexes compared by keys (column or expression, operator class or
 * collation, direction) in order, method, predicate and INCLUDE columns; which of two equal indexes
 * is the one to drop; and which columns an index leads with.
 */
public final class IndexShapes {
    private IndexShapes() {
    }

    /** Same keys in the same order, method and predicate. */
    public static boolean sameKeys(Index a, Index b) {
        return a.keys().size() == b.keys().size() && startsWith(b, a) && sameMethodAndPredicate(a, b);
    }

    public static boolean sameMethodAndPredicate(Index a, Index b) {
        return a.method().equals(b.method()) && Objects.equals(bare(a.predicate()), bare(b.predicate()));
    }

    /** True when the first keys of {@code longer} are the keys of {@code prefix}. */
    public static boolean startsWith(Index longer, Index prefix) {
        if (longer.keys().size() < prefix.keys().size()) {
            return false;
        }
        for (int i = 0; i < prefix.keys().size(); i++) {
            if (!sameKey(longer.keys().get(i), prefix.keys().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameKey(IndexColumn a, IndexColumn b) {
        return Objects.equals(a.column(), b.column()) && Objects.equals(bare(a.expression()), bare(b.expression()))
                && a.descending() == b.descending() && Objects.equals(a.opclass(), b.opclass());
    }

    /** Expression text without parentheses around the whole of it: {@code (a IS NULL)} is {@code a IS NULL}. */
    public static String bare(String expression) {
        String e = expression == null ? null : expression.strip();
        while (e != null && e.startsWith("(") && closing(e) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** Index of the parenthesis that closes the one at 0, skipping quoted text; -1 when unbalanced. */
    private static int closing(String e) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes the database keeps identically: same keys, method, predicate and INCLUDE columns. */
    public static boolean equivalent(Index a, Index b) {
        return sameKeys(a, b) && new HashSet<>(a.include()).equals(new HashSet<>(b.include()));
    }

    /**
     * The index {@code index} duplicates, or null: among equivalent indexes, a non-unique one duplicates
     * a unique one; of two unique ones, one with NULLS NOT DISTINCT is kept over one without, then the
     * primary key's over a constraint's, a constraint's over one someone created, and otherwise the
     * earlier over the later. When several are kept over it, the one to keep first is named.
     */
    public static Index duplicated(Index index, List<Index> tableIndexes) {
        int at = tableIndexes.indexOf(index);
        Index best = null;
        for (int i = 0; i < tableIndexes.size(); i++) {
            Index other = tableIndexes.get(i);
            if (i != at && equivalent(index, other) && keptOver(other, i, index, at)
                    && (best == null || keptOver(other, i, best, tableIndexes.indexOf(best)))) {
                best = other;
            }
        }
        return best;
    }

    /** Whether {@code a} (at position {@code ai}) is kept rather than the equivalent {@code b} (at {@code bi}). */
    private static boolean keptOver(Index a, int ai, Index b, int bi) {
        if (a.unique() != b.unique()) {
            return a.unique();
        }
        if (a.nullsNotDistinct() != b.nullsNotDistinct()) {
            return a.nullsNotDistinct(); // it enforces all the other does, and NULL keys too
        }
        if (keepRank(a) != keepRank(b)) {
            return keepRank(a) < keepRank(b);
        }
        return ai < bi;
    }

    /** Which of two equal indexes to keep: the lower rank. */
    private static int keepRank(Index i) {
        return switch (i.kind()) {
            case PRIMARY_KEY -> 0;
            case UNIQUE_CONSTRAINT, EXCLUSION_CONSTRAINT -> 1;
            case EXPLICIT, FOREIGN_KEY_AUTO -> 2;
        };
    }

    /** Key column names of the first {@code n} keys, or null when one of them is an expression. */
    public static Set<String> leadingColumns(Index i, int n) {
        if (i.keys().size() < n) {
            return null;
        }
        Set<String> columns = new HashSet<>();
        for (IndexColumn k : i.keys().subList(0, n)) {
            if (k.column() == null) {
                return null;
            }
            columns.add(k.column());
        }
        return columns;
    }
}
