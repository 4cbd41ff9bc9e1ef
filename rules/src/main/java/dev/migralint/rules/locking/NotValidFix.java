package dev.migralint.rules.locking;

import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
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

    /** Offers the fix when the constraint is named and stands in its own ALTER TABLE statement, else help. */
    static void offer(FindingBuilder finding, RuleContext ctx, ObjectName table, Constraint constraint) {
        String validate = constraint.name() == null ? null : "ALTER TABLE " + ObjectLabels.sql(table, ctx.dialect())
                + " VALIDATE CONSTRAINT " + ObjectLabels.sql(constraint.name(), ctx.dialect()) + ";";
        if (validate == null || ctx.facts().inProceduralBlock()) {
            finding.help("Add the constraint with NOT VALID, which checks only new rows, then run ALTER TABLE "
                    + ObjectLabels.sql(table, ctx.dialect()) + " VALIDATE CONSTRAINT <name> in a separate transaction"
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
}
