package dev.migralint.rules.indexing;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the indexing rules compare indexes by: keys (column or expression, operator class or
 * collation, direction) in order, method, predicate and INCLUDE columns; which of two equal indexes
 * is the one to drop; and how to say and drop an index.
 */
final class IndexShapes {
    private IndexShapes() {
    }

    /** Same keys in the same order, method and predicate. */
    static boolean sameKeys(Index a, Index b) {
        return a.keys().size() == b.keys().size() && startsWith(b, a) && sameMethodAndPredicate(a, b);
    }

    static boolean sameMethodAndPredicate(Index a, Index b) {
        return a.method().equals(b.method()) && Objects.equals(bare(a.predicate()), bare(b.predicate()));
    }

    /** True when the first keys of {@code longer} are the keys of {@code prefix}. */
    static boolean startsWith(Index longer, Index prefix) {
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
    static String bare(String expression) {
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
    static boolean equivalent(Index a, Index b) {
        return sameKeys(a, b) && new HashSet<>(a.include()).equals(new HashSet<>(b.include()));
    }

    /**
     * The index {@code index} duplicates, or null: among equivalent indexes, a non-unique one duplicates
     * a unique one; of two equally unique ones, the primary key's is kept over a constraint's, a
     * constraint's over one someone created, and otherwise the earlier over the later. When several are
     * kept over it, the one to keep first is named.
     */
    static Index duplicated(Index index, List<Index> tableIndexes) {
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

    /** {@code name on table (a, lower(b) DESC)}. */
    static String describe(Index i) {
        return i.name() + " on " + ObjectLabels.table(i.table()) + " " + keys(i);
    }

    /** The keys as written: {@code (a, lower(b) DESC)}, with a predicate when there is one. */
    static String keys(Index i) {
        String keys = i.keys().stream().map(IndexShapes::key).collect(Collectors.joining(", ", "(", ")"));
        return i.predicate() == null ? keys : keys + " WHERE " + bare(i.predicate());
    }

    private static String key(IndexColumn k) {
        String text = k.column() != null ? k.column() : "(" + k.expression() + ")";
        if (k.opclass() != null) {
            text += " " + k.opclass();
        }
        return k.descending() ? text + " DESC" : text;
    }

    /** The statement that drops an index, or the constraint that owns it. */
    static String dropSql(Table table, Index i, Dialect dialect) {
        String t = ObjectLabels.sql(table.name(), dialect);
        if (dialect == Dialect.MYSQL) {
            return i.kind() == IndexKind.PRIMARY_KEY ? "ALTER TABLE " + t + " DROP PRIMARY KEY;"
                    : "ALTER TABLE " + t + " DROP INDEX " + ObjectLabels.sql(i.name(), dialect) + ";";
        }
        if (i.kind() != IndexKind.EXPLICIT) {
            return "ALTER TABLE " + t + " DROP CONSTRAINT " + ObjectLabels.sql(i.name(), dialect) + ";";
        }
        return "DROP INDEX CONCURRENTLY " + ObjectLabels.sql(new ObjectName(i.table().schema(), i.name()), dialect) + ";";
    }

    /** Key column names of the first {@code n} keys, or null when one of them is an expression. */
    static Set<String> leadingColumns(Index i, int n) {
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
