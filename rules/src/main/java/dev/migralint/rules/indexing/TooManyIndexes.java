package dev.migralint.rules.indexing;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;

/**
 * A table with more indexes than {@code max}, counting those behind primary keys and unique
 * constraints: each one is written on every INSERT and on every UPDATE that cannot be HOT, and each
 * holds memory the table's other data could use.
 */
@RuleInfo(id = "too-many-indexes", category = Category.INDEXING, severity = Severity.INFO,
        summary = "A table with many indexes makes every write slower", options = TooManyIndexes.Options.class)
public final class TooManyIndexes implements SchemaRule {
    public record Options(
            @Option(value = "The most indexes a table may have, primary key and unique constraints included",
                    defaultValue = "8") int max) {
        public Options {
            if (max < 1) {
                throw new InvalidOptionException("max", "option max of rule too-many-indexes: " + max
                        + " is not a whole number of at least 1");
            }
        }
    }

    @Override
    public void check(SchemaContext ctx) {
        int max = ctx.options(Options.class).max();
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
