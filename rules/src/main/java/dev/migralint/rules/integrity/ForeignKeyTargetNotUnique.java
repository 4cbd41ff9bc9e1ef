package dev.migralint.rules.integrity;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Table;
import dev.migralint.rules.ObjectLabels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A foreign key whose referenced columns are not a primary key or a unique, non-partial index on
 * exactly those columns. PostgreSQL refuses such a key, so replay leaves it out of the schema and a
 * whole-schema rule would never see it: this rule judges each FOREIGN KEY where it is declared,
 * against the referenced table as the statement leaves it (or, for a table that refers to itself in
 * its own CREATE TABLE, the keys that statement declares). MySQL's InnoDB accepts any index whose
 * leading columns are the referenced ones; that is non-standard and a parent row may then not be
 * unique, so it is reported too.
 */
@RuleInfo(id = "foreign-key-target-not-unique", category = Category.INTEGRITY, severity = Severity.ERROR,
        summary = "A foreign key should reference a primary key or unique constraint")
public final class ForeignKeyTargetNotUnique implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            if (change instanceof CreateTable c) {
                c.constraints().stream().filter(x -> x instanceof Constraint.ForeignKey)
                        .forEach(x -> check(ctx, c.table(), (Constraint.ForeignKey) x, c));
            } else if (change instanceof AddConstraint a && a.constraint() instanceof Constraint.ForeignKey fk) {
                check(ctx, a.table(), fk, null);
            } else if (change instanceof AddColumn a) {
                a.constraints().stream().filter(x -> x instanceof Constraint.ForeignKey)
                        .forEach(x -> check(ctx, a.table(), (Constraint.ForeignKey) x, null));
            }
        }
    }

    private static void check(RuleContext ctx, ObjectName table, Constraint.ForeignKey fk, CreateTable creating) {
        Table target = ctx.schemaAfter().table(fk.refTable()).or(() -> ctx.schemaBefore().table(fk.refTable()))
                .orElse(null);
        List<List<String>> keys;
        List<String> primaryKey;
        if (target != null) {
            if (!target.columnsKnown()) {
                return; // its keys may have come from where replay cannot see
            }
            keys = uniqueKeys(target);
            primaryKey = target.primaryKey() == null ? null : target.primaryKey().columns();
        } else if (creating != null && refersToItself(creating.table(), fk.refTable(), ctx.dialect())) {
            keys = declaredKeys(creating);
            primaryKey = declaredPrimaryKey(creating);
        } else {
            return; // an unknown table is unknown-reference's business
        }
        List<String> refColumns = fk.refColumns();
        String targetLabel = ObjectLabels.table(target != null ? target.name() : creating.table());
        // the key's columns as their table spells them (the constraint holds them folded)
        String foreignKey = ObjectLabels.columns(table,
                ObjectLabels.columnNames(ctx.schemaAfter().table(table).orElse(null), fk.columns()));
        if (refColumns.isEmpty()) {
            if (primaryKey == null && ctx.dialect() != Dialect.MYSQL) {
                ctx.report(fk.range(), "Foreign key " + foreignKey + " references "
                                + targetLabel + ", which has no primary key")
                        .help("Name the referenced columns, which must have a unique constraint, or give "
                                + targetLabel + " a primary key");
            }
            return;
        }
        Set<String> wanted = new HashSet<>(refColumns);
        if (target != null && refColumns.stream().anyMatch(c -> target.column(c).isEmpty())) {
            return; // a missing column is unknown-reference's business
        }
        for (List<String> key : keys) {
            if (key.size() == wanted.size() && wanted.equals(new HashSet<>(key))) {
                return;
            }
        }
        List<String> spelledRefColumns = ObjectLabels.columnNames(target, refColumns);
        String referenced = targetLabel + "(" + String.join(", ", spelledRefColumns) + ")";
        FindingBuilder f = ctx.report(fk.range(), "Foreign key " + foreignKey
                + " references " + referenced + ", which is not a primary key or unique constraint"
                + (ctx.dialect() == Dialect.MYSQL ? " (MySQL accepts any index there; other databases refuse it)" : ""));
        if (target != null) {
            f.related(target.definedAt(), targetLabel + " is defined here");
        }
        String sqlTable = ObjectLabels.sql(target != null ? target.name() : creating.table(), ctx.dialect());
        f.help("Make the referenced columns unique first: ALTER TABLE " + sqlTable + " ADD UNIQUE ("
                + ObjectLabels.sqlList(spelledRefColumns, ctx.dialect()) + "); or reference the primary key");
    }

    /** Column lists of the primary key and of unique indexes without a predicate or expressions. */
    private static List<List<String>> uniqueKeys(Table t) {
        List<List<String>> keys = new ArrayList<>();
        if (t.primaryKey() != null) {
            keys.add(t.primaryKey().columns());
        }
        for (Index i : t.indexes()) {
            if (i.unique() && i.predicate() == null && !i.hasExpressions()) {
                keys.add(i.columnNames());
            }
        }
        return keys;
    }

    private static boolean refersToItself(ObjectName created, ObjectName ref, Dialect dialect) {
        return ref.name().equals(created.name())
                && (dialect == Dialect.MYSQL || ref.schema() == null || created.schema() == null
                        || ref.schema().equals(created.schema()));
    }

    /** The primary key and unique constraints a CREATE TABLE declares, for a key referring to its own table. */
    private static List<List<String>> declaredKeys(CreateTable c) {
        List<List<String>> keys = new ArrayList<>();
        List<String> pk = declaredPrimaryKey(c);
        if (pk != null) {
            keys.add(pk);
        }
        for (Constraint x : c.constraints()) {
            if (x instanceof Constraint.Unique u) {
                keys.add(u.columns());
            }
        }
        return keys;
    }

    private static List<String> declaredPrimaryKey(CreateTable c) {
        for (Constraint x : c.constraints()) {
            if (x instanceof Constraint.PrimaryKey pk) {
                return pk.columns();
            }
        }
        for (ColumnDef d : c.columns()) {
            if (d.primaryKey()) {
                return List.of(d.name());
            }
        }
        return null;
    }
}
