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
 * PostgreSQL's timestamp (without time zone) stores a wall-clock reading with no zone: the same
 * instant written from sessions in different zones gets different values, and daylight-saving
 * changes make some readings ambiguous. timestamptz stores an instant and costs the same 8 bytes.
 */
@RuleInfo(id = "prefer-timestamptz", category = Category.TYPES, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL, summary = "Use timestamptz rather than timestamp without time zone")
public final class PreferTimestamptz implements ColumnRule {
    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        if (!type.name().equals("timestamp")) {
            return;
        }
        ctx.report(column.typeRange(), "Column " + c.label() + " is " + type.text()
                        + ", which stores a wall-clock time without its time zone")
                .helpShowingFix("Store an instant instead: ", new Fix("Change the type to " + corrected(type),
                        List.of(new Fix.Edit(column.typeRange(), corrected(type)))), column.range());
    }

    /** timestamp(3) -> timestamptz(3), timestamp without time zone[] -> timestamptz[]. */
    private static String corrected(DataType type) {
        String args = type.args().isEmpty() ? "" : "(" + String.join(", ", type.args()) + ")";
        return "timestamptz" + args + (type.array() ? "[]" : "");
    }
}
