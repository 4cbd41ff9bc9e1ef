package dev.migralint.rules.reversibility;

import dev.migralint.core.analysis.SchemaDiff;
import dev.migralint.core.analysis.SchemaDiff.Difference;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.ReplayNote;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays the up, then its down, and compares the result with the schema before the up: whatever
 * differs (tables, columns, their types and nullability, constraints, indexes, enum types, views) is
 * what a rollback leaves behind or destroys. Quiet when the down's replay met objects it did not know
 * (the history it was written against is not in view), when the down holds no statements (that is
 * {@code missing-down-migration}'s finding), when the down changes nothing replay can see, and about
 * objects the down creates that were not there before the up nor after it (an up that dropped, IF
 * EXISTS, something made outside the migrations), and in projects whose downs span several steps
 * ({@link DownConventions#downsSpanSteps}), where one step's down is not meant to undo its own up.
 */
@RuleInfo(id = "down-does-not-revert", category = Category.REVERSIBILITY, severity = Severity.ERROR,
        summary = "The down script does not restore the schema the up started from")
public final class DownDoesNotRevert implements MigrationRule {
    private static final int SHOWN = 4;

    @Override
    public void check(MigrationContext ctx) {
        Migration m = ctx.migration();
        if (m.down() == null || ctx.schemaAfterDown() == null || m.down().isBlank()
                || DownConventions.downsSpanSteps(ctx.chain())
                || ctx.downReplayNotes().stream().anyMatch(DownDoesNotRevert::historyNotInView)) {
            return;
        }
        // Something the down creates that neither the schema before nor after the up has is what an up
        // dropped with IF EXISTS while replay never saw it (made by hand or by a tool): not a leftover.
        Set<Difference> leftByUp = new HashSet<>(SchemaDiff.between(ctx.schemaBefore(), ctx.schemaAfter()));
        List<Difference> differences = SchemaDiff.between(ctx.schemaBefore(), ctx.schemaAfterDown()).stream()
                .filter(d -> !d.problem().equals(SchemaDiff.LEFT_OVER) || leftByUp.contains(d)).toList();
        if (differences.isEmpty() || SchemaDiff.between(ctx.schemaAfter(), ctx.schemaAfterDown()).isEmpty()) {
            // Nothing left over, or a down that changes nothing replay can see (only comments or
            // statements replay does not model): no verdict.
            return;
        }
        String shown = differences.stream().limit(SHOWN).map(Difference::toString).collect(Collectors.joining("; "));
        int more = differences.size() - SHOWN;
        ctx.report(ScriptStart.of(m.down()), "After the up and then this down, the schema differs "
                        + "from before the up: " + shown + (more > 0 ? "; and " + more + " more" : ""))
                .help("Make the down undo exactly what the up does, in reverse order: drop what the up creates, "
                        + "recreate what it drops, and change back what it alters");
    }

    private static boolean historyNotInView(ReplayNote note) {
        return switch (note.kind()) {
            case UNKNOWN_TABLE, UNKNOWN_COLUMN, UNKNOWN_INDEX, UNKNOWN_CONSTRAINT, UNKNOWN_TYPE, UNKNOWN_VIEW,
                    UNKNOWN_SCHEMA -> true;
            default -> false;
        };
    }
}
