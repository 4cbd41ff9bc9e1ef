package dev.migralint.rules.integrity;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Table;
import dev.migralint.core.source.SourceFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements that replay refused because their table did not exist yet, while a later migration (or
 * a later statement of the same file) creates it: the database refuses them too, so the foreign
 * keys, keys and indexes they add are missing from the schema. Reported once per file, on the first
 * such statement, with their count: the usual cause is one wrong order of whole files (a plain
 * folder replayed by name: constraints before tables). {@code unknown-reference} covers tables whose
 * history was in view before; this rule covers tables not created yet.
 */
@RuleInfo(id = "forward-reference", category = Category.INTEGRITY, severity = Severity.INFO,
        summary = "A migration should not refer to tables that only a later migration creates")
public final class ForwardReference implements SchemaRule {
    /** The refused statements of one file that name tables created later, and the first of those tables. */
    private static final class FileRefusals {
        final ReplayNote first;
        final Table firstTable;
        final Set<Integer> statements = new LinkedHashSet<>();
        final Set<String> tables = new LinkedHashSet<>();

        FileRefusals(ReplayNote first, Table firstTable) {
            this.first = first;
            this.firstTable = firstTable;
        }
    }

    @Override
    public void check(SchemaContext ctx) {
        Map<SourceFile, Integer> order = new HashMap<>();
        for (Migration m : ctx.chain().migrations()) {
            order.putIfAbsent(m.up().file(), order.size());
        }
        Map<SourceFile, FileRefusals> byFile = new LinkedHashMap<>();
        for (ReplayNote note : ctx.replayNotes()) {
            if (note.kind() != ReplayNote.Kind.UNKNOWN_TABLE) {
                continue;
            }
            Table later = relation(ctx, note.subject());
            if (later == null || later.definedAt() == null || !after(later.definedAt(), note.location(), order)) {
                continue;
            }
            FileRefusals f = byFile.computeIfAbsent(note.location().file(), x -> new FileRefusals(note, later));
            f.statements.add(note.location().startOffset());
            f.tables.add(later.name().name());
        }
        for (FileRefusals f : byFile.values()) {
            int n = f.statements.size();
            String created = f.firstTable.definedAt().file().equals(f.first.location().file()) ? "later in this file"
                    : "in " + f.firstTable.definedAt().file().displayPath();
            List<String> tables = List.copyOf(f.tables);
            String names = String.join(", ", tables.subList(0, Math.min(3, tables.size())))
                    + (tables.size() > 3 ? " and " + (tables.size() - 3) + " more" : "");
            ctx.report(f.first.location(), (n == 1 ? "This statement refers to table " + names + " before it is created"
                            : n + " statements of this file refer to tables before they are created (" + names + ")")
                            + "; the first is created " + created + ". The database refuses "
                            + (n == 1 ? "it" : "them") + ", so replay leaves " + (n == 1 ? "it" : "them") + " out")
                    .related(f.firstTable.definedAt(), "table " + f.firstTable.name().displayName() + " is created here")
                    .help("If the files run in another order than their names give (a plain folder), list it in "
                            + ".migralint.yaml: migrations: [{path: " + ctx.chain().displayRoot()
                            + ", order: [...]}]; else move these statements after the CREATE TABLE");
        }
    }

    /** The relation a note's subject ({@code name} or {@code schema.name}) names in the final schema, or null. */
    private static Table relation(SchemaContext ctx, String subject) {
        int dot = subject.lastIndexOf('.');
        ObjectName name = dot > 0 ? new ObjectName(subject.substring(0, dot), subject.substring(dot + 1))
                : ObjectName.of(subject);
        return ctx.schema().relation(name).orElse(null);
    }

    /** Whether {@code created} comes after {@code use} in the chain: a later file, or later in the same file. */
    private static boolean after(Location created, Location use, Map<SourceFile, Integer> order) {
        Integer c = order.get(created.file());
        Integer u = order.get(use.file());
        if (c == null || u == null) {
            return false;
        }
        return c > u || c.equals(u) && created.startOffset() > use.startOffset();
    }
}
