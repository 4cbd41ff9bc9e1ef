package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads transaction control, SET and RESET, TRUNCATE, LOCK and REINDEX from tokens. Each reading says
 * whether the statement matched the form to its end; a statement that only starts like one (a
 * fragment of a procedure body cut at a semicolon, a syntax error) is read leniently for replay but
 * not recognized.
 */
final class SessionStatementReader {
    private SessionStatementReader() {
    }

    /** Words that may follow BEGIN in a transaction start, as opposed to a BEGIN ... END block. */
    private static final Set<String> BEGIN_MODES = Set.of(
            "transaction", "work", "isolation", "read", "not", "deferrable");
    /** Transaction modes: PostgreSQL's ISOLATION LEVEL ..., READ WRITE | ONLY, [NOT] DEFERRABLE; MySQL's WITH CONSISTENT SNAPSHOT. */
    private static final Set<String> TRANSACTION_MODE_WORDS = Set.of(
            "isolation", "level", "serializable", "repeatable", "read", "committed", "uncommitted", "write",
            "only", "not", "deferrable", "with", "consistent", "snapshot");
    private static final Set<String> LOCK_MODES = Set.of(
            "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
            "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");
    private static final Set<String> REINDEX_TARGETS = Set.of("index", "table", "schema", "database", "system");

    static Reading transaction(TokenCursor t, TextRange range) {
        TransactionKind kind;
        int i = 1;
        switch (t.word(0)) {
            case "begin" -> {
                if (t.size() > 1 && !BEGIN_MODES.contains(t.word(1))) {
                    return null;
                }
                kind = TransactionKind.BEGIN;
                i = modes(t, t.skip(t.skip(1, "work"), "transaction"));
            }
            case "start" -> {
                if (!t.isWord(1, "transaction")) {
                    return null;
                }
                kind = TransactionKind.BEGIN;
                i = modes(t, 2);
            }
            case "commit" -> {
                if (t.isWord(1, "prepared")) {
                    return null;
                }
                kind = TransactionKind.COMMIT;
                i = chainOptions(t, workOrTransaction(t, 1));
            }
            // PostgreSQL's END is COMMIT; END IF / END LOOP belong to procedural code. In MySQL, END
            // closes a compound statement (BEGIN ... END) and never commits.
            case "end" -> {
                if (t.dialect() == Dialect.MYSQL
                        || !(t.size() == 1 || t.isWord(1, "transaction") || t.isWord(1, "work") || t.isWord(1, "and"))) {
                    return null;
                }
                kind = TransactionKind.COMMIT;
                i = chainOptions(t, workOrTransaction(t, 1));
            }
            case "abort", "rollback" -> {
                if (t.isWord(1, "prepared")) {
                    return null;
                }
                i = workOrTransaction(t, 1);
                if (t.isWord(i, "to")) {
                    kind = TransactionKind.ROLLBACK_TO;
                    i = named(t, t.skip(i + 1, "savepoint"));
                } else {
                    kind = TransactionKind.ROLLBACK;
                    i = chainOptions(t, i);
                }
            }
            case "savepoint" -> {
                kind = TransactionKind.SAVEPOINT;
                i = named(t, 1);
            }
            case "release" -> {
                kind = TransactionKind.RELEASE;
                i = named(t, t.skip(1, "savepoint"));
            }
            default -> {
                return null;
            }
        }
        return Reading.of(List.of(new Transaction(kind, range)), t.atEnd(i));
    }

    private static int workOrTransaction(TokenCursor t, int i) {
        return t.isWord(i, "work") || t.isWord(i, "transaction") ? i + 1 : i;
    }

    private static int modes(TokenCursor t, int i) {
        while (TRANSACTION_MODE_WORDS.contains(t.word(i)) || t.isOperator(i, ",")) {
            i++;
        }
        return i;
    }

    /** [AND [NO] CHAIN] [[NO] RELEASE] (MySQL). */
    private static int chainOptions(TokenCursor t, int i) {
        if (t.isWord(i, "and")) {
            i = t.skip(t.skip(i + 1, "no"), "chain");
        }
        return t.skip(t.skip(i, "no"), "release");
    }

    /** Past a savepoint's name at {@code i}, or {@code -1} (never the end) when there is none. */
    private static int named(TokenCursor t, int i) {
        TokenCursor.QualifiedName name = t.qualifiedName(i);
        return name == null ? -1 : name.end();
    }

    /**
     * SET [SESSION|LOCAL|GLOBAL] name {TO|=} value. MySQL allows several assignments in one SET;
     * PostgreSQL's commas belong to the value ({@code SET search_path TO a, b}). Recognized are the
     * forms with an assignment (and SET TIME ZONE); SET ROLE, SET NAMES, SET TRANSACTION and MySQL's
     * user variables are read but left to the parser.
     */
    static Reading set(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "set") || t.size() < 2) {
            return null;
        }
        List<SchemaChange> settings = new ArrayList<>();
        boolean complete = true;
        List<int[]> parts = t.dialect() == Dialect.MYSQL ? t.splitTopLevel(1, t.size()) : List.of(new int[] {1, t.size()});
        for (int[] part : parts) {
            Assignment a = assignment(t, part[0], part[1], parts.size() == 1 ? range : t.range(part[0], part[1] - 1));
            if (a == null) {
                return null;
            }
            settings.add(a.setting());
            complete &= a.complete();
        }
        return Reading.of(settings, complete);
    }

    private record Assignment(SetSetting setting, boolean complete) {
    }

    private static Assignment assignment(TokenCursor t, int start, int end, TextRange range) {
        int i = start;
        boolean local = false;
        if (t.isWord(i, "local")) {
            local = true;
            i++;
        } else if (t.isWord(i, "session") || t.isWord(i, "global") || t.isWord(i, "persist")
                || t.isWord(i, "persist_only")) {
            i++;
        }
        if (i >= end) {
            return null;
        }
        if (t.isWords(i, "time", "zone")) {
            return new Assignment(new SetSetting("timezone", value(t, i + 2, end), local, range), i + 2 < end);
        }
        int assign = -1;
        for (int j = i + 1; j < end; j++) {
            if (t.isOperator(j, "=") || t.isOperator(j, ":=") || t.isWord(j, "to")) {
                assign = j;
                break;
            }
        }
        if (assign < 0) {
            // SET NAMES utf8mb4, SET ROLE admin, SET TRANSACTION ISOLATION LEVEL ...
            return new Assignment(new SetSetting(t.word(i), value(t, i + 1, end), local, range), false);
        }
        StringBuilder name = new StringBuilder();
        for (int j = i; j < assign; j++) {
            name.append(t.text(j));
        }
        boolean userVariable = t.text(i).startsWith("@") && !t.text(i).startsWith("@@");
        boolean plainName = assign == i + 1 || (assign == i + 3 && t.isOperator(i + 1, "."));
        return new Assignment(new SetSetting(settingName(name.toString()), value(t, assign + 1, end), local, range),
                assign + 1 < end && !userVariable && plainName);
    }

    /** MySQL's {@code @@session.lock_wait_timeout} and PostgreSQL's {@code lock_timeout} both name a setting. */
    private static String settingName(String written) {
        String n = written.toLowerCase(Locale.ROOT);
        if (n.startsWith("@@")) {
            n = n.substring(2);
            for (String scope : List.of("session.", "global.", "local.", "persist.")) {
                if (n.startsWith(scope)) {
                    n = n.substring(scope.length());
                }
            }
        }
        return n.replace("\"", "");
    }

    private static String value(TokenCursor t, int from, int end) {
        if (from >= end) {
            return "";
        }
        if (from + 1 == end && t.isKind(from, TokenKind.STRING)) {
            return TokenCursor.unquote(t.text(from));
        }
        return t.sourceText(from, end - 1);
    }

    /** RESET name, RESET ALL, RESET TIME ZONE, RESET SESSION AUTHORIZATION: each is SET name TO DEFAULT. */
    static Reading reset(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "reset")) {
            return null;
        }
        String name;
        int end;
        if (t.isWords(1, "time", "zone")) {
            name = "timezone";
            end = 3;
        } else if (t.isWords(1, "session", "authorization")) {
            name = "session_authorization";
            end = 3;
        } else {
            TokenCursor.QualifiedName q = t.qualifiedName(1);
            if (q == null) {
                return null;
            }
            name = (q.schema() == null ? "" : q.schema() + ".") + q.name().toLowerCase(Locale.ROOT);
            end = q.end();
        }
        return Reading.of(List.of(new SetSetting(name, "DEFAULT", false, range)), t.atEnd(end));
    }

    /** TRUNCATE [TABLE] [ONLY] names [*] [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT]. */
    static Reading truncate(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "truncate")) {
            return null;
        }
        int i = t.isWord(1, "table") ? 2 : 1;
        TableDdlReader.Names names = TableDdlReader.namesAt(t, i);
        if (names.names().isEmpty()) {
            return null;
        }
        int end = names.end();
        if (t.isWord(end, "restart") || t.isWord(end, "continue")) {
            end = t.isWord(end + 1, "identity") ? end + 2 : -1;
        }
        end = cascadeOrRestrict(t, end);
        return Reading.of(List.of(new Truncate(names.names(), t.findTopLevelWord(i, t.size(), "cascade") >= 0, range)),
                t.atEnd(end));
    }

    /** Past an optional CASCADE or RESTRICT at {@code i}. */
    static int cascadeOrRestrict(TokenCursor t, int i) {
        return i >= 0 && (t.isWord(i, "cascade") || t.isWord(i, "restrict")) ? i + 1 : i;
    }

    /**
     * LOCK [TABLE] names [IN mode MODE] [NOWAIT] (PostgreSQL, default ACCESS EXCLUSIVE), or MySQL's
     * LOCK TABLES t READ|WRITE, ... (mode WRITE when any table is write-locked; read, not recognized).
     */
    static Reading lock(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "lock")) {
            return null;
        }
        if (t.isWord(1, "tables") || (t.dialect() == Dialect.MYSQL && t.isWord(1, "table"))) {
            List<ObjectName> names = new ArrayList<>();
            boolean write = false;
            for (int[] part : t.splitTopLevel(2, t.size())) {
                TokenCursor.QualifiedName q = t.qualifiedName(part[0]);
                if (q == null) {
                    return null;
                }
                names.add(ObjectName.of(q));
                write |= t.findTopLevelWord(part[0], part[1], "write") >= 0;
            }
            return Reading.of(List.of(new LockTable(names, write ? "WRITE" : "READ", range)), false);
        }
        int i = t.isWord(1, "table") ? 2 : 1;
        TableDdlReader.Names names = TableDdlReader.namesAt(t, i);
        if (names.names().isEmpty()) {
            return null;
        }
        String mode = "ACCESS EXCLUSIVE";
        int end = names.end();
        if (t.isWord(end, "in")) {
            int modeWord = t.findTopLevelWord(end, t.size(), "mode");
            StringBuilder m = new StringBuilder();
            for (int j = end + 1; j < modeWord; j++) {
                m.append(j > end + 1 ? " " : "").append(t.text(j).toUpperCase(Locale.ROOT));
            }
            mode = modeWord < 0 ? "" : m.toString();
            end = LOCK_MODES.contains(mode) ? modeWord + 1 : -1;
        }
        end = t.isWord(end, "nowait") ? end + 1 : end;
        return Reading.of(List.of(new LockTable(names.names(), mode.isEmpty() ? "ACCESS EXCLUSIVE" : mode, range)),
                t.atEnd(end) && end >= 0);
    }

    /** REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] [name]. */
    /**
     * PostgreSQL's VACUUM FULL and CLUSTER, the forms that rewrite tables: VACUUM [(options)] [FULL]
     * [FREEZE] [VERBOSE] [ANALYZE] [table [(columns)], ...] with FULL among the words or an option
     * that is not FULL false; CLUSTER [(options)] [VERBOSE] [table [USING index]] and the old CLUSTER
     * index ON table. Null for a VACUUM that does not rewrite, and in MySQL.
     */
    static Reading rewriteTable(TokenCursor t, TextRange range) {
        if (t.dialect() == Dialect.MYSQL) {
            return null;
        }
        boolean vacuum = t.isWord(0, "vacuum");
        boolean full = !vacuum;
        int i = 1;
        if (t.isOperator(i, "(")) {
            int close = t.closingParen(i);
            if (close < 0) {
                return null;
            }
            for (int k = i + 1; k < close; k++) {
                if (t.isWord(k, "full") && (t.isOperator(k - 1, "(") || t.isOperator(k - 1, ","))) {
                    full = !(t.isWord(k + 1, "false") || t.isWord(k + 1, "off") || t.text(k + 1).equals("0"));
                }
            }
            i = close + 1;
        }
        while (t.isWord(i, "full") || t.isWord(i, "freeze") || t.isWord(i, "verbose") || t.isWord(i, "analyze")
                || t.isWord(i, "analyse")) {
            full |= t.isWord(i, "full");
            i++;
        }
        if (!full) {
            return null;
        }
        List<ObjectName> tables = new ArrayList<>();
        if (!vacuum) {
            TokenCursor.QualifiedName first = t.qualifiedName(i);
            if (first != null) {
                // CLUSTER index ON table names the table second.
                TokenCursor.QualifiedName table = t.isWord(first.end(), "on") ? t.qualifiedName(first.end() + 1) : first;
                if (table == null) {
                    return null;
                }
                tables.add(ObjectName.of(table));
                i = table.end();
                if (t.isWord(i, "using") && t.qualifiedName(i + 1) != null) {
                    i = t.qualifiedName(i + 1).end();
                }
            }
        } else {
            while (!t.atEnd(i)) {
                TokenCursor.QualifiedName table = t.qualifiedName(i);
                if (table == null) {
                    return null;
                }
                tables.add(ObjectName.of(table));
                i = table.end();
                if (t.isOperator(i, "(")) {
                    i = t.closingParen(i) + 1;
                    if (i == 0) {
                        return null;
                    }
                }
                if (t.isOperator(i, ",")) {
                    i++;
                }
            }
        }
        String command = vacuum ? "VACUUM FULL" : "CLUSTER";
        return Reading.of(List.of(new SchemaChange.RewriteTable(command, tables, range)), t.atEnd(i));
    }

    static Reading reindex(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "reindex")) {
            return null;
        }
        int i = 1;
        boolean concurrently = false;
        if (t.isOperator(i, "(")) {
            int close = t.closingParen(i);
            if (close < 0) {
                return null;
            }
            for (int k = i + 1; k < close; k++) {
                concurrently |= t.isWord(k, "concurrently") && !(t.isWord(k + 1, "false") || t.isWord(k + 1, "off")
                        || t.text(k + 1).equals("0"));
            }
            i = close + 1;
        }
        String target = t.word(i);
        if (!REINDEX_TARGETS.contains(target)) {
            return null;
        }
        TextRange targetKeyword = t.range(i, i);
        i++;
        if (t.isWord(i, "concurrently")) {
            concurrently = true;
            i++;
        }
        ObjectName name = null;
        if (!t.atEnd(i) || !(target.equals("database") || target.equals("system"))) {
            TokenCursor.QualifiedName q = t.qualifiedName(i);
            if (q == null) {
                return null;
            }
            name = ObjectName.of(q);
            i = q.end();
        }
        return Reading.of(List.of(new SchemaChange.Reindex(target.toUpperCase(Locale.ROOT), name, concurrently, range,
                targetKeyword)),
                t.atEnd(i));
    }
}
