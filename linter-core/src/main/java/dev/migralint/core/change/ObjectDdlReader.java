package dev.migralint.core.change;

import dev.migralint.core.change.SchemaChange.AlterEnum;
import dev.migralint.core.change.SchemaChange.CreateEnum;
import dev.migralint.core.change.SchemaChange.CreateSchema;
import dev.migralint.core.change.SchemaChange.CreateView;
import dev.migralint.core.change.SchemaChange.DropSchema;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.DropView;
import dev.migralint.core.change.SchemaChange.EnumAction;
import dev.migralint.core.change.SchemaChange.RenameIndex;
import dev.migralint.core.change.SchemaChange.RenameTable;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads DDL on objects other than tables and indexes: enum types, views, schemas, and renames. */
final class ObjectDdlReader {
    private ObjectDdlReader() {
    }

    /** CREATE TYPE name AS ENUM ('a', 'b'); other CREATE TYPE forms are not read (null). */
    static CreateEnum createEnum(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "create", "type")) {
            return null;
        }
        StatementTokens.QualifiedName name = t.qualifiedName(2);
        if (name == null || !t.isWords(name.end(), "as", "enum") || !t.isOperator(name.end() + 2, "(")) {
            return null;
        }
        int open = name.end() + 2;
        int close = t.closingParen(open);
        if (close < 0) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (int[] part : t.splitTopLevel(open + 1, close)) {
            if (t.isKind(part[0], TokenKind.STRING)) {
                labels.add(SessionStatementReader.unquote(t.text(part[0])));
            }
        }
        return new CreateEnum(name.name(), labels, range);
    }

    /**
     * ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [{BEFORE | AFTER} 'n'] or RENAME VALUE 'a' TO 'b'.
     * ALTER TYPE ... RENAME TO, OWNER TO and the composite-type forms are not read (null).
     */
    static AlterEnum alterEnum(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "alter", "type")) {
            return null;
        }
        StatementTokens.QualifiedName name = t.qualifiedName(2);
        if (name == null) {
            return null;
        }
        int i = name.end();
        if (t.isWords(i, "add", "value")) {
            int afterIf = t.skip(i + 2, "if", "not", "exists");
            if (!t.isKind(afterIf, TokenKind.STRING)) {
                return null;
            }
            String value = SessionStatementReader.unquote(t.text(afterIf));
            String neighbor = null;
            boolean before = t.isWord(afterIf + 1, "before");
            if ((before || t.isWord(afterIf + 1, "after")) && t.isKind(afterIf + 2, TokenKind.STRING)) {
                neighbor = SessionStatementReader.unquote(t.text(afterIf + 2));
            }
            return new AlterEnum(name.name(), EnumAction.ADD_VALUE, value, null, neighbor, before && neighbor != null,
                    afterIf > i + 2, range);
        }
        if (t.isWords(i, "rename", "value") && t.isKind(i + 2, TokenKind.STRING) && t.isWord(i + 3, "to")
                && t.isKind(i + 4, TokenKind.STRING)) {
            return new AlterEnum(name.name(), EnumAction.RENAME_VALUE, SessionStatementReader.unquote(t.text(i + 2)),
                    SessionStatementReader.unquote(t.text(i + 4)), null, false, false, range);
        }
        return null;
    }

    /** DROP TYPE [IF EXISTS] names [CASCADE | RESTRICT]. */
    static DropType dropType(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "drop", "type")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        List<ObjectName> names = TableDdlReader.names(t, afterIf);
        return names.isEmpty() ? null
                : new DropType(names, afterIf > 2, t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range);
    }

    private static final Set<String> VIEW_MODIFIERS = Set.of(
            "or", "replace", "temp", "temporary", "recursive", "materialized", "algorithm", "sql", "security",
            "invoker", "definer");

    /**
     * CREATE [OR REPLACE] [TEMP] [RECURSIVE] [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] ... AS
     * query, and MySQL's ALGORITHM / DEFINER / SQL SECURITY options before VIEW.
     */
    static CreateView createView(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "create")) {
            return null;
        }
        int i = 1;
        boolean orReplace = false;
        boolean materialized = false;
        while (i < t.size() && !t.isWord(i, "view")) {
            if (t.isWord(i, "definer")) {
                // DEFINER = user@host, however the lexer splits it, runs up to SQL SECURITY or VIEW
                while (i < t.size() && !t.isWord(i, "sql") && !t.isWord(i, "view")) {
                    i++;
                }
                continue;
            }
            boolean optionValue = t.isOperator(i - 1, "=");
            if (!VIEW_MODIFIERS.contains(t.word(i)) && !t.isOperator(i, "=") && !optionValue) {
                return null;
            }
            orReplace |= t.isWord(i, "replace");
            materialized |= t.isWord(i, "materialized");
            i++;
        }
        if (!t.isWord(i, "view")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "not", "exists");
        StatementTokens.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null) {
            return null;
        }
        int as = t.findTopLevelWord(name.end(), t.size(), "as");
        return new CreateView(name.name(), orReplace, materialized, afterIf > i + 1,
                as < 0 ? List.of() : referencedTables(t, as + 1), range);
    }

    /** Names after FROM and JOIN in a query (and the comma-separated ones of a FROM list), at any depth. */
    static List<ObjectName> referencedTables(StatementTokens t, int from) {
        Set<ObjectName> names = new LinkedHashSet<>();
        for (int i = from; i < t.size(); i++) {
            if (!t.isWord(i, "from") && !t.isWord(i, "join")) {
                continue;
            }
            int k = t.skip(i + 1, "only");
            while (true) {
                StatementTokens.QualifiedName q = t.qualifiedName(k);
                if (q == null || t.isOperator(q.end(), "(")) {
                    break; // a subquery or a function call in FROM
                }
                names.add(q.name());
                k = q.end();
                if (t.isWord(k, "as")) {
                    k++;
                }
                if (t.isIdentifier(k) && !ALIAS_STOP_WORDS.contains(t.word(k))) {
                    k++;
                }
                if (!t.isOperator(k, ",")) {
                    break;
                }
                k++;
            }
        }
        return List.copyOf(names);
    }

    private static final Set<String> ALIAS_STOP_WORDS = Set.of(
            "where", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "group", "order",
            "having", "limit", "union", "except", "intersect", "window", "with", "offset", "fetch", "for", "lateral");

    /** DROP [MATERIALIZED] VIEW [IF EXISTS] names [CASCADE | RESTRICT]. */
    static DropView dropView(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "drop")) {
            return null;
        }
        boolean materialized = t.isWord(1, "materialized");
        int i = materialized ? 2 : 1;
        if (!t.isWord(i, "view")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "exists");
        List<ObjectName> names = TableDdlReader.names(t, afterIf);
        return names.isEmpty() ? null : new DropView(names, materialized, afterIf > i + 1,
                t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range);
    }

    /** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role], or CREATE SCHEMA AUTHORIZATION role. */
    static CreateSchema createSchema(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "create", "schema")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "not", "exists");
        int at = t.isWord(afterIf, "authorization") ? afterIf + 1 : afterIf;
        return t.isIdentifier(at) ? new CreateSchema(t.identifier(at), afterIf > 2, range) : null;
    }

    /** DROP SCHEMA [IF EXISTS] names [CASCADE | RESTRICT]. */
    static DropSchema dropSchema(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "drop", "schema")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        List<String> names = new ArrayList<>();
        for (ObjectName n : TableDdlReader.names(t, afterIf)) {
            names.add(n.name());
        }
        return names.isEmpty() ? null
                : new DropSchema(names, afterIf > 2, t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range);
    }

    /** ALTER INDEX [IF EXISTS] name RENAME TO new; other ALTER INDEX forms are not read (null). */
    static RenameIndex renameIndex(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "alter", "index")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        StatementTokens.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null || !t.isWords(name.end(), "rename", "to") || !t.isIdentifier(name.end() + 2)) {
            return null;
        }
        return new RenameIndex(name.name(), null, t.identifier(name.end() + 2), afterIf > 2, range);
    }

    /** MySQL's RENAME TABLE a TO b [, c TO d]: one change per pair, each with its own range. */
    static List<SchemaChange> renameTables(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "rename", "table") && !t.isWords(0, "rename", "tables")) {
            return null;
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (int[] part : t.splitTopLevel(2, t.size())) {
            StatementTokens.QualifiedName from = t.qualifiedName(part[0]);
            if (from == null || !t.isWord(from.end(), "to")) {
                return null;
            }
            StatementTokens.QualifiedName to = t.qualifiedName(from.end() + 1);
            if (to == null) {
                return null;
            }
            changes.add(new RenameTable(from.name(), to.name(), false, t.range(part[0], part[1] - 1)));
        }
        return changes;
    }
}
