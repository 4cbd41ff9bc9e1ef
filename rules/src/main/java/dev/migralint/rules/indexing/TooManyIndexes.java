package dev.migralint.rules.indexing;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOption;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;

/**
 * A table with more indexes than {@code max}, counting those behind primary keys and unique
 * constraints: each one is written on every INSERT and on every UPDATE that cannot be HOT, and each
 * holds memory the table's other data could use.
 */
public final class TooManyIndexes implements SchemaRule {
    private static final int DEFAULT_MAX = 8;
    private static final RuleMeta META = RuleMeta.of("too-many-indexes", Category.INDEXING, Severity.INFO,
            "A table with many indexes makes every write slower")
            .withOptions(new RuleOption("max", String.valueOf(DEFAULT_MAX),
                    "The most indexes a table may have, primary key and unique constraints included"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SchemaContext ctx) {
        int max = ctx.options().getInt("max", DEFAULT_MAX);
        for (Table t : ctx.schema().tables()) {
            int count = t.indexes().size();
            if (count > max) {
                ctx.report(t.definedAt(), "Table " + ObjectLabels.table(t.name()) + " has " + count
                                + " indexes, more than " + max)
                        .help("Drop the indexes no query needs (PostgreSQL: idx_scan = 0 in pg_stat_user_indexes; "
                                + "MySQL: sys.schema_unused_indexes), and merge those that share leading columns");
            }
        }
    }
}
