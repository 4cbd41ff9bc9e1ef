package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * ADD COLUMN rewrites the whole table under ACCESS EXCLUSIVE when every existing row needs its own
 * value: a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval(...)), a serial
 * or identity column, a stored generated column. Since PostgreSQL 11 a non-volatile default (a
 * constant, now(), CURRENT_TIMESTAMP) is stored once in the catalog; before 11 any non-null default
 * rewrites the table.
 */
@RuleInfo(id = "add-column-rewrite", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "ADD COLUMN that rewrites an existing table while blocking reads and writes")
public final class AddColumnRewrite implements StatementRule {
    /** Built-in volatile functions seen in defaults; now() and CURRENT_TIMESTAMP are stable, not volatile. */
    private static final List<String> VOLATILE = List.of("random(", "clock_timestamp(", "gen_random_uuid(",
            "uuid_generate_v1(", "uuid_generate_v1mc(", "uuid_generate_v4(", "uuidv4(", "uuidv7(", "nextval(",
            "timeofday(", "gen_random_bytes(", "random_normal(");
    /**
     * Built-in functions that are not volatile (stable or immutable), and SQL forms written like calls.
     * Any other function counts as volatile: PostgreSQL makes a function VOLATILE unless its CREATE
     * FUNCTION says otherwise, and the history rarely shows how it was declared.
     */
    private static final Set<String> NON_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_setting", "lower", "upper", "length", "coalesce", "nullif", "greatest", "least", "concat",
            "concat_ws", "jsonb_build_object", "jsonb_build_array", "json_build_object", "json_build_array", "to_jsonb",
            "to_json", "row", "make_interval", "make_date", "make_timestamp", "make_timestamptz", "date_trunc",
            "timezone", "to_char", "to_timestamp", "to_date", "md5", "abs", "round", "trim", "btrim", "replace", "substr",
            "substring", "format", "cast", "array", "array_fill", "left", "right", "lpad", "rpad", "extract",
            "date_part", "interval", "numeric", "decimal", "varchar", "char", "character", "timestamp", "time",
            "bit", "float", "current_schema", "current_user", "session_user", "inet", "point", "int4range",
            "int8range", "numrange", "tsrange", "tstzrange", "daterange");
    /** Built-ins that take no argument: called with one, the name means some other, user-defined function. */
    private static final Set<String> NO_ARGUMENTS = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_schema");
    private static final Pattern CALL = Pattern.compile("(::\\s*)?\\b([a-z_][a-z0-9_.$]*)\\s*\\(");
    private static final Set<String> SERIAL = Set.of("serial", "smallserial", "bigserial");
    private static final String BACKFILL = "fill existing rows in batches with UPDATE ... WHERE id BETWEEN ..., "
            + "each in its own transaction";

    /** Why adding the column rewrites the table, with the remedy; null when it does not. */
    private record Rewrite(String what, String help) {
    }

    /** One finding per statement: however many columns need a rewrite, the table is rewritten once. */
    @Override
    public void check(RuleContext ctx) {
        AddColumn first = null;
        Rewrite rewrite = null;
        int others = 0;
        for (SchemaChange c : ctx.changes()) {
            if (c instanceof AddColumn add && !ctx.facts().createdInThisMigration(add.table())) {
                Rewrite r = rewrite(add, ctx);
                if (r != null && first == null) {
                    first = add;
                    rewrite = r;
                } else if (r != null && add.table().sameObject(first.table())) {
                    others++;
                }
            }
        }
        if (first == null) {
            return;
        }
        String more = others == 0 ? "" : " (as do " + others + " more column" + (others == 1 ? "" : "s")
                + " this statement adds; the table is rewritten once)";
        ctx.report(first, "ADD COLUMN " + ObjectLabels.column(first.table(), first.column().name()) + " with "
                + rewrite.what() + " rewrites existing table " + ObjectLabels.table(first.table())
                + " and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes" + more)
                .help(rewrite.help());
    }

    private static Rewrite rewrite(AddColumn change, RuleContext ctx) {
        ColumnDef column = change.column();
        String what;
        String help;
        String t = ObjectLabels.sql(change.table(), ctx.dialect());
        String c = ObjectLabels.sql(column.name(), ctx.dialect());
        String def = column.defaultExpression() == null ? null : column.defaultExpression().strip();
        if (column.generatedExpression() != null && column.generatedStored()) {
            what = "a stored generated column";
            help = "Add a plain column, " + BACKFILL + ", and keep it current from the application or a trigger; "
                    + "or compute the expression in queries or a view";
        } else if (SERIAL.contains(column.type().name())) {
            what = "type " + column.type().text() + ", whose nextval() default is volatile,";
            help = "Add a plain " + (column.type().name().equals("bigserial") ? "bigint" : "integer") + " column, "
                    + "CREATE SEQUENCE and ALTER TABLE " + t + " ALTER COLUMN " + c + " SET DEFAULT nextval(...) for "
                    + "new rows, then " + BACKFILL;
        } else if (column.identity()) {
            what = "an identity column";
            help = "Add a plain bigint column with a sequence default (SET DEFAULT for new rows only), then " + BACKFILL;
        } else if (def != null && !def.equalsIgnoreCase("null") && isVolatile(def)) {
            what = "volatile default " + def;
            help = "Add the column without a default (or with a constant one), then ALTER TABLE " + t + " ALTER COLUMN "
                    + c + " SET DEFAULT " + def + " for new rows, and " + BACKFILL;
        } else if (def != null && !def.equalsIgnoreCase("null") && ctx.targetVersion() < 11) {
            what = "a default (before PostgreSQL 11 any default)";
            help = "Add the column without a default, then ALTER TABLE " + t + " ALTER COLUMN " + c + " SET DEFAULT "
                    + def + " (applies to new rows only), and " + BACKFILL + "; PostgreSQL 11+ adds a non-volatile "
                    + "default without rewriting";
        } else {
            return null;
        }
        return new Rewrite(what, help);
    }

    private static boolean isVolatile(String expression) {
        String e = expression.toLowerCase(Locale.ROOT).replaceAll("\\s+\\(", "(");
        for (String f : VOLATILE) {
            int at = e.indexOf(f);
            // a whole function name: not part of a longer identifier (my_random())
            if (at >= 0 && (at == 0 || !Character.isLetterOrDigit(e.charAt(at - 1)) && e.charAt(at - 1) != '_')) {
                return true;
            }
        }
        Matcher m = CALL.matcher(e);
        while (m.find()) {
            String name = m.group(2);
            String bare = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
            if (m.group(1) == null && (!NON_VOLATILE.contains(bare)
                    || NO_ARGUMENTS.contains(bare) && !e.substring(m.end()).stripLeading().startsWith(")"))) {
                return true; // a function whose volatility the history does not show: VOLATILE by default
            }
        }
        return false;
    }
}
