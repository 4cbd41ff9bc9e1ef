package dev.migralint.rules.conventions;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A team convention: every table a migration creates has the audit columns the options name, by the
 * end of that migration (so a column added by a later statement of the same migration counts).
 * Temporary tables, materialized views and tables whose columns replay cannot see are skipped.
 */
@RuleInfo(id = "require-timestamps", category = Category.CONVENTIONS, severity = Severity.WARNING, defaultOn = false,
        summary = "Every new table should have the configured timestamp columns", options = RequireTimestamps.Options.class)
public final class RequireTimestamps implements MigrationRule {
    public record Options(
            @Option(value = "The columns every new table must have", defaultValue = "created_at, updated_at")
            List<String> columns) {
        public Options {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new InvalidOptionException("columns", "option columns of rule require-timestamps names no column");
            }
        }
    }

    @Override
    public void check(MigrationContext ctx) {
        List<String> required = ctx.options(Options.class).columns();
        for (Table t : ctx.schemaAfter().tables()) {
            if (t.kind() != Table.Kind.TABLE || t.temporary() || !t.columnsKnown() || t.partitionOf() != null
                    || ctx.schemaBefore().table(t.name()).isPresent()) {
                continue;
            }
            List<String> missing = required.stream()
                    .filter(c -> t.column(c).isEmpty())
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                continue;
            }
            String table = ObjectLabels.sql(t.name(), ctx.dialect());
            ctx.report(t.definedAt(), "Table " + ObjectLabels.table(t.name()) + " has no " + String.join(" or ", missing)
                            + " column")
                    .help("Add " + (missing.size() == 1 ? "it" : "them") + ": " + missing.stream()
                            .map(c -> "ALTER TABLE " + table + " ADD COLUMN " + ObjectLabels.sql(c, ctx.dialect()) + " "
                                    + type(ctx) + " NOT NULL DEFAULT " + now(ctx) + ";")
                            .collect(Collectors.joining(" ")));
        }
    }

    private static String type(MigrationContext ctx) {
        return ctx.dialect() == dev.migralint.core.Dialect.MYSQL ? "datetime(6)" : "timestamptz";
    }

    private static String now(MigrationContext ctx) {
        return ctx.dialect() == dev.migralint.core.Dialect.MYSQL ? "CURRENT_TIMESTAMP(6)" : "now()";
    }
}
