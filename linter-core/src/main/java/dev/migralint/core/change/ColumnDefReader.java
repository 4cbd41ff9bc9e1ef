package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one column definition ({@code name type [constraints...]}) from a token span such as a
 * CREATE TABLE element or the tail of ADD COLUMN, with its inline constraints. Returns null when the
 * span is not a column definition (a table constraint, LIKE, or something unexpected).
 */
final class ColumnDefReader {
    private ColumnDefReader() {
    }

    /** A column with its inline PRIMARY KEY, UNIQUE, CHECK and REFERENCES constraints. */
    record Read(ColumnDef column, List<Constraint> constraints) {
    }

    /** Words that open a table-level element rather than a column in CREATE TABLE. */
    private static final Set<String> TABLE_ELEMENT_WORDS = Set.of(
            "constraint", "primary", "unique", "foreign", "check", "exclude", "like", "period");

    /** MySQL index elements: {@code KEY name (cols)}, {@code INDEX (cols)}, {@code FULLTEXT KEY ...}. */
    private static final Set<String> MYSQL_INDEX_WORDS = Set.of("key", "index", "fulltext", "spatial");

    /** Words that end a DEFAULT expression: the start of the next column constraint or attribute. */
    private static final Set<String> OPTION_WORDS = Set.of(
            "not", "null", "constraint", "primary", "unique", "references", "check", "collate", "generated",
            "auto_increment", "comment", "on", "after", "first", "visible", "invisible", "storage",
            "compression", "deferrable", "initially", "column_format", "character", "charset", "key");

    static boolean startsTableElement(TokenCursor t, int start) {
        String w = t.word(start);
        if (w.equals("period")) {
            return t.isWord(start + 1, "for"); // SQL:2011 PERIOD FOR; otherwise a column named period
        }
        if (TABLE_ELEMENT_WORDS.contains(w)) {
            return true;
        }
        return t.dialect() == Dialect.MYSQL && MYSQL_INDEX_WORDS.contains(w);
    }

    static ColumnDef read(TokenCursor t, int start, int end) {
        Read read = readWithConstraints(t, start, end);
        return read == null ? null : read.column();
    }

    static Read readWithConstraints(TokenCursor t, int start, int end) {
        if (start >= end || !t.isIdentifier(start)) {
            return null;
        }
        String name = t.identifier(start);
        DataTypeReader.Read type = DataTypeReader.read(t, start + 1, end);
        if (type == null) {
            return null;
        }
        Attributes a = new Attributes(t, name);
        int i = type.end();
        while (i < end) {
            i = a.readAt(i, end);
        }
        ColumnDef column = new ColumnDef(name, type.type(), a.notNull, a.primaryKey, a.defaultExpression,
                t.range(start, end - 1), type.range(), a.identity, a.generatedExpression, a.generatedStored, a.comment,
                t.spelling(start));
        return new Read(column, a.constraints);
    }

    /** What the words after a column's type say, read one clause at a time. */
    private static final class Attributes {
        private final TokenCursor t;
        private final String column;
        private final boolean mysql;
        boolean notNull;
        boolean primaryKey;
        boolean identity;
        String defaultExpression;
        String generatedExpression;
        boolean generatedStored;
        String comment;
        final List<Constraint> constraints = new ArrayList<>();
        /** A CONSTRAINT name waiting for the constraint it names, and where it was written. */
        private String pendingName;
        private int pendingStart = -1;

        Attributes(TokenCursor t, String column) {
            this.t = t;
            this.column = column;
            this.mysql = t.dialect() == Dialect.MYSQL;
        }

        /** Reads the clause at {@code i}; returns the index after it (always past {@code i}). */
        int readAt(int i, int end) {
            if (t.isOperator(i, "(")) {
                int close = t.closingParen(i);
                return close < 0 ? end : close + 1;
            }
            if (t.isWord(i, "constraint") && t.isIdentifier(i + 1)) {
                pendingName = t.identifier(i + 1);
                pendingStart = i;
                return i + 2;
            }
            int start = pendingStart >= 0 ? pendingStart : i;
            if (t.isWords(i, "not", "null")) {
                notNull = true;
                return clearPending(i + 2);
            }
            if (t.isWords(i, "primary", "key") || (mysql && t.isWord(i, "key"))) {
                // A primary key column is NOT NULL whether or not the definition says so.
                primaryKey = true;
                notNull = true;
                int next = t.isWord(i, "key") ? i + 1 : i + 2;
                constraints.add(new Constraint.PrimaryKey(pendingName, List.of(column), List.of(), null,
                        t.range(start, next - 1)));
                return clearPending(next);
            }
            if (t.isWord(i, "unique")) {
                int next = t.skip(i + 1, "key");
                next = t.skip(t.skip(next, "nulls", "not", "distinct"), "nulls", "distinct");
                constraints.add(new Constraint.Unique(pendingName, List.of(column), List.of(),
                        t.isWords(i + 1, "nulls", "not", "distinct"), null, t.range(start, next - 1)));
                return clearPending(next);
            }
            if (t.isWord(i, "check") && t.isOperator(i + 1, "(")) {
                int close = t.closingParen(i + 1);
                if (close < 0 || close >= end) {
                    return end;
                }
                int next = close + 1;
                boolean noInherit = t.isWords(next, "no", "inherit");
                next = t.skip(next, "no", "inherit");
                boolean notEnforced = t.isWords(next, "not", "enforced");
                next = t.skip(t.skip(next, "not", "enforced"), "enforced");
                constraints.add(new Constraint.Check(pendingName, t.canonical(i + 2, close), false, noInherit,
                        !notEnforced, t.range(start, next - 1)));
                return clearPending(next);
            }
            if (t.isWord(i, "references")) {
                ConstraintReader.Reference ref = ConstraintReader.reference(t, i, end);
                if (ref == null) {
                    return end;
                }
                // MySQL parses an inline REFERENCES clause and ignores it: no foreign key is made.
                if (!mysql) {
                    constraints.add(new Constraint.ForeignKey(pendingName, List.of(column), ref.table(), ref.columns(),
                            ref.onDelete(), ref.onUpdate(), false, null, t.range(start, ref.end() - 1)));
                }
                return clearPending(Math.max(ref.end(), i + 1));
            }
            if (t.isWord(i, "default") && defaultExpression == null) {
                int exprEnd = defaultEnd(t, i + 1, end);
                if (exprEnd > i + 1) {
                    defaultExpression = t.sourceText(i + 1, exprEnd - 1);
                    return clearPending(exprEnd);
                }
                return i + 1;
            }
            if (mysql && t.isWord(i, "comment") && t.isKind(i + 1, TokenKind.STRING)) {
                comment = TokenCursor.unquote(t.text(i + 1));
                return i + 2;
            }
            if (t.isWord(i, "auto_increment")) {
                identity = true;
                return i + 1;
            }
            if (t.isWord(i, "generated") || (mysql && t.isWord(i, "as") && t.isOperator(i + 1, "("))) {
                return generated(i, end);
            }
            return i + 1;
        }

        /**
         * GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)], GENERATED ALWAYS AS (expr) [STORED],
         * and MySQL's [GENERATED ALWAYS] AS (expr) [VIRTUAL | STORED].
         */
        private int generated(int i, int end) {
            int k = t.isWord(i, "generated") ? i + 1 : i;
            k = t.skip(t.skip(k, "always"), "by", "default");
            if (!t.isWord(k, "as")) {
                return i + 1;
            }
            k++;
            if (t.isWord(k, "identity")) {
                identity = true;
                notNull = true; // an identity column is implicitly NOT NULL
                return clearPending(k + 1);
            }
            if (!t.isOperator(k, "(")) {
                return k;
            }
            int close = t.closingParen(k);
            if (close < 0 || close >= end) {
                return end;
            }
            generatedExpression = t.canonical(k + 1, close);
            // PostgreSQL (up to 17) has only stored generated columns; MySQL's default is VIRTUAL.
            generatedStored = !mysql || t.isWord(close + 1, "stored");
            return clearPending(close + 1);
        }

        private int clearPending(int next) {
            pendingName = null;
            pendingStart = -1;
            return next;
        }
    }

    /** Index just past a DEFAULT expression starting at {@code from}. */
    private static int defaultEnd(TokenCursor t, int from, int end) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            if (t.isOperator(i, "(")) {
                depth++;
            } else if (t.isOperator(i, ")")) {
                depth--;
            } else if (depth == 0 && i > from && OPTION_WORDS.contains(t.word(i))
                    && !isPartOfExpression(t, i)) {
                return i;
            }
        }
        return end;
    }

    /**
     * {@code DEFAULT CURRENT_TIMESTAMP ON UPDATE ...} ends at ON, but a word right after an operator
     * belongs to the expression: {@code DEFAULT 'x'::character varying} or {@code DEFAULT 1 + NULL}.
     */
    private static boolean isPartOfExpression(TokenCursor t, int i) {
        return t.isKind(i - 1, TokenKind.OPERATOR) && !t.isOperator(i - 1, ")") && !t.isOperator(i - 1, "]");
    }
}
