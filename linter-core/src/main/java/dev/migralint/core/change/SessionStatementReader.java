package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.LockTable;
import dev.migralint.core.change.SchemaChange.SetSetting;
import dev.migralint.core.change.SchemaChange.Transaction;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.change.SchemaChange.Truncate;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads transaction control, SET, TRUNCATE and LOCK statements from tokens. */
final class SessionStatementReader {
    private SessionStatementReader() {
    }

    /** Words that may follow BEGIN in a transaction start, as opposed to a BEGIN ... END block. */
    private static final Set<String> BEGIN_MODES = Set.of(
            "transaction", "work", "isolation", "read", "not", "deferrable");

    static Transaction transaction(StatementTokens t, TextRange range) {
        TransactionKind kind = switch (t.word(0)) {
            case "begin" -> t.size() == 1 || BEGIN_MODES.contains(t.word(1)) ? TransactionKind.BEGIN : null;
            case "start" -> t.isWord(1, "transaction") ? TransactionKind.BEGIN : null;
            case "commit" -> t.isWord(1, "prepared") ? null : TransactionKind.COMMIT;
            // PostgreSQL's END is COMMIT; END IF / END LOOP belong to procedural code.
            case "end" -> t.size() == 1 || t.isWord(1, "transaction") || t.isWord(1, "work")
                    ? TransactionKind.COMMIT : null;
            case "abort" -> TransactionKind.ROLLBACK;
            case "rollback" -> rollbackKind(t);
            case "savepoint" -> TransactionKind.SAVEPOINT;
            case "release" -> TransactionKind.RELEASE;
            default -> null;
        };
        return kind == null ? null : new Transaction(kind, range);
    }

    private static TransactionKind rollbackKind(StatementTokens t) {
        if (t.isWord(1, "prepared")) {
            return null;
        }
        int i = t.isWord(1, "work") || t.isWord(1, "transaction") ? 2 : 1;
        return t.isWord(i, "to") ? TransactionKind.ROLLBACK_TO : TransactionKind.ROLLBACK;
    }

    /**
     * SET [SESSION|LOCAL|GLOBAL] name {TO|=} value. MySQL allows several assignments in one SET;
     * PostgreSQL's commas belong to the value ({@code SET search_path TO a, b}).
     */
    static List<SetSetting> set(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "set") || t.size() < 2) {
            return null;
        }
        List<SetSetting> settings = new ArrayList<>();
        List<int[]> parts = t.dialect() == Dialect.MYSQL ? t.splitTopLevel(1, t.size()) : List.of(new int[] {1, t.size()});
        for (int[] part : parts) {
            SetSetting s = assignment(t, part[0], part[1], parts.size() == 1 ? range : t.range(part[0], part[1] - 1));
            if (s == null) {
                return null;
            }
            settings.add(s);
        }
        return settings;
    }

    private static SetSetting assignment(StatementTokens t, int start, int end, TextRange range) {
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
            return new SetSetting("timezone", value(t, i + 2, end), local, range);
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
            return new SetSetting(t.word(i), value(t, i + 1, end), local, range);
        }
        StringBuilder name = new StringBuilder();
        for (int j = i; j < assign; j++) {
            name.append(t.text(j));
        }
        return new SetSetting(settingName(name.toString()), value(t, assign + 1, end), local, range);
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

    private static String value(StatementTokens t, int from, int end) {
        if (from >= end) {
            return "";
        }
        if (from + 1 == end && t.isKind(from, TokenKind.STRING)) {
            return unquote(t.text(from));
        }
        return t.sourceText(from, end - 1);
    }

    /** '5s' -> 5s, E'..' and N'..' prefixes dropped, doubled quotes undone. */
    static String unquote(String s) {
        String v = s;
        if (v.length() > 2 && Character.isLetter(v.charAt(0)) && (v.charAt(1) == '\'' || v.charAt(1) == '"')) {
            v = v.substring(1);
        }
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            char q = v.charAt(0);
            return v.substring(1, v.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return v;
    }

    /** TRUNCATE [TABLE] [ONLY] names [*] [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT]. */
    static Truncate truncate(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "truncate")) {
            return null;
        }
        int i = t.isWord(1, "table") ? 2 : 1;
        List<ObjectName> names = TableDdlReader.names(t, i);
        if (names.isEmpty()) {
            return null;
        }
        return new Truncate(names, t.findTopLevelWord(i, t.size(), "cascade") >= 0, range);
    }

    /**
     * LOCK [TABLE] names [IN mode MODE] [NOWAIT] (PostgreSQL, default ACCESS EXCLUSIVE), or MySQL's
     * LOCK TABLES t READ|WRITE, ... (mode WRITE when any table is write-locked).
     */
    static LockTable lock(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "lock")) {
            return null;
        }
        if (t.isWord(1, "tables") || (t.dialect() == Dialect.MYSQL && t.isWord(1, "table"))) {
            List<ObjectName> names = new ArrayList<>();
            boolean write = false;
            for (int[] part : t.splitTopLevel(2, t.size())) {
                StatementTokens.QualifiedName q = t.qualifiedName(part[0]);
                if (q == null) {
                    return null;
                }
                names.add(q.name());
                write |= t.findTopLevelWord(part[0], part[1], "write") >= 0;
            }
            return new LockTable(names, write ? "WRITE" : "READ", range);
        }
        int i = t.isWord(1, "table") ? 2 : 1;
        List<ObjectName> names = TableDdlReader.names(t, i);
        if (names.isEmpty()) {
            return null;
        }
        String mode = "ACCESS EXCLUSIVE";
        int in = t.findTopLevelWord(i, t.size(), "in");
        int modeWord = t.findTopLevelWord(i, t.size(), "mode");
        if (in >= 0 && modeWord > in + 1) {
            StringBuilder m = new StringBuilder();
            for (int j = in + 1; j < modeWord; j++) {
                m.append(j > in + 1 ? " " : "").append(t.text(j).toUpperCase(Locale.ROOT));
            }
            mode = m.toString();
        }
        return new LockTable(names, mode, range);
    }
}
