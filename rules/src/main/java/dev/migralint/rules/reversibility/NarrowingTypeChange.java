package dev.migralint.rules.reversibility;

import dev.migralint.core.analysis.TypeNarrowing;
import dev.migralint.core.analysis.TypeNarrowing.Narrowing;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.Optional;

/**
 * A column changed to a narrower type (a smaller integer, a shorter string, fewer digits, a timestamp
 * without its zone or time of day): PostgreSQL's ALTER COLUMN TYPE fails on the first value that does
 * not fit, or silently rounds or converts it; MySQL's MODIFY/CHANGE truncates or fails depending on
 * sql_mode. Changing the type back in a down cannot restore what was cut. Exempt: a table created in
 * this migration (it holds no data yet), a column whose old type is not in view, and down scripts,
 * whose job is to change a type back to what it was before the up widened it.
 */
@RuleInfo(id = "narrowing-type-change", category = Category.REVERSIBILITY, severity = Severity.ERROR,
        summary = "Changing a column to a narrower type can lose data or fail")
public final class NarrowingTypeChange implements ChangeRule<AlterColumnType> {
    @Override
    public void check(AlterColumnType change, RuleContext ctx) {
        if (ctx.facts().createdInThisMigration(change.table()) || ctx.facts().inDownScript()) {
            return;
        }
        DataType to = change.redefinition() != null ? change.redefinition().type() : change.type();
        Optional<Column> old = ctx.schemaBefore().table(change.table()).flatMap((Table t) -> t.column(change.column()));
        if (to == null || old.isEmpty()) {
            return;
        }
        DataType from = old.get().type();
        Optional<Narrowing> narrowing = TypeNarrowing.of(from, to, ctx.dialect());
        if (narrowing.isEmpty()) {
            return;
        }
        String column = old.get().displayName();
        String label = ObjectLabels.column(change.table(), column);
        String check = narrowing.get().violationFor(ObjectLabels.sql(column, ctx.dialect()));
        ctx.report(change, "Changing " + label + " from " + from.text() + " to " + to.text() + " narrows it: "
                        + narrowing.get().loss())
                .help((check == null ? "" : "Find the rows that would not survive first: SELECT count(*) FROM "
                        + ObjectLabels.table(change.table()) + " WHERE " + check + "; ")
                        + "keep the wider type unless every value, now and in future, fits the new one, and keep a "
                        + "backup of the column, since changing the type back cannot restore what was cut");
    }
}
