package dev.migralint.core.engine;

import dev.migralint.core.change.SchemaChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes rules see for one change replay applies. Most kinds are seen as they are; a wrapper of
 * other changes is opened. One method per kind, so a new kind must decide how rules see it.
 */
final class RuleChanges implements SchemaChange.Visitor<List<SchemaChange>> {
    static final RuleChanges INSTANCE = new RuleChanges();

    private RuleChanges() {
    }

    /** The changes rules see for a statement's changes, in order. */
    static List<SchemaChange> of(List<SchemaChange> changes) {
        boolean wrapped = false;
        for (SchemaChange c : changes) {
            wrapped |= c instanceof SchemaChange.ProceduralDdl;
        }
        if (!wrapped) {
            return changes;
        }
        List<SchemaChange> seen = new ArrayList<>();
        for (SchemaChange c : changes) {
            seen.addAll(c.accept(INSTANCE));
        }
        return List.copyOf(seen);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateTable change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropTable change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.RenameTable change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AddColumn change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropColumn change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.RenameColumn change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AlterColumnType change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.SetNotNull change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropNotNull change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.SetDefault change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CommentOnColumn change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropDefault change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AddConstraint change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropConstraint change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.RenameConstraint change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.ValidateConstraint change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.SetRowLevelSecurity change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AttachPartition change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateIndex change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropIndex change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.RenameIndex change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateEnum change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AlterEnum change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropType change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateView change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropView change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateSchema change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DropSchema change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.Transaction change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.SetSetting change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.DataChange change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.Truncate change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.LockTable change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.AddDomainConstraint change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.RewriteTable change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.Reindex change) {
        return List.of(change);
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.CreateSequence change) {
        return List.of(change);
    }

    /**
     * DDL inside a DO block: each inner statement is shown to rules as if it stood alone, with its own
     * range in the file. Replay applies it leniently (it may be guarded), but a CREATE INDEX that does
     * run locks the table all the same.
     */
    @Override
    public List<SchemaChange> visit(SchemaChange.ProceduralDdl change) {
        List<SchemaChange> inner = new ArrayList<>();
        for (SchemaChange c : change.changes()) {
            inner.addAll(c.accept(this));
        }
        return inner;
    }

    @Override
    public List<SchemaChange> visit(SchemaChange.Opaque change) {
        return List.of(change);
    }
}
