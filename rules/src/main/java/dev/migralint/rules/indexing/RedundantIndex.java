package dev.migralint.rules.indexing;

import dev.migralint.core.analysis.IndexShapes;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A non-unique btree index whose keys are the leading keys of another index of the same table with
 * the same method and predicate: the longer index serves every lookup and ordering the shorter one
 * does. The covering index may be a primary key or unique index. INCLUDE columns of the shorter index
 * must be among the longer one's columns. Exact repeats are duplicate-index's, so an index it reports
 * is not reported here. Only btree: hash, GIN, GiST and BRIN indexes are not searched by leading keys.
 */
@RuleInfo(id = "redundant-index", category = Category.INDEXING, severity = Severity.WARNING,
        summary = "An index should not be a leading part of another index of the same table")
public final class RedundantIndex implements SchemaRule {
    @Override
    public void check(SchemaContext ctx) {
        for (Table t : ctx.schema().relationsWithIndexes()) {
            for (Index i : t.indexes()) {
                if (i.unique() || i.kind() != IndexKind.EXPLICIT || !i.method().equals("btree")
                        || IndexShapes.duplicated(i, t.indexes()) != null) {
                    continue;
                }
                Index covering = covering(i, t.indexes());
                if (covering != null) {
                    ctx.report(i.definedAt(), "Index " + IndexLabels.describe(t, i) + " is redundant: "
                                    + covering.displayName() + " " + IndexLabels.keys(t, covering)
                                    + " starts with the same keys")
                            .related(covering.definedAt(), covering.displayName() + " is defined here")
                            .help("Drop it: every write updates it, and " + covering.displayName()
                                    + " serves its queries: " + IndexLabels.dropSql(t, i, ctx.dialect()));
                }
            }
        }
    }

    /** The shortest other index that begins with all of {@code i}'s keys and holds its INCLUDE columns. */
    private static Index covering(Index i, List<Index> indexes) {
        Index best = null;
        for (Index other : indexes) {
            if (other == i || !IndexShapes.sameMethodAndPredicate(i, other) || !IndexShapes.startsWith(other, i)
                    || IndexShapes.equivalent(i, other) || !holdsIncluded(i, other)) {
                continue;
            }
            if (best == null || other.keys().size() < best.keys().size()) {
                best = other;
            }
        }
        return best;
    }

    private static boolean holdsIncluded(Index i, Index other) {
        Set<String> columns = new HashSet<>(other.include());
        other.keys().forEach(k -> columns.add(k.column()));
        return columns.containsAll(i.include());
    }
}
