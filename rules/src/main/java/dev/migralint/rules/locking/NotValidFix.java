package dev.migralint.rules.locking;

import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.source.TextRange;
import dev.migralint.rules.ObjectLabels;
import java.util.List;

/**
 * The remedy the NOT VALID rules share: add the constraint NOT VALID (no scan, a brief lock), then
 * VALIDATE CONSTRAINT, which scans under SHARE UPDATE EXCLUSIVE and so lets reads and writes go on.
 */
final class NotValidFix {
    private NotValidFix() {
    }

    static final String LEAD = "Add it without checking existing rows, then validate it without blocking writes "
            + "(run VALIDATE in its own transaction: a lock lasts until commit): ";

    /**
     * Offers the fix when the constraint is named and stands in its own ALTER TABLE statement, else help.
     * In a transaction a VALIDATE right after the ADD would run under the ADD's lock: help only.
     */
    static void offer(FindingBuilder finding, RuleContext ctx, ObjectName table, Constraint constraint) {
        String validate = constraint.name() == null ? null : "ALTER TABLE " + ObjectLabels.sql(table, ctx.dialect())
                + " VALIDATE CONSTRAINT " + ObjectLabels.sql(constraint.name(), ctx.dialect()) + ";";
        if (validate == null || ctx.facts().inProceduralBlock() || ctx.facts().inTransaction()) {
            finding.help("Add the constraint with NOT VALID, which checks only new rows, then run ALTER TABLE "
                    + ObjectLabels.sql(table, ctx.dialect()) + " VALIDATE CONSTRAINT "
                    + (constraint.name() == null ? "<name>" : ObjectLabels.sql(constraint.name(), ctx.dialect()))
                    + " in a separate transaction (the next migration, when the tool runs this one in a transaction)"
                    + (constraint.name() == null ? " (name the constraint to validate it)" : ""));
            return;
        }
        String text = ctx.file().text();
        int end = ctx.statementRange().end();
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int at = constraint.range().end();
        List<Fix.Edit> edits;
        if (after < text.length() && text.charAt(after) == ';') {
            edits = List.of(new Fix.Edit(new TextRange(at, at), " NOT VALID"),
                    new Fix.Edit(new TextRange(after + 1, after + 1), newline + validate));
        } else if (at == end) {
            // The last statement of the file, without a terminator: end it before adding the next.
            edits = List.of(new Fix.Edit(new TextRange(at, at), " NOT VALID;" + newline
                    + validate.substring(0, validate.length() - 1)));
        } else {
            edits = List.of(new Fix.Edit(new TextRange(at, at), " NOT VALID"),
                    new Fix.Edit(new TextRange(end, end), ";" + newline + validate.substring(0, validate.length() - 1)));
        }
        finding.helpShowingFix(LEAD, new Fix("Add NOT VALID and a VALIDATE CONSTRAINT statement", edits));
    }

    /**
     * VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID: the lock the ADD took
     * is held until commit, so the validation scan runs under it and NOT VALID bought nothing.
     */
    static void validatedTooSoon(RuleContext ctx, SchemaChange.ValidateConstraint validate,
                                 Class<? extends Constraint> kind, String lock, String blocks) {
        if (ctx.facts().createdInThisMigration(validate.table())) {
            return;
        }
        for (StatementFacts.ScriptConstraint c : ctx.facts().constraintsOfThisScript(validate.table())) {
            if (validate.name().equals(c.name()) && kind.isInstance(c.constraint()) && !c.validated()
                    && c.sameTransaction()) {
                ctx.report(validate, "VALIDATE CONSTRAINT " + c.name() + " runs in the transaction that added it NOT "
                        + "VALID: the " + lock + " lock the ADD took is held until commit, so " + blocks + " on "
                        + ObjectLabels.table(validate.table()) + " wait for the whole validation")
                        .help("Validate in a transaction of its own: COMMIT after the ADD CONSTRAINT ... NOT VALID, or "
                                + "move the VALIDATE CONSTRAINT to the next migration");
            }
        }
    }
}
