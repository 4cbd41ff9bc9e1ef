package dev.migralint.rules.reversibility;

import dev.migralint.core.analysis.SchemaDiff;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.RuleInfo;

/**
 * In a project that keeps down (undo, rollback) scripts, a schema-changing migration without one, or
 * with an empty one, cannot be rolled back: the tool either refuses or, with an empty file, marks the
 * migration reverted while its changes stay. Exempt: migrations that change no schema (data only), a
 * down that holds only a comment (a documented decision that the change is not reversible), and empty
 * downs in a project where a quarter or more of the downs are empty (its convention is to leave them
 * so, as in tools that split one change into several numbered steps).
 */
@RuleInfo(id = "missing-down-migration", category = Category.REVERSIBILITY, severity = Severity.WARNING,
        summary = "A schema-changing migration has no down script where the project keeps them")
public final class MissingDownMigration implements MigrationRule {
    @Override
    public void check(MigrationContext ctx) {
        Migration m = ctx.migration();
        if (!m.downExpected() || m.repeatable() || SchemaDiff.between(ctx.schemaBefore(), ctx.schemaAfter()).isEmpty()) {
            return;
        }
        if (m.down() == null) {
            ctx.report(ScriptStart.of(m.up()), "Migration " + name(m)
                            + " changes the schema but has no down script, so it cannot be rolled back")
                    .help("Add a down script that undoes the up (drop what it creates, restore what it changes); "
                            + "when the change cannot be undone, say so in a comment in the down script");
            return;
        }
        if (m.down().isBlank() && !DownConventions.downsSpanSteps(ctx.chain())) {
            ctx.report(ScriptStart.of(m.down()), "The down script of migration " + name(m)
                            + " is empty: rolling back marks the migration reverted while its schema changes stay")
                    .help("Write the statements that undo the up; when the change cannot be undone, say so in a "
                            + "comment (-- not reversible: ...) so the decision is visible");
        }
    }

    private static String name(Migration m) {
        if (m.version() == null || m.description().isEmpty() || m.version().equals(m.description())) {
            return m.version() == null ? m.description() : m.version();
        }
        return m.version() + " (" + m.description() + ")";
    }
}
