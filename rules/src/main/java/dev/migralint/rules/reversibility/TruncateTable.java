package dev.migralint.rules.reversibility;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TRUNCATE deletes every row at once (with CASCADE, the rows of referencing tables too); no down
 * script brings them back. Exempt: tables this migration created, temporary tables.
 */
@RuleInfo(id = "truncate-table", category = Category.REVERSIBILITY, severity = Severity.WARNING,
        summary = "TRUNCATE deletes every row of a table")
public final class TruncateTable implements ChangeRule<Truncate> {
    @Override
    public void check(Truncate truncate, RuleContext ctx) {
        List<ObjectName> emptied = truncate.tables().stream().filter(t -> Destructive.holdsData(t, ctx)).toList();
        if (emptied.isEmpty()) {
            return;
        }
        String names = emptied.stream().map(ObjectLabels::table).collect(Collectors.joining(", "));
        ctx.report(truncate, "TRUNCATE deletes every row of " + names
                        + (truncate.cascade() ? " and of every table that references " + (emptied.size() == 1 ? "it" : "them") : "")
                        + "; reverting the migration cannot bring the rows back")
                .help("Delete only the rows you mean to with DELETE ... WHERE, or, when the table must really be "
                        + "emptied, keep a copy first (CREATE TABLE " + emptied.get(0).name() + "_backup AS SELECT * FROM "
                        + ObjectLabels.table(emptied.get(0)) + ") and drop the copy in a later release");
    }
}
