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
import dev.migralint.core.lex.Keywords;
import dev.migralint.core.lex.TokenCursor;
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
    static Reading createEnum(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "create", "type")) {
            return null;
        }
        TokenCursor.QualifiedName name = t.qualifiedName(2);
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
                labels.add(TokenCursor.unquote(t.text(part[0])));
            }
        }
        return Reading.of(List.of(new CreateEnum(ObjectName.of(name), labels, range)), t.atEnd(close + 1));
    }

    /**
     * ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [{BEFORE | AFTER} 'n'] or RENAME VALUE 'a' TO 'b'.
     * ALTER TYPE ... RENAME TO, OWNER TO and the composite-type forms are not read (null).
     */
    static Reading alterEnum(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "alter", "type")) {
            return null;
        }
        TokenCursor.QualifiedName name = t.qualifiedName(2);
        if (name == null) {
            return null;
        }
        int i = name.end();
        if (t.isWords(i, "add", "value")) {
            int afterIf = t.skip(i + 2, "if", "not", "exists");
            if (!t.isKind(afterIf, TokenKind.STRING)) {
                return null;
            }
            String value = TokenCursor.unquote(t.text(afterIf));
            String neighbor = null;
            boolean before = t.isWord(afterIf + 1, "before");
            if ((before || t.isWord(afterIf + 1, "after")) && t.isKind(afterIf + 2, TokenKind.STRING)) {
                neighbor = TokenCursor.unquote(t.text(afterIf + 2));
            }
            int end = neighbor != null ? afterIf + 3 : afterIf + 1;
            return Reading.of(List.of(new AlterEnum(ObjectName.of(name), EnumAction.ADD_VALUE, value, null, neighbor,
                    before && neighbor != null, afterIf > i + 2, range)), t.atEnd(end));
        }
        if (t.isWords(i, "rename", "value") && t.isKind(i + 2, TokenKind.STRING) && t.isWord(i + 3, "to")
                && t.isKind(i + 4, TokenKind.STRING)) {
            return Reading.of(List.of(new AlterEnum(ObjectName.of(name), EnumAction.RENAME_VALUE,
                    TokenCursor.unquote(t.text(i + 2)), TokenCursor.unquote(t.text(i + 4)), null, false, false, range)),
                    t.atEnd(i + 5));
        }
        return null;
    }

    /**
     * ALTER DOMAIN name ADD [CONSTRAINT c] CHECK (...) [NOT VALID]; the domain's other forms are not
     * read (null).
     */
    static Reading alterDomain(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "alter", "domain")) {
            return null;
        }
        TokenCursor.QualifiedName name = t.qualifiedName(2);
        if (name == null || !t.isWord(name.end(), "add")) {
            return null;
        }
        int i = name.end() + 1;
        String constraint = null;
        if (t.isWord(i, "constraint") && t.isIdentifier(i + 1)) {
            constraint = t.identifier(i + 1);
            i += 2;
        }
        int close = t.isWord(i, "check") && t.isOperator(i + 1, "(") ? t.closingParen(i + 1) : -1;
        if (close < 0) {
            return null;
        }
        boolean notValid = t.isWords(close + 1, "not", "valid");
        return Reading.of(List.of(new SchemaChange.AddDomainConstraint(ObjectName.of(name), constraint, notValid,
                range)), t.atEnd(notValid ? close + 3 : close + 1));
    }

    /**
     * DROP TYPE [IF EXISTS] names [CASCADE | RESTRICT]; also DROP DOMAIN (a domain is a type too, but
     * not one replay models: recognized, with no modelled effect).
     */
    static Reading dropType(TokenCursor t, TextRange range) {
        boolean domain = t.isWords(0, "drop", "domain");
        if (!t.isWords(0, "drop", "type") && !domain) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        TableDdlReader.Names names = TableDdlReader.namesAt(t, afterIf);
        if (names.names().isEmpty()) {
            return null;
        }
        boolean complete = t.atEnd(SessionStatementReader.cascadeOrRestrict(t, names.end()));
        SchemaChange change = domain ? new SchemaChange.Opaque("DROP DOMAIN", range)
                : new DropType(names.names(), afterIf > 2, t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range);
        return Reading.of(List.of(change), complete);
    }

    private static final Set<String> VIEW_MODIFIERS = Set.of(
            "or", "replace", "temp", "temporary", "recursive", "materialized", "algorithm", "sql", "security",
            "invoker", "definer");

    /**
     * CREATE [OR REPLACE] [TEMP] [RECURSIVE] [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] ... AS
     * query, and MySQL's ALGORITHM / DEFINER / SQL SECURITY options before VIEW.
     */
    static CreateView createView(TokenCursor t, TextRange range) {
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
        TokenCursor.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null) {
            return null;
        }
        int as = t.findTopLevelWord(name.end(), t.size(), "as");
        return new CreateView(ObjectName.of(name), orReplace, materialized, afterIf > i + 1,
                as < 0 ? List.of() : referencedTables(t, as + 1), range);
    }

    /**
     * CREATE VIEW, recognized to its end in the form JSqlParser lacks, {@code AS TABLE name} (PostgreSQL's
     * short form of {@code SELECT * FROM name}); read leniently otherwise.
     */
    static Reading readView(TokenCursor t, TextRange range) {
        CreateView view = createView(t, range);
        if (view == null) {
            return null;
        }
        int as = t.findTopLevelWord(0, t.size(), "as");
        TokenCursor.QualifiedName source = as > 0 && t.isWord(as + 1, "table") ? t.qualifiedName(as + 2) : null;
        if (source == null) {
            return Reading.partial(List.of(view));
        }
        CreateView whole = new CreateView(view.name(), view.orReplace(), view.materialized(), view.ifNotExists(),
                List.of(ObjectName.of(source)), range);
        return Reading.of(List.of(whole), t.atEnd(source.end()));
    }

    /** Names after FROM and JOIN in a query (and the comma-separated ones of a FROM list), at any depth. */
    static List<ObjectName> referencedTables(TokenCursor t, int from) {
        Set<ObjectName> names = new LinkedHashSet<>();
        for (int i = from; i < t.size(); i++) {
            if (!t.isWord(i, "from") && !t.isWord(i, "join")) {
                continue;
            }
            int k = t.skip(i + 1, "only");
            while (true) {
                TokenCursor.QualifiedName q = t.qualifiedName(k);
                if (q == null || t.isOperator(q.end(), "(")) {
                    break; // a subquery or a function call in FROM
                }
                names.add(ObjectName.of(q));
                k = q.end();
                if (t.isWord(k, "as")) {
                    k++;
                }
                if (t.isIdentifier(k) && !Keywords.isReserved(t.word(k))) {
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

    /** DROP [MATERIALIZED] VIEW [IF EXISTS] names [CASCADE | RESTRICT]. */
    static Reading dropView(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "drop")) {
            return null;
        }
        boolean materialized = t.isWord(1, "materialized");
        int i = materialized ? 2 : 1;
        if (!t.isWord(i, "view")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "exists");
        TableDdlReader.Names names = TableDdlReader.namesAt(t, afterIf);
        return names.names().isEmpty() ? null : Reading.of(List.of(new DropView(names.names(), materialized,
                afterIf > i + 1, t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range)),
                t.atEnd(SessionStatementReader.cascadeOrRestrict(t, names.end())));
    }

    /** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role], or CREATE SCHEMA AUTHORIZATION role. */
    static Reading createSchema(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "create", "schema")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "not", "exists");
        int at = t.isWord(afterIf, "authorization") ? afterIf + 1 : afterIf;
        if (!t.isIdentifier(at)) {
            return null;
        }
        int end = at > afterIf || !t.isWord(at + 1, "authorization") ? at + 1 : at + 3;
        return Reading.of(List.of(new CreateSchema(t.identifier(at), afterIf > 2, range)), t.atEnd(end));
    }

    /** DROP SCHEMA [IF EXISTS] names [CASCADE | RESTRICT]. */
    static Reading dropSchema(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "drop", "schema")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        List<String> names = new ArrayList<>();
        TableDdlReader.Names read = TableDdlReader.namesAt(t, afterIf);
        for (ObjectName n : read.names()) {
            names.add(n.name());
        }
        return names.isEmpty() ? null : Reading.of(List.of(new DropSchema(names, afterIf > 2,
                t.findTopLevelWord(afterIf, t.size(), "cascade") >= 0, range)),
                t.atEnd(SessionStatementReader.cascadeOrRestrict(t, read.end())));
    }

    /**
     * CREATE [TEMP | TEMPORARY | UNLOGGED] SEQUENCE [IF NOT EXISTS] name: recognized from its head;
     * the options that follow name no other object.
     */
    static Reading createSequence(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "create")) {
            return null;
        }
        int i = t.isWord(1, "temp") || t.isWord(1, "temporary") || t.isWord(1, "unlogged") ? 2 : 1;
        if (!t.isWord(i, "sequence")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "not", "exists");
        if (t.isWord(i + 1, "if") && afterIf == i + 1) {
            return null;
        }
        TokenCursor.QualifiedName name = t.qualifiedName(afterIf);
        return name == null ? null : Reading.of(List.of(
                new SchemaChange.CreateSequence(ObjectName.of(name), afterIf > i + 1, range)), true);
    }

    /** ALTER INDEX [IF EXISTS] name RENAME TO new; other ALTER INDEX forms are not read (null). */
    static Reading renameIndex(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "alter", "index")) {
            return null;
        }
        int afterIf = t.skip(2, "if", "exists");
        TokenCursor.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null || !t.isWords(name.end(), "rename", "to") || !t.isIdentifier(name.end() + 2)) {
            return null;
        }
        return Reading.of(List.of(new RenameIndex(ObjectName.of(name), null, t.identifier(name.end() + 2), afterIf > 2,
                range)), t.atEnd(name.end() + 3));
    }

    /** MySQL's RENAME TABLE a TO b [, c TO d]: one change per pair, each with its own range. */
    static List<SchemaChange> renameTables(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "rename", "table") && !t.isWords(0, "rename", "tables")) {
            return null;
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (int[] part : t.splitTopLevel(2, t.size())) {
            TokenCursor.QualifiedName from = t.qualifiedName(part[0]);
            if (from == null || !t.isWord(from.end(), "to")) {
                return null;
            }
            TokenCursor.QualifiedName to = t.qualifiedName(from.end() + 1);
            if (to == null) {
                return null;
            }
            changes.add(new RenameTable(ObjectName.of(from), ObjectName.of(to), false, t.range(part[0], part[1] - 1)));
        }
        return changes;
    }
}
