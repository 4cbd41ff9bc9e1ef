package dev.migralint.rules.integrity;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.List;

/**
 * A table the chain ends with that has no primary key. A UNIQUE key on NOT NULL columns is not
 * counted: logical replication, many ORMs and tools that diff or copy rows look for the primary key
 * itself (the help suggests promoting such a key). Temporary tables are skipped, and so are
 * PostgreSQL partitions, which get their parent's key, and tables whose columns replay cannot see
 * (CREATE TABLE AS, LIKE an unknown table), of which it cannot tell. MySQL's InnoDB makes a hidden
 * row id when there is no key; the table is still reported, as the id is invisible to everyone.
 */
@RuleInfo(id = "missing-primary-key", category = Category.INTEGRITY, severity = Severity.WARNING,
        summary = "Every table should have a primary key")
public final class MissingPrimaryKey implements SchemaRule {
    @Override
    public void check(SchemaContext ctx) {
        for (Table t : ctx.schema().tables()) {
            if (t.primaryKey() != null || t.temporary() || t.partitionOf() != null || !t.columnsKnown()) {
                continue;
            }
            Index candidate = uniqueNotNull(t);
            FindingBuilder f = ctx.report(t.definedAt(), "Table " + ObjectLabels.table(t.name()) + " has no primary key");
            String table = ObjectLabels.sql(t.name(), ctx.dialect());
            if (candidate != null) {
                List<String> keys = ObjectLabels.columnNames(t, candidate.columnNames());
                String columns = ObjectLabels.sqlList(keys, ctx.dialect());
                f.related(candidate.definedAt(), "unique key " + candidate.displayName() + " on NOT NULL columns ("
                        + String.join(", ", keys) + ") could be the primary key");
                f.help(ctx.dialect() == Dialect.MYSQL
                        ? "Make the unique key the primary key: ALTER TABLE " + table + " ADD PRIMARY KEY (" + columns + ");"
                        : candidate.kind() == Index.IndexKind.EXPLICIT
                        ? "Promote the unique index, without another scan: ALTER TABLE " + table
                                + " ADD PRIMARY KEY USING INDEX " + ObjectLabels.sql(candidate.name(), ctx.dialect()) + ";"
                        : "Make the unique key the primary key: ALTER TABLE " + table + " ADD PRIMARY KEY (" + columns + ");");
            } else if (t.column("id").isPresent()) {
                // The usual key column is there, only not declared: adding a second id would be wrong.
                f.help("Declare the key on the existing id column (the table is scanned to check it is unique and "
                        + "not null): ALTER TABLE " + table + " ADD PRIMARY KEY ("
                        + ObjectLabels.sql(ObjectLabels.columnName(t, "id"), ctx.dialect())
                        + ");");
            } else {
                f.help(ctx.dialect() == Dialect.MYSQL
                        ? "Add a key column: ALTER TABLE " + table + " ADD COLUMN id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT "
                                + "PRIMARY KEY FIRST;"
                        : "Add a key column: ALTER TABLE " + table + " ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY "
                                + "PRIMARY KEY;");
            }
        }
    }

    /** A unique, non-partial index on plain NOT NULL columns: the key the table already has in all but name. */
    private static Index uniqueNotNull(Table t) {
        for (Index i : t.indexes()) {
            if (i.unique() && i.predicate() == null && !i.hasExpressions() && !i.keys().isEmpty()
                    && i.columnNames().stream().allMatch(c -> t.column(c).map(col -> col.notNull()).orElse(false))) {
                return i;
            }
        }
        return null;
    }
}
