package dev.migralint.rules.conventions;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.List;

/**
 * Where an API exposes schemas to clients directly (Supabase and PostgREST expose {@code public}), a
 * table without row level security is readable and writable by every role the API grants access to.
 * Checked on the schema the whole history leaves; temporary tables and partitions (reached through
 * their parent, whose policies apply) are skipped.
 */
@RuleInfo(id = "require-row-level-security", category = Category.CONVENTIONS, severity = Severity.WARNING,
        defaultOn = false, dialects = Dialect.POSTGRESQL,
        summary = "Tables in exposed schemas should have row level security enabled",
        options = RequireRowLevelSecurity.Options.class)
public final class RequireRowLevelSecurity implements SchemaRule {
    public record Options(
            @Option(value = "Schemas whose tables clients reach directly", defaultValue = "public")
            List<String> schemas) {
        public Options {
            schemas = List.copyOf(schemas);
        }
    }

    @Override
    public void check(SchemaContext ctx) {
        List<String> exposed = ctx.options(Options.class).schemas();
        for (Table t : ctx.schema().tables()) {
            if (t.kind() != Table.Kind.TABLE || t.temporary() || t.partitionOf() != null || t.rowLevelSecurity()
                    || !exposed.contains(t.name().schema())) {
                continue;
            }
            String table = ObjectLabels.sql(t.name(), ctx.dialect());
            ctx.report(t.definedAt(), "Table " + ObjectLabels.table(t.name()) + " is in exposed schema "
                            + t.name().schema() + " without row level security")
                    .help("Enable it and grant access with policies: ALTER TABLE " + table
                            + " ENABLE ROW LEVEL SECURITY; CREATE POLICY ... ON " + table + " ...;");
        }
    }
}
