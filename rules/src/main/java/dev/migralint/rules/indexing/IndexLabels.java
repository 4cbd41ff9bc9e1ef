package dev.migralint.rules.indexing;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.IndexShapes;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.stream.Collectors;

/**
 * How the indexing rules name an index in a message, and the statement that drops it: the index and its
 * key columns as the source spelled them ({@code IX_AppId on App (AppId)} in MySQL).
 */
final class IndexLabels {
    private IndexLabels() {
    }

    /** {@code name on table (a, lower(b) DESC)}; {@code t} is the index's table. */
    static String describe(Table t, Index i) {
        return i.displayName() + " on " + ObjectLabels.table(i.table()) + " " + keys(t, i);
    }

    /** The keys as written: {@code (a, lower(b) DESC)}, with a predicate when there is one. */
    static String keys(Table t, Index i) {
        String keys = i.keys().stream().map(k -> key(t, k)).collect(Collectors.joining(", ", "(", ")"));
        return i.predicate() == null ? keys : keys + " WHERE " + IndexShapes.bare(i.predicate());
    }

    private static String key(Table t, IndexColumn k) {
        String text = k.column() != null ? ObjectLabels.columnName(t, k.column()) : "(" + k.expression() + ")";
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
                    : "ALTER TABLE " + t + " DROP INDEX " + ObjectLabels.sql(i.displayName(), dialect) + ";";
        }
        if (i.kind() != IndexKind.EXPLICIT) {
            return "ALTER TABLE " + t + " DROP CONSTRAINT " + ObjectLabels.sql(i.name(), dialect) + ";";
        }
        return "DROP INDEX CONCURRENTLY " + ObjectLabels.sql(new ObjectName(i.table().schema(), i.name()), dialect) + ";";
    }
}
