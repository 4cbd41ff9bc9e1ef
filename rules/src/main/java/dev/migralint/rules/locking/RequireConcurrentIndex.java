package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.change.SchemaChange.Reindex;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.StatementRule;
import java.util.stream.Collectors;

/**
 * CREATE INDEX takes a SHARE lock on its table for the whole build, so every INSERT, UPDATE and
 * DELETE waits; REINDEX does the same and also locks the index against reads. Tables created in
 * the same migration are exempt: nobody uses them yet.
 */
public final class RequireConcurrentIndex implements StatementRule {
    private static final RuleMeta META = RuleMeta.of("require-concurrent-index", Category.LOCKING,
            Severity.WARNING, "CREATE INDEX or REINDEX without CONCURRENTLY blocks writes to an existing table");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof CreateIndex index && !index.concurrently() && index.table() != null
                    && !ctx.facts().createdInThisMigration(index.table())) {
                String name = index.name() == null ? "" : " " + index.name();
                ctx.report(index, "CREATE INDEX" + name + " on existing table " + index.table()
                                + " blocks writes to the table until the index is built")
                        .help("Build it without blocking writes (this cannot run inside a transaction block): "
                                + concurrentSql(index));
            } else if (change instanceof Reindex reindex) {
                checkReindex(ctx, reindex);
            }
        }
    }

    private static void checkReindex(RuleContext ctx, Reindex reindex) {
        if (reindex.concurrently() || reindex.target().equals("SYSTEM")) {
            return; // system catalogs cannot be reindexed concurrently
        }
        ObjectName name = reindex.name();
        if (reindex.target().equals("TABLE") && name != null && ctx.facts().createdInThisMigration(name)) {
            return;
        }
        String target = name == null ? "" : name.qualified();
        String what = "REINDEX " + reindex.target() + (target.isEmpty() ? "" : " " + target);
        ctx.report(reindex, what + " blocks writes to the table and reads that use the rebuilt indexes until it finishes")
                .help(ctx.targetVersion() >= 12
                        ? "Rebuild without blocking (PostgreSQL 12+, outside a transaction block): REINDEX "
                                + reindex.target() + " CONCURRENTLY" + (target.isEmpty() ? "" : " " + target) + ";"
                        : "Before PostgreSQL 12 there is no REINDEX CONCURRENTLY: build a replacement with CREATE "
                                + "INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one");
    }

    static String concurrentSql(CreateIndex index) {
        String keys = index.columns().stream().map(RequireConcurrentIndex::key).collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY "
                + (index.ifNotExists() ? "IF NOT EXISTS " : "") + (index.name() == null ? "" : index.name().name() + " ")
                + "ON " + index.table()
                + (index.method().equals("btree") ? "" : " USING " + index.method())
                + " (" + (keys.isEmpty() ? "..." : keys) + ")"
                + (index.where() == null ? "" : " WHERE " + index.where()) + ";";
    }

    private static String key(IndexColumn c) {
        String k = c.column() != null ? c.column() : "(" + c.expression() + ")";
        return c.descending() ? k + " DESC" : k;
    }
}
