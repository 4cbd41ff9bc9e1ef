package dev.migralint.rules.locking;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.AlterClauses;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.Optional;

/**
 * MySQL (InnoDB) online DDL: an ALTER TABLE runs INSTANT, INPLACE or COPY, and some INPLACE
 * operations still refuse concurrent writes. This rule reports the operations that block writes on
 * an existing table ({@link MysqlOnlineDdl} holds the table of operations) and an explicit
 * ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE. ALGORITHM=INSTANT or LOCK=NONE means the author asked
 * MySQL to refuse the statement rather than block, so it is trusted.
 */
@RuleInfo(id = "mysql-unsafe-alter", category = Category.LOCKING, severity = Severity.WARNING,
        dialects = Dialect.MYSQL, summary = "MySQL ALTER TABLE that copies the table or blocks writes")
public final class MysqlUnsafeAlter implements StatementRule {
    static final String TOOL = "run it with an online schema change tool (gh-ost or pt-online-schema-change), "
            + "which copies the table in the background without blocking writes";
    static final String HELP = "On a large table, " + TOOL;

    @Override
    public void check(RuleContext ctx) {
        AlterClauses.Options options = AlterClauses.read(ctx.file().text(), ctx.changes());
        ObjectName table = options.table() != null ? options.table() : table(ctx);
        if (table != null && ctx.facts().createdInThisMigration(table)) {
            return;
        }
        String name = table == null ? "the table" : ObjectLabels.qualified(table);
        boolean mysql57 = MysqlOnlineDdl.isMysql57(ctx.targetVersion());
        if ("INSTANT".equals(options.algorithm()) && mysql57) {
            ctx.report("ALGORITHM=INSTANT does not exist before MySQL 8.0: the ALTER TABLE on " + name + " fails")
                    .help("Use ALGORITHM=INPLACE, LOCK=NONE on MySQL 5.7, or set target-version to 8");
            return;
        }
        if ("COPY".equals(options.algorithm())) {
            ctx.report("ALGORITHM=COPY rebuilds " + name + " by copying every row and blocks writes until it "
                    + "finishes").help("Drop ALGORITHM=COPY so MySQL picks INSTANT or INPLACE where it can; " + HELP);
            return;
        }
        if ("SHARED".equals(options.lock()) || "EXCLUSIVE".equals(options.lock())) {
            String blocks = "SHARED".equals(options.lock()) ? "writes" : "reads and writes";
            ctx.report("LOCK=" + options.lock() + " blocks " + blocks + " to " + name + " until the ALTER finishes")
                    .help("Use LOCK=NONE where the operation allows concurrent writes; " + HELP);
            return;
        }
        if ("INSTANT".equals(options.algorithm()) || "NONE".equals(options.lock())) {
            return; // MySQL refuses the statement rather than block: the author checked
        }
        boolean foreignKeyChecks = MysqlOnlineDdl.foreignKeyChecks(ctx.facts().settingBefore("foreign_key_checks"));
        if ("INPLACE".equals(options.algorithm()) && foreignKeyChecks
                && ctx.changes().stream().anyMatch(c -> MysqlOnlineDdl.foreignKey(c) != null)) {
            ctx.report("ALGORITHM=INPLACE cannot add a foreign key while foreign_key_checks is on: the ALTER TABLE on "
                    + name + " fails").help("Run SET foreign_key_checks = 0 before it (and = 1 after); InnoDB then "
                    + "does not check the existing rows, so find orphans first");
            return;
        }
        for (SchemaChange change : ctx.changes()) {
            String problem = MysqlOnlineDdl.blockingOperation(change, ctx.changes(), column(ctx, change),
                    foreignKeyChecks);
            if (problem != null) {
                ctx.report(change, "Table " + name + ": " + problem + "; writes to the table wait until "
                        + "it finishes").help(MysqlOnlineDdl.help(change));
            }
        }
        for (List<String> clause : options.clauses()) {
            if (clause.size() >= 2 && clause.get(0).equals("convert") && clause.get(1).equals("to")) {
                ctx.report("Converting the character set of " + name + " copies the table (ALGORITHM=COPY) and "
                        + "blocks writes until it finishes").help(HELP);
            }
        }
    }

    private static ObjectName table(RuleContext ctx) {
        for (SchemaChange c : ctx.changes()) {
            ObjectName t = MysqlOnlineDdl.table(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The column a MODIFY or CHANGE redefines, as it was before; empty when its history is not in view. */
    private static Optional<Column> column(RuleContext ctx, SchemaChange change) {
        if (!(change instanceof SchemaChange.AlterColumnType type) || type.redefinition() == null) {
            return Optional.empty();
        }
        Optional<Table> table = ctx.schemaBefore().table(type.table());
        // CHANGE old new ...: the change names the new column; the rename that precedes it names the old one.
        String name = type.column();
        for (SchemaChange c : ctx.changes()) {
            if (c instanceof SchemaChange.RenameColumn r && r.range().equals(type.range())) {
                name = r.column();
            }
        }
        String old = name;
        return table.flatMap(t -> t.column(old));
    }
}
