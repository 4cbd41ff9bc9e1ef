package dev.migralint.core.engine;

import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.analysis.TableLocks;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.engine.ScriptLinter.AddedColumn;
import dev.migralint.core.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the statements of one script tell rules about the situation each statement runs in: the
 * transactions (the tool's, the script's own), the tables and columns the migration created so far,
 * the settings made and the write-blocking locks taken before. Walked once, statement by statement:
 * {@link #before} gives a statement's facts, {@link #after} takes in what it did.
 */
final class ScriptFacts {
    private final boolean wrapped;
    private final boolean down;
    private final int lastTransactionEnd;
    private final List<List<ObjectName>> createdBy;
    private final List<List<ObjectName>> viewsBy;
    private final List<ObjectName> created;
    private final List<AddedColumn> added;
    private final Map<String, String> settings = new HashMap<>();
    /** Replaced, never changed, so a statement's snapshot can hold it as it was. */
    private List<Added> constraints = List.of();
    /** Counts the transactions: goes up after each statement that leaves none open. */
    private int transaction;
    private boolean explicitTransaction;
    private boolean blockingLockBefore;

    /**
     * {@code changes} are every statement's changes; {@code wrapped} whether the tool runs the script in
     * a transaction; {@code createdByUp} and {@code addedByUp} what a down script's up created.
     */
    ScriptFacts(List<List<SchemaChange>> changes, boolean wrapped, boolean down, List<ObjectName> createdByUp,
                List<AddedColumn> addedByUp) {
        this.wrapped = wrapped;
        this.down = down;
        this.lastTransactionEnd = lastTransactionEnd(changes);
        this.createdBy = createdBy(changes, c -> c instanceof SchemaChange.CreateTable ct ? ct.table() : null);
        this.viewsBy = createdBy(changes, c -> c instanceof SchemaChange.CreateView v ? v.name() : null);
        this.created = new ArrayList<>(createdByUp);
        this.added = new ArrayList<>(addedByUp);
    }

    List<ObjectName> created() {
        return created;
    }

    List<AddedColumn> added() {
        return added;
    }

    /**
     * The facts for statement {@code i}. A table the statement creates counts as created in this
     * migration for its own later changes too: a DO block may create a table and index it.
     */
    StatementFacts before(int i, List<SchemaChange> statementChanges, List<SchemaChange> ruleChanges) {
        for (SchemaChange c : ruleChanges) {
            if (c instanceof SchemaChange.CreateTable ct) {
                created.add(ct.table());
            } else if (c instanceof SchemaChange.CreateView v && v.materialized()) {
                created.add(v.name()); // a new materialized view has no readers to block either
            } else if (c instanceof SchemaChange.AddColumn ac) {
                added.add(new AddedColumn(ac.table(), ac.column().name()));
            }
        }
        boolean procedural = statementChanges.stream().anyMatch(c -> c instanceof SchemaChange.ProceduralDdl);
        // The lists only grow, so their current lengths mark this statement's snapshot without copying.
        return new Snapshot(this, wrapped, explicitTransaction, i < lastTransactionEnd, procedural, created.size(),
                added.size(), createdBy.subList(i + 1, createdBy.size()), viewsBy.subList(i + 1, viewsBy.size()),
                Map.copyOf(settings), blockingLockBefore,
                constraints, transaction);
    }

    /** Takes in what a statement did to the session once its rules have run. */
    void after(List<SchemaChange> ruleChanges, Schema statementBefore, StatementFacts facts) {
        blockingLockBefore |= blocksWrites(ruleChanges, statementBefore, facts);
        for (SchemaChange c : ruleChanges) {
            if (c instanceof SchemaChange.SetSetting set) {
                settings.put(set.name(), set.value() == null ? "" : set.value());
            }
            if (c instanceof SchemaChange.Transaction t) {
                switch (t.kind()) {
                    case BEGIN -> explicitTransaction = true;
                    case COMMIT, ROLLBACK -> explicitTransaction = false;
                    default -> { }
                }
            }
            constraints = Added.after(constraints, c, transaction);
        }
        if (!wrapped && !explicitTransaction) {
            transaction++;
        }
    }

    /** A constraint the script added or validated, and the transaction that added it. */
    private record Added(ObjectName table, String name, Constraint constraint, boolean validated, int transaction) {
        static List<Added> after(List<Added> list, SchemaChange c, int transaction) {
            if (c instanceof SchemaChange.AddConstraint add
                    && (add.constraint() instanceof Constraint.Check || add.constraint() instanceof Constraint.ForeignKey)) {
                List<Added> out = new ArrayList<>(list);
                out.add(new Added(add.table(), add.constraint().name(), add.constraint(), !add.constraint().notValid(),
                        transaction));
                return List.copyOf(out);
            }
            if (c instanceof SchemaChange.ValidateConstraint v) {
                List<Added> out = new ArrayList<>();
                boolean known = false;
                for (Added a : list) {
                    boolean same = a.table().sameObject(v.table()) && v.name().equals(a.name());
                    known |= same;
                    out.add(same ? new Added(a.table(), a.name(), a.constraint(), true, a.transaction()) : a);
                }
                if (!known) {
                    out.add(new Added(v.table(), v.name(), null, true, -1));
                }
                return List.copyOf(out);
            }
            return list;
        }
    }

    /** True when one of the changes takes a write-blocking lock on a table this migration did not create. */
    private static boolean blocksWrites(List<SchemaChange> changes, Schema before, StatementFacts facts) {
        for (SchemaChange c : changes) {
            for (TableLocks.Lock lock : TableLocks.blockingWrites(c, before)) {
                if (lock.table() == null || !facts.createdInThisMigration(lock.table())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index of the last statement holding a COMMIT or ROLLBACK of the script, or -1. */
    private static int lastTransactionEnd(List<List<SchemaChange>> changes) {
        int last = -1;
        for (int i = 0; i < changes.size(); i++) {
            for (SchemaChange c : changes.get(i)) {
                if (c instanceof SchemaChange.Transaction t && (t.kind() == SchemaChange.TransactionKind.COMMIT
                        || t.kind() == SchemaChange.TransactionKind.ROLLBACK)) {
                    last = i;
                }
            }
        }
        return last;
    }

    /** The objects each statement creates, DO blocks included, as {@code created} names them (null: none). */
    private static List<List<ObjectName>> createdBy(List<List<SchemaChange>> changes,
                                                   Function<SchemaChange, ObjectName> created) {
        List<List<ObjectName>> out = new ArrayList<>(changes.size());
        for (List<SchemaChange> statement : changes) {
            List<ObjectName> names = new ArrayList<>();
            for (SchemaChange c : RuleChanges.of(statement)) {
                ObjectName name = created.apply(c);
                if (name != null) {
                    names.add(name);
                }
            }
            out.add(names);
        }
        return out;
    }

    /** One statement's facts: the script's state as it stood before the statement ran. */
    private record Snapshot(ScriptFacts script, boolean toolTransaction, boolean explicitTransaction,
                            boolean transactionEndsLater, boolean inProceduralBlock, int createdUpto, int addedUpto,
                            List<List<ObjectName>> createdLater, List<List<ObjectName>> viewsLater,
                            Map<String, String> settings,
                            boolean blockingLockBefore, List<Added> constraints, int transaction)
            implements StatementFacts {
        @Override
        public boolean inTransaction() {
            return toolTransaction || explicitTransaction;
        }

        @Override
        public boolean createdInThisMigration(ObjectName table) {
            for (int i = 0; i < createdUpto; i++) {
                if (script.created.get(i).sameObject(table)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean createdLaterInThisScript(ObjectName table) {
            return createdLater.stream().flatMap(List::stream).anyMatch(t -> t.sameObject(table));
        }

        @Override
        public boolean viewCreatedLaterInThisScript(ObjectName name) {
            return viewsLater.stream().flatMap(List::stream).anyMatch(t -> t.sameObject(name));
        }

        @Override
        public boolean columnAddedInThisMigration(ObjectName table, String column) {
            for (int i = 0; i < addedUpto; i++) {
                AddedColumn a = script.added.get(i);
                if (a.table().sameObject(table) && a.column().equals(column)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<ScriptConstraint> constraintsOfThisScript(ObjectName table) {
            return constraints.stream().filter(a -> a.table().sameObject(table))
                    .map(a -> new ScriptConstraint(a.table(), a.name(), a.constraint(), a.validated(),
                            inTransaction() && a.transaction() == transaction)).toList();
        }

        @Override
        public boolean inDownScript() {
            return script.down;
        }

        @Override
        public String settingBefore(String name) {
            return settings.get(name);
        }
    }
}
