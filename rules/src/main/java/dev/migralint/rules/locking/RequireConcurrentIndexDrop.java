package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import java.util.stream.Collectors;

/**
 * DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: it waits behind every running
 * query on the table and blocks all new ones, reads included, while it waits.
 */
@RuleInfo(id = "require-concurrent-index-drop", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL, summary = "DROP INDEX without CONCURRENTLY locks the table against reads and writes")
public final class RequireConcurrentIndexDrop implements ChangeRule<DropIndex> {
    @Override
    public void check(DropIndex drop, RuleContext ctx) {
        if (drop.concurrently()) {
            return;
        }
        String names = drop.indexes().stream().map(ObjectName::toString).collect(Collectors.joining(", "));
        String corrected = drop.indexes().stream()
                .map(n -> "DROP INDEX CONCURRENTLY " + (drop.ifExists() ? "IF EXISTS " : "") + n + ";")
                .collect(Collectors.joining(" "));
        ctx.report(drop, "DROP INDEX " + names + " takes an ACCESS EXCLUSIVE lock on "
                        + (drop.indexes().size() == 1 ? "its table" : "their tables")
                        + ", blocking reads and writes until it finishes")
                .help("Drop it without blocking queries (one index per statement, no CASCADE, outside a "
                        + "transaction block): " + corrected);
    }
}
