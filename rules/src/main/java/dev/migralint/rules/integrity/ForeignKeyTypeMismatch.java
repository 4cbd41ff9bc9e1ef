package dev.migralint.rules.integrity;

import dev.migralint.core.analysis.ColumnTypes;
import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.rules.ObjectLabels;
import java.util.Locale;

/**
 * A foreign key column whose type is not the referenced column's, judged on the schema the chain ends
 * with (so a later ALTER COLUMN ... TYPE on either side counts). PostgreSQL accepts any pair of types
 * it can compare, which is why integer against bigint, or varchar against uuid with a cast, slip
 * through; MySQL wants integers of the same size and signedness and decimals of the same precision.
 * Different families, integer widths, float widths, and in MySQL signedness and decimal precision are
 * reported; string lengths are not (varchar(50) against text compares without a cast).
 */
@RuleInfo(id = "foreign-key-type-mismatch", category = Category.INTEGRITY, severity = Severity.ERROR,
        summary = "A foreign key column's type should be the type of the column it references")
public final class ForeignKeyTypeMismatch implements SchemaRule {
    @Override
    public void check(SchemaContext ctx) {
        for (Table t : ctx.schema().tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table target = ctx.schema().relation(fk.refTable()).orElse(null);
                if (target == null) {
                    continue;
                }
                for (int i = 0; i < fk.columns().size() && i < fk.refColumns().size(); i++) {
                    Column from = t.column(fk.columns().get(i)).orElse(null);
                    Column to = target.column(fk.refColumns().get(i)).orElse(null);
                    if (from != null && to != null) {
                        check(ctx, t, fk, from, target, to);
                    }
                }
            }
        }
    }

    private static void check(SchemaContext ctx, Table t, ForeignKey fk, Column from, Table target, Column to) {
        Dialect d = ctx.dialect();
        ColumnTypes.Match match = ColumnTypes.compare(from.type(), to.type(), d);
        String fromType = ColumnTypes.label(from.type(), d);
        String toType = ColumnTypes.label(to.type(), d);
        String why = switch (match) {
            case SAME, UNKNOWN -> null;
            case DIFFERENT_WIDTH -> narrower(from, to)
                    ? ": values of " + ObjectLabels.column(target.name(), to.displayName()) + " beyond " + fromType
                            + "'s range cannot be referenced"
                    : ": the wider column wastes space and joins compare values of different types";
            case DIFFERENT_SIGN -> ": MySQL refuses foreign keys between signed and unsigned integers";
            case DIFFERENT_PRECISION -> ": MySQL refuses foreign keys between decimals of different precision or scale";
            case DIFFERENT_FAMILY -> ": comparing them needs a conversion that can keep joins and the key's checks from "
                    + "using an index, where the database accepts the key at all";
        };
        if (why == null) {
            return;
        }
        // Widen the narrower side, never narrow the wider one: a wider referencing column says the key
        // is expected to outgrow its type, and narrowing could fail on (or lose) existing values.
        boolean widenKey = match == ColumnTypes.Match.DIFFERENT_WIDTH && narrower(to, from);
        Table changed = widenKey ? target : t;
        Column column = widenKey ? to : from;
        String type = widenKey ? fromType : toType;
        ctx.report(fk.definedAt(), "Foreign key column " + ObjectLabels.column(t.name(), from.displayName()) + " is " + fromType
                        + " but references " + ObjectLabels.column(target.name(), to.displayName()) + ", which is " + toType + why)
                .related(to.definedAt(), ObjectLabels.column(target.name(), to.displayName()) + " is defined here")
                .help((widenKey ? "Widen the referenced key to the foreign key's type (this rewrites " + ObjectLabels.table(target.name())
                        + " and the columns that reference it must follow): " : "Give both columns the same type: ")
                        + alter(changed, column, type, d));
    }

    private static String alter(Table table, Column column, String type, Dialect d) {
        String t = ObjectLabels.sql(table.name(), d);
        String c = ObjectLabels.sql(column.displayName(), d);
        return d == Dialect.MYSQL
                ? "ALTER TABLE " + t + " MODIFY " + c + " " + type.toUpperCase(Locale.ROOT) + " ...; (repeat its NULL and DEFAULT)"
                : "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + type + ";";
    }

    /** True when the referencing integer or float is the narrower one. */
    private static boolean narrower(Column from, Column to) {
        return rank(from.type().name()) < rank(to.type().name());
    }

    private static int rank(String type) {
        return switch (type) {
            case "tinyint" -> 1;
            case "smallint" -> 2;
            case "mediumint" -> 3;
            case "integer", "real" -> 4;
            default -> 8;
        };
    }
}
