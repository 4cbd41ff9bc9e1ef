package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.FindingBuilder;
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
        FindingBuilder finding = ctx.report(drop, "DROP INDEX " + names + " takes an ACCESS EXCLUSIVE lock on "
                + (drop.indexes().size() == 1 ? "its table" : "their tables")
                + ", blocking reads and writes until it finishes");
        if (drop.indexes().size() == 1 && !drop.cascade() && drop.indexKeyword() != null) {
            finding.helpShowingFix("Drop it without blocking queries (outside a transaction block): ",
                    Fix.insert("Add CONCURRENTLY", drop.indexKeyword().end(), " CONCURRENTLY"));
        } else {
            // No fix: DROP INDEX CONCURRENTLY takes exactly one index and refuses CASCADE.
            finding.help("Drop each index with its own DROP INDEX CONCURRENTLY statement, outside a transaction "
                    + "block; it takes one index per statement and no CASCADE, so drop dependent objects first");
        }
    }
}
