package dev.migralint.rules.types;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.TableColumn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ColumnRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;

/**
 * PostgreSQL stores varchar(n) exactly as text; the length is a check like any CHECK constraint, and
 * raising it later needs an ALTER (cheap from PostgreSQL 9.2 on, but a migration all the same), while
 * a CHECK can be replaced NOT VALID. A bare varchar has no limit and is left alone.
 */
@RuleInfo(id = "prefer-text", category = Category.TYPES, severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL, summary = "Prefer text over varchar(n) in PostgreSQL")
public final class PreferText implements ColumnRule {
    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        if (!type.name().equals("varchar") || type.args().isEmpty()) {
            return;
        }
        String n = type.args().get(0);
        String name = ObjectLabels.sql(column.name(), ctx.dialect());
        ctx.report(column.typeRange(), "Column " + c.label() + " is " + type.text()
                        + ": PostgreSQL stores it as text and checks the length of " + n + " on every write")
                .help("Use text, with a check if the limit matters: " + name + " text CHECK (char_length(" + name
                        + ") <= " + n + ")");
    }
}
