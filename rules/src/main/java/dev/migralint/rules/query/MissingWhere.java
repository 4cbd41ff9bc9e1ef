package dev.migralint.rules.query;

import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DataChangeKind;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;

/**
 * An UPDATE or DELETE without WHERE touches every row: usually a mistake, and on a large table a
 * long transaction that locks every row and bloats the table. A table created earlier in the same
 * migration is exempt: filling in a new, unused table is what such statements do there.
 */
@RuleInfo(id = "missing-where", category = Category.QUERY, severity = Severity.WARNING,
        summary = "UPDATE or DELETE without a WHERE clause changes every row of the table")
public final class MissingWhere implements ChangeRule<DataChange> {
    @Override
    public void check(DataChange change, RuleContext ctx) {
        boolean updateOrDelete = change.kind() == DataChangeKind.UPDATE || change.kind() == DataChangeKind.DELETE;
        if (!updateOrDelete || change.hasWhere()
                || (change.table() != null && ctx.facts().createdInThisMigration(change.table()))) {
            return;
        }
        String verb = change.kind().name();
        String table = change.table() == null ? "" : (change.kind() == DataChangeKind.DELETE ? " FROM " : " ")
                + change.table();
        ctx.report(change, verb + table + " has no WHERE clause and "
                        + (change.kind() == DataChangeKind.UPDATE ? "changes" : "deletes") + " every row")
                .help("Add a WHERE clause that selects the rows to " + verb.toLowerCase(java.util.Locale.ROOT)
                        + ". If every row is meant, say so with `-- migralint-ignore missing-where -- <reason>`"
                        + (change.kind() == DataChangeKind.DELETE ? ", or use TRUNCATE" : "")
                        + "; on a large table, work in batches of rows instead");
    }
}
