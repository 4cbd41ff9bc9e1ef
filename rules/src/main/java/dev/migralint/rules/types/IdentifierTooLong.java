package dev.migralint.rules.types;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.TextRange;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL keeps identifiers to NAMEDATALEN - 1 = 63 bytes and silently truncates longer ones (with
 * a NOTICE), so two long names that share their first 63 bytes collide, and tools that compare names
 * see a different one. MySQL rejects identifiers over 64 characters (error 1059), so the migration fails.
 */
@RuleInfo(id = "identifier-too-long", category = Category.TYPES, severity = Severity.WARNING,
        summary = "Names longer than the database allows are truncated (PostgreSQL) or rejected (MySQL)")
public final class IdentifierTooLong implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (SchemaChange change : ctx.changes()) {
            names(change, ctx);
        }
    }

    private static void names(SchemaChange change, RuleContext ctx) {
        if (change instanceof SchemaChange.CreateTable t) {
            check("Table", t.table().displayName(), change.range(), ctx);
            for (ColumnDef c : t.columns()) {
                check("Column", c.displayName(), c.range(), ctx);
            }
            for (Constraint k : t.constraints()) {
                check("Constraint", k.name(), k.range(), ctx);
            }
        } else if (change instanceof SchemaChange.AddColumn a) {
            check("Column", a.column().displayName(), a.column().range(), ctx);
            for (Constraint k : a.constraints()) {
                check("Constraint", k.name(), k.range(), ctx);
            }
        } else if (change instanceof SchemaChange.AlterColumnType a && a.redefinition() != null) {
            check("Column", a.redefinition().displayName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameTable r) {
            check("Table", r.newName().displayName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameColumn r) {
            check("Column", r.newDisplayName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.AddConstraint a) {
            check("Constraint", a.constraint().name(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameConstraint r) {
            check("Constraint", r.newName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.CreateIndex i && i.name() != null) {
            check("Index", i.name().displayName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameIndex r) {
            check("Index", r.newDisplayName(), change.range(), ctx);
        } else if (change instanceof SchemaChange.CreateView v) {
            check("View", v.name().name(), change.range(), ctx);
        } else if (change instanceof SchemaChange.CreateSequence s) {
            check("Sequence", s.name().name(), change.range(), ctx);
        } else if (change instanceof SchemaChange.CreateEnum e) {
            check("Type", e.name().name(), change.range(), ctx);
        } else if (change instanceof SchemaChange.DropTable d) {
            for (ObjectName t : d.tables()) {
                // A table this history shows was created under the same long name is found the same way.
                if (!ctx.facts().createdInThisMigration(t) && ctx.schemaBefore().table(t).isEmpty()) {
                    check("Table", t.name(), change.range(), ctx);
                }
            }
        }
    }

    private static void check(String kind, String name, TextRange range, RuleContext ctx) {
        if (name == null) {
            return;
        }
        if (ctx.dialect() == Dialect.MYSQL) {
            int chars = name.codePointCount(0, name.length());
            if (chars > 64) {
                ctx.report(range, kind + " name " + name + " is " + chars + " characters; MySQL rejects names over 64")
                        .help("Shorten the name to at most 64 characters");
            }
            return;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 63) {
            ctx.report(range, kind + " name " + name + " is " + bytes.length
                            + " bytes; PostgreSQL truncates names to 63 bytes, so it becomes " + truncated(name))
                    .help("Shorten the name to at most 63 bytes, so that the name in the database is the one written");
        }
    }

    /** The first 63 bytes, not splitting a character, as PostgreSQL's truncate_identifier does. */
    private static String truncated(String name) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 63) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
