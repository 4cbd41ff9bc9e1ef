package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads table constraints from tokens: table-level ones ({@code [CONSTRAINT name] PRIMARY KEY (..)},
 * UNIQUE, FOREIGN KEY, CHECK, EXCLUDE, the USING INDEX forms) and the REFERENCES and CHECK clauses
 * that column definitions share with them.
 */
final class ConstraintReader {
    private ConstraintReader() {
    }

    /** A constraint and the index just past its last token. */
    record Read(Constraint constraint, int end) {
    }

    /** The referencing part of a foreign key: REFERENCES table [(cols)] [MATCH ..] [ON DELETE ..] [ON UPDATE ..]. */
    record Reference(ObjectName table, List<String> columns, String onDelete, String onUpdate, int end) {
    }

    /** {@code CONSTRAINT name} at {@code i}: the normalized name, or null when the words are not there. */
    static String constraintName(TokenCursor t, int i) {
        return t.isWord(i, "constraint") && t.isIdentifier(i + 1) && !startsConstraintBody(t, i + 1)
                ? t.identifier(i + 1) : null;
    }

    /** True at the keyword that opens a constraint's body (after any CONSTRAINT name). */
    static boolean startsConstraintBody(TokenCursor t, int i) {
        return t.isWords(i, "primary", "key") || t.isWord(i, "unique") || t.isWords(i, "foreign", "key")
                || t.isWord(i, "check") || t.isWord(i, "exclude");
    }

    /** PostgreSQL 18's table-level not-null constraint: the column it makes NOT NULL, and whether NOT VALID. */
    record NotNull(String column, boolean notValid) {
    }

    /**
     * {@code [CONSTRAINT name] NOT NULL column [NOT VALID] [NO INHERIT]} filling tokens {@code [start, end)}
     * exactly (PostgreSQL 18's table-level form, in CREATE TABLE and ALTER TABLE ... ADD), or null.
     */
    static NotNull notNull(TokenCursor t, int start, int end) {
        int i = t.isWord(start, "constraint") && t.isIdentifier(start + 1) ? start + 2 : start;
        if (!t.isWords(i, "not", "null") || !t.isIdentifier(i + 2) || i + 2 >= end) {
            return null;
        }
        boolean notValid = false;
        int k = i + 3;
        while (k < end) {
            if (t.isWords(k, "not", "valid")) {
                notValid = true;
            } else if (!t.isWords(k, "no", "inherit")) {
                return null;
            }
            k += 2;
        }
        return k == end ? new NotNull(t.identifier(i + 2), notValid) : null;
    }

    /**
     * A table-level constraint in tokens {@code [start, end)}, or null when they hold none. A trailing
     * NOT VALID (ALTER TABLE ... ADD) is read too.
     */
    static Constraint tableConstraint(TokenCursor t, int start, int end) {
        String name = constraintName(t, start);
        int i = name != null ? start + 2 : t.isWord(start, "constraint") ? start + 1 : start;
        if (!startsConstraintBody(t, i) || i >= end) {
            return null;
        }
        boolean notValid = hasNotValid(t, i, end);
        TextRange range = t.range(start, end - 1);
        if (t.isWords(i, "primary", "key")) {
            int k = skipMysqlIndexType(t, i + 2);
            if (t.isWords(k, "using", "index") && !t.isWord(k + 2, "tablespace")) {
                return new Constraint.PrimaryKey(name, List.of(), List.of(), usingIndex(t, k + 2), range);
            }
            List<String> columns = columnList(t, k, end);
            return columns == null ? null
                    : new Constraint.PrimaryKey(name, columns, include(t, k, end), null, range);
        }
        if (t.isWord(i, "unique")) {
            int k = i + 1;
            boolean nullsNotDistinct = t.isWords(k, "nulls", "not", "distinct");
            k = t.skip(t.skip(k, "nulls", "not", "distinct"), "nulls", "distinct");
            if (t.isWords(k, "using", "index") && !t.isWord(k + 2, "tablespace")) {
                return new Constraint.Unique(name, List.of(), List.of(), nullsNotDistinct, usingIndex(t, k + 2), range);
            }
            List<String> columns = columnList(t, k, end);
            return columns == null ? null
                    : new Constraint.Unique(name, columns, include(t, k, end), nullsNotDistinct, null, range);
        }
        if (t.isWords(i, "foreign", "key")) {
            int k = i + 2;
            String indexName = null;
            if (t.isIdentifier(k) && !t.isOperator(k, "(")) {
                indexName = t.identifier(k); // MySQL: FOREIGN KEY index_name (cols)
                k++;
            }
            if (!t.isOperator(k, "(")) {
                return null;
            }
            int close = t.closingParen(k);
            if (close < 0 || close >= end) {
                return null;
            }
            List<String> columns = identifiers(t, k + 1, close);
            Reference ref = reference(t, close + 1, end);
            if (ref == null) {
                return null;
            }
            return new Constraint.ForeignKey(name, columns, ref.table(), ref.columns(), ref.onDelete(), ref.onUpdate(),
                    notValid, indexName, range);
        }
        if (t.isWord(i, "check")) {
            int close = t.isOperator(i + 1, "(") ? t.closingParen(i + 1) : -1;
            if (close < 0 || close >= end) {
                return null;
            }
            return new Constraint.Check(name, t.canonical(i + 2, close), notValid,
                    t.findTopLevelWord(close + 1, end, "inherit") >= 0, !notEnforced(t, close + 1, end), range);
        }
        return exclusion(t, name, i, end, range);
    }

    /** EXCLUDE [USING method] (element WITH operator, ...) [INCLUDE ..] [WITH ..] [WHERE (predicate)]. */
    private static Constraint exclusion(TokenCursor t, String name, int i, int end, TextRange range) {
        int k = i + 1;
        String method = "btree";
        if (t.isWord(k, "using") && !t.word(k + 1).isEmpty()) {
            method = t.word(k + 1);
            k += 2;
        }
        int close = t.isOperator(k, "(") ? t.closingParen(k) : -1;
        if (close < 0 || close >= end) {
            return null;
        }
        List<IndexColumn> keys = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        for (int[] part : t.splitTopLevel(k + 1, close)) {
            int with = t.findTopLevelWord(part[0], part[1], "with");
            if (with < 0) {
                return null;
            }
            keys.addAll(IndexDdlReader.keys(t, part[0], with));
            operators.add(t.canonical(with + 1, part[1]));
        }
        String where = null;
        int w = t.findTopLevelWord(close + 1, end, "where");
        if (w >= 0 && t.isOperator(w + 1, "(")) {
            int wc = t.closingParen(w + 1);
            where = wc > 0 ? t.canonical(w + 2, wc) : null;
        }
        return new Constraint.Exclusion(name, method, keys, operators, where, range);
    }

    /**
     * REFERENCES table [(cols)] [MATCH FULL|PARTIAL|SIMPLE] [ON DELETE action] [ON UPDATE action]
     * [[NOT] DEFERRABLE] [INITIALLY ..] at {@code i}; null when it is not there.
     */
    static Reference reference(TokenCursor t, int i, int end) {
        if (!t.isWord(i, "references")) {
            return null;
        }
        TokenCursor.QualifiedName table = t.qualifiedName(i + 1);
        if (table == null || table.end() > end) {
            return null;
        }
        int k = table.end();
        List<String> columns = List.of();
        if (t.isOperator(k, "(")) {
            int close = t.closingParen(k);
            if (close < 0 || close >= end) {
                return null;
            }
            columns = identifiers(t, k + 1, close);
            k = close + 1;
        }
        String onDelete = null;
        String onUpdate = null;
        while (k < end) {
            if (t.isWord(k, "match")) {
                k += 2;
            } else if (t.isWords(k, "on", "delete") || t.isWords(k, "on", "update")) {
                boolean delete = t.isWord(k + 1, "delete");
                int actionEnd = actionEnd(t, k + 2, end);
                if (actionEnd == k + 2) {
                    break;
                }
                String action = words(t, k + 2, actionEnd);
                if (delete) {
                    onDelete = action;
                } else {
                    onUpdate = action;
                }
                k = actionEnd;
                if (t.isOperator(k, "(")) {
                    int close = t.closingParen(k); // PostgreSQL 15: SET NULL (columns)
                    k = close < 0 ? end : close + 1;
                }
            } else if (t.isWord(k, "deferrable")) {
                k++;
            } else if (t.isWords(k, "not", "deferrable")) {
                k += 2;
            } else if (t.isWord(k, "initially")) {
                k += 2;
            } else {
                break;
            }
        }
        return new Reference(ObjectName.of(table), columns, onDelete, onUpdate, k);
    }

    private static int actionEnd(TokenCursor t, int i, int end) {
        if (t.isWord(i, "cascade") || t.isWord(i, "restrict")) {
            return i + 1;
        }
        if (t.isWords(i, "no", "action") || t.isWords(i, "set", "null") || t.isWords(i, "set", "default")) {
            return Math.min(i + 2, end);
        }
        return i;
    }

    private static String words(TokenCursor t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(i > from ? " " : "").append(t.text(i).toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** The index name after USING INDEX, in the table's schema. */
    private static ObjectName usingIndex(TokenCursor t, int i) {
        TokenCursor.QualifiedName q = t.qualifiedName(i);
        return q == null ? null : ObjectName.of(q);
    }

    /** MySQL's {@code USING BTREE|HASH} before a key list. */
    private static int skipMysqlIndexType(TokenCursor t, int i) {
        return t.dialect() == Dialect.MYSQL && t.isWord(i, "using") && !t.isWord(i + 1, "index") ? i + 2 : i;
    }

    /** The plain column names of a parenthesized key list at {@code i}; null when there is no list. */
    private static List<String> columnList(TokenCursor t, int i, int end) {
        if (!t.isOperator(i, "(")) {
            return null;
        }
        int close = t.closingParen(i);
        if (close < 0 || close >= end) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (IndexColumn key : IndexDdlReader.keys(t, i + 1, close)) {
            if (key.column() != null) {
                columns.add(key.column());
            }
        }
        return columns;
    }

    /** INCLUDE (cols) after the key list that opens at {@code keyListOpen}. */
    private static List<String> include(TokenCursor t, int keyListOpen, int end) {
        int close = t.closingParen(keyListOpen);
        int inc = close < 0 ? -1 : t.findTopLevelWord(close + 1, end, "include");
        if (inc < 0 || !t.isOperator(inc + 1, "(")) {
            return List.of();
        }
        int incClose = t.closingParen(inc + 1);
        return incClose < 0 ? List.of() : identifiers(t, inc + 2, incClose);
    }

    /** Comma-separated identifiers in {@code [from, to)}. */
    static List<String> identifiers(TokenCursor t, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int[] part : t.splitTopLevel(from, to)) {
            // PostgreSQL 18's temporal foreign key: FOREIGN KEY (id, PERIOD valid_at)
            int at = part[1] - part[0] == 2 && t.isWord(part[0], "period") ? part[0] + 1 : part[0];
            if (t.isIdentifier(at)) {
                names.add(t.identifier(at));
            }
        }
        return names;
    }

    private static boolean hasNotValid(TokenCursor t, int from, int end) {
        int depth = 0;
        for (int i = from; i < end - 1; i++) {
            if (t.isOperator(i, "(")) {
                depth++;
            } else if (t.isOperator(i, ")")) {
                depth--;
            } else if (depth == 0 && t.isWords(i, "not", "valid")) {
                return true;
            }
        }
        return false;
    }

    private static boolean notEnforced(TokenCursor t, int from, int end) {
        int n = t.findTopLevelWord(from, end, "enforced");
        return n > from && t.isWord(n - 1, "not");
    }
}
