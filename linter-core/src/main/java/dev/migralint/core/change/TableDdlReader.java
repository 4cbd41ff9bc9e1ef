package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropTable;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads CREATE TABLE, ALTER TABLE and DROP TABLE from tokens. */
final class TableDdlReader {
    private TableDdlReader() {
    }

    private static final Set<String> CREATE_TABLE_MODIFIERS = Set.of(
            "or", "replace", "global", "local", "temporary", "temp", "unlogged", "foreign");

    /** Words after ADD that add a constraint, an index or a partition rather than a column. */
    private static final Set<String> ADD_NON_COLUMN = Set.of(
            "constraint", "primary", "unique", "foreign", "check", "exclude", "index", "key", "fulltext",
            "spatial", "partition");

    private static final Set<String> DROP_NON_COLUMN = Set.of(
            "constraint", "primary", "foreign", "check", "partition", "index", "key", "default");

    static CreateTable createTable(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "create")) {
            return null;
        }
        int i = 1;
        boolean temporary = false;
        while (CREATE_TABLE_MODIFIERS.contains(t.word(i))) {
            temporary |= t.isWord(i, "temporary") || t.isWord(i, "temp");
            i++;
        }
        if (!t.isWord(i, "table")) {
            return null;
        }
        i++;
        int afterIf = t.skip(i, "if", "not", "exists");
        boolean ifNotExists = afterIf > i;
        StatementTokens.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null) {
            return null;
        }
        i = name.end();
        List<ColumnDef> columns = new ArrayList<>();
        // CREATE TABLE ... AS SELECT, LIKE, OF type and PARTITION OF have no column list of their own.
        if (t.isOperator(i, "(")) {
            int close = t.closingParen(i);
            if (close < 0) {
                return null;
            }
            for (int[] element : t.splitTopLevel(i + 1, close)) {
                if (!ColumnDefReader.startsTableElement(t, element[0])) {
                    ColumnDef column = ColumnDefReader.read(t, element[0], element[1]);
                    if (column != null) {
                        columns.add(column);
                    }
                }
            }
        }
        return new CreateTable(name.name(), columns, ifNotExists, temporary, range);
    }

    /** ALTER TABLE [IF EXISTS] [ONLY] name action [, action ...]: one change per action. */
    static List<SchemaChange> alterTable(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "alter")) {
            return null;
        }
        int i = 1;
        while (t.isWord(i, "online") || t.isWord(i, "ignore")) {
            i++;
        }
        if (!t.isWord(i, "table")) {
            return null;
        }
        StatementTokens.QualifiedName name = t.qualifiedName(t.skip(t.skip(i + 1, "if", "exists"), "only"));
        if (name == null) {
            return null;
        }
        i = name.end();
        if (t.isOperator(i, "*")) {
            i++;
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (int[] action : t.splitTopLevel(i, t.size())) {
            changes.addAll(alterAction(t, name.name(), action[0], action[1]));
        }
        return changes;
    }

    private static List<SchemaChange> alterAction(StatementTokens t, ObjectName table, int start, int end) {
        TextRange clause = t.range(start, end - 1);
        if (t.isWord(start, "add")) {
            return addAction(t, table, start, end, clause);
        }
        if (t.isWord(start, "drop")) {
            SchemaChange drop = dropAction(t, table, start, end, clause);
            if (drop != null) {
                return List.of(drop);
            }
        }
        return List.of(opaqueAction(t, start, end, clause));
    }

    private static List<SchemaChange> addAction(StatementTokens t, ObjectName table, int start, int end,
            TextRange clause) {
        int i = start + 1;
        if (ADD_NON_COLUMN.contains(t.word(i))) {
            CreateIndex index = t.dialect() == Dialect.MYSQL ? IndexDdlReader.addIndexClause(t, table, i, end, clause) : null;
            return List.of(index != null ? index : opaqueAction(t, start, end, clause));
        }
        i = t.skip(i, "column");
        int afterIf = t.skip(i, "if", "not", "exists");
        boolean ifNotExists = afterIf > i;
        i = afterIf;
        List<SchemaChange> changes = new ArrayList<>();
        if (t.isOperator(i, "(") && t.dialect() == Dialect.MYSQL) {
            // MySQL: ADD [COLUMN] (a int, b int)
            int close = t.closingParen(i);
            if (close < 0 || close >= end) {
                return List.of(opaqueAction(t, start, end, clause));
            }
            for (int[] part : t.splitTopLevel(i + 1, close)) {
                ColumnDef column = ColumnDefReader.read(t, part[0], part[1]);
                if (column != null) {
                    changes.add(new AddColumn(table, column, ifNotExists, column.range()));
                }
            }
        } else {
            ColumnDef column = ColumnDefReader.read(t, i, end);
            if (column != null) {
                changes.add(new AddColumn(table, column, ifNotExists, clause));
            }
        }
        return changes.isEmpty() ? List.of(opaqueAction(t, start, end, clause)) : changes;
    }

    private static SchemaChange dropAction(StatementTokens t, ObjectName table, int start, int end,
            TextRange clause) {
        int i = start + 1;
        if (t.dialect() == Dialect.MYSQL && (t.isWord(i, "index") || t.isWord(i, "key"))) {
            StatementTokens.QualifiedName q = t.qualifiedName(i + 1);
            return q == null ? null : new DropIndex(List.of(q.name()), false, false, table, clause);
        }
        if (DROP_NON_COLUMN.contains(t.word(i))) {
            return null;
        }
        i = t.skip(i, "column");
        int afterIf = t.skip(i, "if", "exists");
        boolean ifExists = afterIf > i;
        i = afterIf;
        if (!t.isIdentifier(i) || i >= end) {
            return null;
        }
        return new DropColumn(table, t.identifier(i), ifExists, clause);
    }

    private static Opaque opaqueAction(StatementTokens t, int start, int end, TextRange clause) {
        StringBuilder what = new StringBuilder("AlterTable:");
        for (int i = start; i < Math.min(end, start + 2); i++) {
            what.append(' ').append(t.text(i).toUpperCase(Locale.ROOT));
        }
        return new Opaque(what.toString(), clause);
    }

    /** DROP [TEMPORARY] TABLE [IF EXISTS] names [CASCADE|RESTRICT]. */
    static DropTable dropTable(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "drop")) {
            return null;
        }
        int i = t.skip(1, "temporary");
        if (!t.isWord(i, "table")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "exists");
        boolean ifExists = afterIf > i + 1;
        i = afterIf;
        List<ObjectName> names = names(t, i);
        if (names.isEmpty()) {
            return null;
        }
        boolean cascade = t.findTopLevelWord(i, t.size(), "cascade") >= 0;
        return new DropTable(names, ifExists, cascade, range);
    }

    /** Comma-separated qualified names from {@code i}; each may be followed by ONLY-style '*'. */
    static List<ObjectName> names(StatementTokens t, int i) {
        List<ObjectName> names = new ArrayList<>();
        while (true) {
            StatementTokens.QualifiedName q = t.qualifiedName(t.skip(i, "only"));
            if (q == null) {
                return names;
            }
            names.add(q.name());
            i = q.end();
            if (t.isOperator(i, "*")) {
                i++;
            }
            if (!t.isOperator(i, ",")) {
                return names;
            }
            i++;
        }
    }
}
