package dev.migralint.rules.types;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.TableColumn;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ColumnRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import java.util.List;

/**
 * PostgreSQL's json stores the text as written and re-parses it on every access; it has no equality
 * operator (so no DISTINCT, GROUP BY or unique index) and no GIN index support. jsonb (9.4+) is
 * parsed once, indexable and comparable. json is only needed to keep key order, duplicate keys or
 * whitespace.
 */
@RuleInfo(id = "prefer-jsonb", category = Category.TYPES, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL, summary = "Use jsonb rather than json in PostgreSQL")
public final class PreferJsonb implements ColumnRule {
    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        if (!type.name().equals("json")) {
            return;
        }
        String corrected = "jsonb" + (type.array() ? "[]" : "");
        ctx.report(column.typeRange(), "Column " + c.label() + " is " + type.text()
                        + ", which is re-parsed on every access and cannot be compared or GIN-indexed")
                .helpShowingFix("Store parsed JSON instead: ", new Fix("Change the type to " + corrected,
                        List.of(new Fix.Edit(column.typeRange(), corrected))), column.range());
    }
}
