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
import dev.migralint.core.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A single-column primary key of a 4-byte integer runs out at 2,147,483,647 (4,294,967,295 for MySQL's
 * INT UNSIGNED); sequence values are used up by rolled-back inserts and upserts too, and widening the
 * key later rewrites the table and every referencing foreign key column under an exclusive lock.
 * Composite keys (join tables) are left alone, their columns reference keys reported where those are
 * defined; so are smallint and tinyint keys, a deliberate choice for lookup tables of a few rows.
 */
@RuleInfo(id = "prefer-bigint-key", category = Category.TYPES, severity = Severity.WARNING,
        summary = "Use bigint for surrogate primary keys: a 4-byte integer key runs out")
public final class PreferBigintKey implements ColumnRule {
    private static final Map<String, String> WIDER = Map.of("integer", "bigint", "serial", "bigserial",
            "mediumint", "bigint");

    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        String wider = WIDER.get(type.name());
        if (wider == null || type.array() || !singleColumnKey(c, ctx)) {
            return;
        }
        boolean unsigned = type.text().toLowerCase(Locale.ROOT).contains("unsigned");
        String replacement = ctx.dialect() == Dialect.MYSQL && unsigned ? wider + " unsigned" : wider;
        String limit = unsigned ? "4,294,967,295" : type.name().equals("mediumint") ? "8,388,607" : "2,147,483,647";
        ctx.report(column.typeRange(), "Primary key column " + c.label() + " is " + type.text() + ", which runs out at "
                        + limit + "; widening it later rewrites the table and every referencing column")
                .helpShowingFix("Use an 8-byte key from the start: ", new Fix("Change the type to " + replacement,
                        List.of(new Fix.Edit(column.typeRange(), replacement))), column.range());
    }

    private static boolean singleColumnKey(TableColumn c, RuleContext ctx) {
        Table table = ctx.schemaAfter().table(c.table()).orElse(null);
        if (table == null || table.primaryKey() == null) {
            return c.column().primaryKey();
        }
        List<String> key = table.primaryKey().columns();
        return key.size() == 1 && key.get(0).equals(c.column().name());
    }
}
