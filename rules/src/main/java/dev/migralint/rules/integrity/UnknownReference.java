package dev.migralint.rules.integrity;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.RenameIndex;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.source.TextRange;
import dev.migralint.rules.ObjectLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * DDL that names a table, column or index the schema does not have at that point, as replay found
 * when it applied the statement. Only where the object's history is in view: a table or PostgreSQL
 * index the chain created, dropped or renamed before; a column of a table the chain created (replay
 * knows all of its columns); a MySQL index of such a table. A table the chain never mentioned may
 * exist in a database the chain does not build from scratch, as when one new migration is linted
 * alone, so it is not reported; nor is a table whose CREATE TABLE, ADD COLUMN or ADD CONSTRAINT replay
 * refused for naming such a table, as the real database may well have accepted it. A PostgreSQL
 * CREATE TABLE refused because one of its index names belongs to another table (kept there by a
 * rename) is reported on that statement, with the database's reason; what follows about the table is
 * not.
 */
@RuleInfo(id = "unknown-reference", category = Category.INTEGRITY, severity = Severity.ERROR,
        summary = "DDL should name only tables, columns and indexes that exist at that point of the migrations, and create only names that are free")
public final class UnknownReference implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (ReplayNote note : ctx.replayNotes()) {
            if (note.kind() == ReplayNote.Kind.ALREADY_EXISTS) {
                reportTaken(ctx, note);
                continue;
            }
            boolean inView = switch (note.kind()) {
                case UNKNOWN_TABLE -> seen(ctx.schemaAfter(), note.subject());
                case UNKNOWN_COLUMN -> columnInView(ctx, note.subject());
                case UNKNOWN_INDEX -> indexInView(ctx, note);
                default -> false;
            };
            if (inView) {
                TextRange range = note.location() instanceof Location.Span span ? span.range() : ctx.statementRange();
                ctx.report(narrowed(changeAt(ctx, note), note, range), capitalized(note.message())
                                + " at this point of the migrations")
                        .help("An earlier migration dropped or renamed it, or never created it under this name: "
                                + "check the name against the migrations before this one");
            }
        }
    }

    /**
     * A PostgreSQL CREATE TABLE refused because an index name it would create belongs to another
     * table (index names share one namespace per schema, and a renamed table keeps its indexes'
     * names): the database stops there, and what follows about the table is left alone (replay puts
     * a refused CREATE TABLE's name out of view). Other taken names are not reported: on the corpus
     * they came mostly from alternative full schemas replayed one after the other and from downs
     * judged against the wrong schema.
     */
    private static void reportTaken(RuleContext ctx, ReplayNote note) {
        if (ctx.dialect() == Dialect.MYSQL || !(changeAt(ctx, note) instanceof CreateTable c)) {
            return;
        }
        Index owner = ctx.schemaBefore().index(ObjectName.of(note.subject())).orElse(null);
        if (owner == null || owner.table().name().equals(c.table().name())) {
            return;
        }
        TextRange range = note.location() instanceof Location.Span span ? span.range() : ctx.statementRange();
        ctx.report(range, "Table " + ObjectLabels.qualified(c.table()) + " cannot be created: " + note.message())
                .help("Index " + note.subject() + " belongs to table " + ObjectLabels.qualified(owner.table())
                        + " (PostgreSQL keeps index and constraint names when it renames a table, and they share one"
                        + " namespace per schema): rename it first, e.g. ALTER INDEX " + note.subject() + " RENAME TO "
                        + owner.table().name() + "_" + suffix(note.subject()) + ";");
    }

    /** {@code pkey} of {@code u2f_devices_pkey}: the part after the last underscore. */
    private static String suffix(String name) {
        int i = name.lastIndexOf('_');
        return i < 0 ? "old" : name.substring(i + 1);
    }

    /**
     * Replay names an unknown column only of a table whose columns it knows all of ({@code table.column},
     * the table without its schema), or of one the statement itself creates; it is out of view when an
     * earlier change to that table was refused for naming a table the chain never showed.
     */
    private static boolean columnInView(RuleContext ctx, String subject) {
        for (Schema schema : List.of(ctx.schemaBefore(), ctx.schemaAfter())) {
            for (Table t : schema.tables()) {
                if (subject.startsWith(t.name().name() + ".") && !schema.historyInView(t.name())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** PostgreSQL index names live with relations and are tracked as such; a MySQL index belongs to its table. */
    private static boolean indexInView(RuleContext ctx, ReplayNote note) {
        SchemaChange change = changeAt(ctx, note);
        ObjectName table = change instanceof DropIndex d ? d.table() : change instanceof RenameIndex r ? r.table() : null;
        if (change instanceof DropIndex || change instanceof RenameIndex) {
            if (ctx.dialect() == Dialect.MYSQL || table != null) {
                return table != null && ctx.schemaBefore().relation(table).isPresent();
            }
            return seen(ctx.schemaAfter(), note.subject());
        }
        return change != null; // ADD ... USING INDEX names an index of a table replay knows
    }

    private static SchemaChange changeAt(RuleContext ctx, ReplayNote note) {
        if (note.location() instanceof Location.Span span) {
            for (SchemaChange c : ctx.changes()) {
                if (c.range().equals(span.range())) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * A note about CREATE TABLE or ADD COLUMN covers the whole change: point at the foreign key that
     * names the missing table or column instead, when one does.
     */
    private static TextRange narrowed(SchemaChange change, ReplayNote note, TextRange range) {
        List<Constraint> constraints = change instanceof CreateTable c ? c.constraints()
                : change instanceof AddColumn a ? a.constraints() : List.of();
        String subject = note.subject();
        for (Constraint c : constraints) {
            if (c instanceof Constraint.ForeignKey fk && (subject.equals(fk.refTable().qualified())
                    || fk.refColumns().stream().anyMatch(col -> subject.equals(fk.refTable().name() + "." + col)))) {
                return fk.range();
            }
        }
        return range;
    }

    /** Whether a name as a note writes it ({@code a.b} or {@code b}) has a history in view. */
    private static boolean seen(Schema schema, String subject) {
        for (ObjectName candidate : readings(subject)) {
            if (schema.historyInView(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code b}, and for each dot, schema and name split there: a quoted name may itself hold a dot. */
    private static List<ObjectName> readings(String subject) {
        List<ObjectName> names = new ArrayList<>();
        names.add(ObjectName.of(subject));
        for (int i = subject.indexOf('.'); i > 0; i = subject.indexOf('.', i + 1)) {
            names.add(new ObjectName(subject.substring(0, i), subject.substring(i + 1)));
        }
        return names;
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
