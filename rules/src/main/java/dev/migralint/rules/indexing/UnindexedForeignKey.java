package dev.migralint.rules.indexing;

import dev.migralint.core.analysis.IndexShapes;
import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.rules.ObjectLabels;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * A foreign key whose columns do not lead any index of its table. Deleting or updating a referenced
 * row makes the database look for referencing rows, and joins go the same way: without an index each
 * is a scan of the whole referencing table. An index serves when its first keys are the key's columns
 * in any order (PostgreSQL can use it either way), without a predicate, as plain columns (a key that
 * is an expression does not count); a btree does, a hash index only as the single key of a
 * single-column foreign key. Primary keys and unique indexes count. MySQL's InnoDB creates an index
 * for every foreign key that lacks one, and replay models it, so MySQL findings are rare.
 */
@RuleInfo(id = "unindexed-foreign-key", category = Category.INDEXING, severity = Severity.WARNING,
        summary = "Foreign key columns should lead an index, or deletes and joins scan the table")
public final class UnindexedForeignKey implements SchemaRule {
    @Override
    public void check(SchemaContext ctx) {
        for (Table t : ctx.schema().tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!indexed(t, fk)) {
                    report(ctx, t, fk);
                }
            }
        }
    }

    static boolean indexed(Table t, ForeignKey fk) {
        Set<String> wanted = new HashSet<>(fk.columns());
        int n = fk.columns().size();
        for (Index i : t.indexes()) {
            boolean method = i.method().equals("btree") || (i.method().equals("hash") && n == 1 && i.keys().size() == 1);
            if (method && (i.predicate() == null || onlyExcludesNulls(i.predicate(), fk.columns()))
                    && wanted.equals(IndexShapes.leadingColumns(i, n))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code WHERE col IS NOT NULL} on a key column: the lookups a foreign key makes (a referenced row
     * deleted or its key updated) search for a value, never NULL, so such a partial index serves them.
     */
    static boolean onlyExcludesNulls(String predicate, List<String> columns) {
        String p = predicate.replaceAll("[()\"`]", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        for (String part : p.split(" and ")) {
            String[] words = part.trim().split(" ");
            if (words.length != 4 || !columns.contains(words[0]) || !words[1].equals("is") || !words[2].equals("not")
                    || !words[3].equals("null")) {
                return false;
            }
        }
        return true;
    }

    private static void report(SchemaContext ctx, Table t, ForeignKey fk) {
        Dialect d = ctx.dialect();
        List<String> spelled = ObjectLabels.columnNames(t, fk.columns());
        String columns = String.join(", ", spelled);
        String indexName = ObjectLabels.sql(t.name().displayName() + "_" + String.join("_", spelled) + "_idx", d);
        String table = ObjectLabels.sql(t.name(), d);
        String keys = ObjectLabels.sqlList(spelled, d);
        ctx.report(fk.definedAt(), "Foreign key " + ObjectLabels.columns(t.name(), spelled) + " has no index whose "
                        + (fk.columns().size() == 1 ? "leading column is " : "leading columns are ") + columns)
                .help(d == Dialect.MYSQL
                        ? "ALTER TABLE " + table + " ADD INDEX " + indexName + " (" + keys + ");"
                        : createdWithTheKey(t, fk)
                        // A new table has no readers to block, and its migration may run in a transaction,
                        // where CONCURRENTLY fails: index it in the same migration, plainly.
                        ? "Index it in the migration that creates the table: CREATE INDEX " + indexName + " ON " + table
                                + " (" + keys + ");"
                        : "CREATE INDEX CONCURRENTLY " + indexName + " ON " + table + " (" + keys + ");");
    }

    /** True when the key is defined in the file that creates its table. */
    private static boolean createdWithTheKey(Table t, ForeignKey fk) {
        return t.definedAt() != null && fk.definedAt() != null
                && t.definedAt().file().path().equals(fk.definedAt().file().path());
    }
}
