package dev.migralint.rules.indexing;

import dev.migralint.core.analysis.IndexShapes;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Table;

/**
 * Two indexes of one table with the same keys (columns or expressions, operator classes, directions)
 * in the same order, the same method, predicate and INCLUDE columns. The indexes behind primary keys
 * and unique constraints count. Of such a pair the non-unique one is reported when the other is
 * unique (the unique one does all it does), and a unique one when the other is unique with NULLS NOT
 * DISTINCT (which also keeps rows with NULL keys unique); otherwise one a constraint does not need, or else the
 * later one, with a related location at the index it repeats. Not on a table whose history is out
 * of view (dynamic SQL or a called procedure may have changed it unseen).
 */
@RuleInfo(id = "duplicate-index", category = Category.INDEXING, severity = Severity.WARNING,
        summary = "An index should not repeat another index of the same table")
public final class DuplicateIndex implements SchemaRule {
    @Override
    public void check(SchemaContext ctx) {
        for (Table t : ctx.schema().relationsWithIndexes()) {
            if (!ctx.schema().historyInView(t.name())) {
                continue; // dynamic SQL may have dropped one of the pair unseen
            }
            for (Index i : t.indexes()) {
                Index original = IndexShapes.duplicated(i, t.indexes());
                if (original != null) {
                    ctx.report(i.definedAt(), "Index " + IndexLabels.describe(t, i) + " duplicates "
                                    + original.displayName()
                                    + (original.unique() && !i.unique() ? ", a unique index on the same keys"
                                            : original.nullsNotDistinct() && !i.nullsNotDistinct()
                                            ? ", which also keeps rows with NULL keys unique (NULLS NOT DISTINCT)" : ""))
                            .related(original.definedAt(), original.displayName() + " is defined here")
                            .help("Drop the duplicate: every write updates both and the planner uses one: "
                                    + IndexLabels.dropSql(t, i, ctx.dialect()));
                }
            }
        }
    }
}
