package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.TableLocks;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.rules.ObjectLabels;

/**
 * A statement that needs a lock blocking writes (SHARE and stronger) waits behind every running
 * query on the table, and while it waits every new query on the table, reads too for ACCESS EXCLUSIVE,
 * queues behind it: a short ALTER TABLE behind one long report takes the table down. lock_timeout
 * makes the statement give up instead, so the migration fails fast and can be retried. Reported once
 * per migration script, at the first such statement.
 */
@RuleInfo(id = "require-lock-timeout", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL,
        summary = "A lock that blocks writes on an existing table is taken with no lock_timeout set")
public final class RequireLockTimeout implements StatementRule {
    static final String SETTING = "SET lock_timeout = '5s';";

    @Override
    public void check(RuleContext ctx) {
        if (ctx.facts().blockingLockBefore() || timeoutSet(ctx.facts().settingBefore("lock_timeout"))) {
            return;
        }
        for (SchemaChange change : ctx.changes()) {
            for (TableLocks.Lock lock : TableLocks.blockingWrites(change, ctx.schemaBefore())) {
                if (lock.table() != null && ctx.facts().createdInThisMigration(lock.table())) {
                    continue;
                }
                String on = lock.table() == null ? "its table" : "existing table " + ObjectLabels.table(lock.table());
                String blocked = lock.mode().equals(TableLocks.ACCESS_EXCLUSIVE) ? "every query" : "every write";
                String text = ctx.file().text();
                Insertion at = insertionPoint(text, ctx.statementRange().start());
                String newline = text.contains("\r\n") ? "\r\n" : "\n";
                String article = lock.mode().startsWith("SHARE") ? "a " : "an ";
                ctx.report("This statement waits for " + article + lock.mode() + " lock on " + on + " with no lock_timeout set "
                        + "earlier in the migration; while it waits, " + blocked + " on the table queues behind it")
                        .help("Set a lock timeout before the first such statement, so the migration gives up (and can be "
                                + "retried) instead of stalling traffic: " + SETTING)
                        .fix(Fix.insert("Set lock_timeout", at.offset(), SETTING + (at.inline() ? " " : newline)));
                return;
            }
        }
    }

    /** lock_timeout 0 (the default) means no timeout. */
    private static boolean timeoutSet(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return !(v.isEmpty() || v.equals("default") || v.matches("0+\\s*(ms|s|min|h|d)?"));
    }

    /**
     * Where the SET goes: at the start of the statement's line, above any suppression comment lines
     * that belong to the statement; {@code inline} when the statement shares its line with another.
     */
    private record Insertion(int offset, boolean inline) {
    }

    private static Insertion insertionPoint(String text, int statementStart) {
        int lineStart = lineStart(text, statementStart);
        if (!text.substring(lineStart, statementStart).isBlank()) {
            return new Insertion(statementStart, true);
        }
        int at = lineStart;
        while (at > 0) {
            int end = at;
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            int previous = lineStart(text, end);
            String line = text.substring(previous, end).strip();
            if (!(line.startsWith("--") && line.contains("migralint-ignore"))) {
                break;
            }
            at = previous;
        }
        return new Insertion(at, false);
    }

    private static int lineStart(String text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }
}
