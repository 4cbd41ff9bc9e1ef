package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.TokenKind;
import java.util.Set;

/**
 * Reads one column definition ({@code name type [constraints...]}) from a token span such as a
 * CREATE TABLE element or the tail of ADD COLUMN. Returns null when the span is not a column
 * definition (a table constraint, LIKE, or something unexpected).
 */
final class ColumnDefReader {
    private ColumnDefReader() {
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

    static boolean startsTableElement(StatementTokens t, int start) {
        String w = t.word(start);
        if (w.equals("period")) {
            return t.isWord(start + 1, "for"); // SQL:2011 PERIOD FOR; otherwise a column named period
        }
        if (TABLE_ELEMENT_WORDS.contains(w)) {
            return true;
        }
        return t.dialect() == Dialect.MYSQL && MYSQL_INDEX_WORDS.contains(w);
    }

    static ColumnDef read(StatementTokens t, int start, int end) {
        if (start >= end || !t.isIdentifier(start)) {
            return null;
        }
        String name = t.identifier(start);
        DataTypeReader.Read type = DataTypeReader.read(t, start + 1, end);
        if (type == null) {
            return null;
        }
        boolean notNull = false;
        boolean primaryKey = false;
        String defaultExpression = null;
        int depth = 0;
        for (int i = type.end(); i < end; i++) {
            if (t.isOperator(i, "(")) {
                depth++;
            } else if (t.isOperator(i, ")")) {
                depth--;
            }
            if (depth != 0) {
                continue;
            }
            if (t.isWords(i, "not", "null")) {
                notNull = true;
                i++;
            } else if (t.isWords(i, "primary", "key")) {
                // A primary key column is NOT NULL whether or not the definition says so.
                primaryKey = true;
                notNull = true;
                i++;
            } else if (t.isWord(i, "default") && defaultExpression == null) {
                int exprEnd = defaultEnd(t, i + 1, end);
                if (exprEnd > i + 1) {
                    defaultExpression = t.sourceText(i + 1, exprEnd - 1);
                    i = exprEnd - 1;
                }
            }
        }
        return new ColumnDef(name, type.type(), notNull, primaryKey, defaultExpression,
                t.range(start, end - 1), type.range());
    }

    /** Index just past a DEFAULT expression starting at {@code from}. */
    private static int defaultEnd(StatementTokens t, int from, int end) {
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
    private static boolean isPartOfExpression(StatementTokens t, int i) {
        return t.isKind(i - 1, TokenKind.OPERATOR) && !t.isOperator(i - 1, ")") && !t.isOperator(i - 1, "]");
    }
}
