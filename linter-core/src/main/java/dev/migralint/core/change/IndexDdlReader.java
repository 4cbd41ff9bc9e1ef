package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads CREATE INDEX and DROP INDEX from tokens, in both PostgreSQL's and MySQL's grammar. */
final class IndexDdlReader {
    private IndexDdlReader() {
    }

    private static final Set<String> KEY_SUFFIX_WORDS = Set.of("asc", "desc", "nulls", "collate");

    /**
     * CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] [USING m]
     * ON [ONLY] table [USING m] (keys) [INCLUDE (..)] [WITH (..)] [TABLESPACE t] [WHERE predicate].
     */
    static CreateIndex createIndex(StatementTokens t, TextRange range) {
        if (!t.isWord(0, "create")) {
            return null;
        }
        int i = 1;
        boolean unique = false;
        String method = "btree";
        if (t.isWord(i, "unique")) {
            unique = true;
            i++;
        } else if (t.isWord(i, "fulltext") || t.isWord(i, "spatial")) {
            method = t.word(i);
            i++;
        }
        if (!t.isWord(i, "index")) {
            return null;
        }
        i++;
        boolean concurrently = false;
        if (t.isWord(i, "concurrently") && t.dialect() != Dialect.MYSQL) {
            concurrently = true;
            i++;
        }
        boolean ifNotExists = false;
        if (t.isWords(i, "if", "not", "exists")) {
            ifNotExists = true;
            i += 3;
        }
        ObjectName name = null;
        if (!t.isWord(i, "on")) {
            StatementTokens.QualifiedName q = t.qualifiedName(i);
            if (q == null) {
                return null;
            }
            name = q.name();
            i = q.end();
        }
        if (t.isWord(i, "using")) {
            method = t.word(i + 1);
            i += 2;
        }
        if (!t.isWord(i, "on")) {
            return null;
        }
        i++;
        if (t.isWord(i, "only")) {
            i++;
        }
        StatementTokens.QualifiedName table = t.qualifiedName(i);
        if (table == null) {
            return null;
        }
        i = table.end();
        if (t.isWord(i, "using")) {
            method = t.word(i + 1);
            i += 2;
        }
        if (!t.isOperator(i, "(")) {
            return null;
        }
        int close = t.closingParen(i);
        if (close < 0) {
            return null;
        }
        List<IndexColumn> columns = keys(t, i + 1, close);
        String where = null;
        int w = t.findTopLevelWord(close + 1, t.size(), "where");
        if (w >= 0 && w + 1 < t.size()) {
            where = t.canonical(w + 1, t.size());
        }
        // A schema-qualified index name lives in its table's schema in PostgreSQL.
        if (name != null && name.schema() == null && table.name().schema() != null) {
            name = new ObjectName(table.name().schema(), name.name());
        }
        return new CreateIndex(name, table.name(), columns, unique, concurrently, ifNotExists,
                method.isEmpty() ? "btree" : method, where, range);
    }

    /** The key parts between the parentheses of an index definition, tokens {@code [from, to)}. */
    static List<IndexColumn> keys(StatementTokens t, int from, int to) {
        List<IndexColumn> columns = new ArrayList<>();
        for (int[] part : t.splitTopLevel(from, to)) {
            columns.add(key(t, part[0], part[1]));
        }
        return columns;
    }

    private static IndexColumn key(StatementTokens t, int start, int end) {
        boolean descending = t.findTopLevelWord(start, end, "desc") >= 0;
        boolean mysql = t.dialect() == Dialect.MYSQL;
        if (t.isIdentifier(start) && (start + 1 == end || KEY_SUFFIX_WORDS.contains(t.word(start + 1))
                || (!mysql && t.isKind(start + 1, TokenKind.WORD)))) {
            // a plain column, possibly with an operator class (PostgreSQL) or ordering
            return new IndexColumn(t.identifier(start), null, descending);
        }
        if (mysql && t.isIdentifier(start) && t.isOperator(start + 1, "(")) {
            // MySQL key prefix: name(10) indexes the first 10 characters of the column
            int close = t.closingParen(start + 1);
            if (close > 0 && (close + 1 >= end || KEY_SUFFIX_WORDS.contains(t.word(close + 1)))) {
                return new IndexColumn(t.identifier(start), null, descending);
            }
        }
        int exprEnd = expressionEnd(t, start, end);
        if (t.isOperator(start, "(") && t.closingParen(start) == exprEnd - 1) {
            return new IndexColumn(null, t.canonical(start + 1, exprEnd - 1), descending);
        }
        return new IndexColumn(null, t.canonical(start, exprEnd), descending);
    }

    /** End of a key expression: before ordering words or an operator class that follows it. */
    private static int expressionEnd(StatementTokens t, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            if (t.isOperator(i, "(")) {
                depth++;
            } else if (t.isOperator(i, ")")) {
                depth--;
            } else if (depth == 0 && i > start && (KEY_SUFFIX_WORDS.contains(t.word(i))
                    || (t.isKind(i, TokenKind.WORD) && t.isOperator(i - 1, ")")))) {
                return i;
            }
        }
        return end;
    }

    /**
     * DROP INDEX [CONCURRENTLY] [IF EXISTS] names [CASCADE|RESTRICT] (PostgreSQL), or
     * DROP INDEX name ON table (MySQL).
     */
    static DropIndex dropIndex(StatementTokens t, TextRange range) {
        if (!t.isWords(0, "drop", "index")) {
            return null;
        }
        int i = 2;
        boolean concurrently = false;
        if (t.isWord(i, "concurrently") && t.dialect() != Dialect.MYSQL) {
            concurrently = true;
            i++;
        }
        boolean ifExists = false;
        if (t.isWords(i, "if", "exists")) {
            ifExists = true;
            i += 2;
        }
        List<ObjectName> names = new ArrayList<>();
        StatementTokens.QualifiedName q = t.qualifiedName(i);
        while (q != null) {
            names.add(q.name());
            i = q.end();
            q = t.isOperator(i, ",") ? t.qualifiedName(i + 1) : null;
        }
        if (names.isEmpty()) {
            return null;
        }
        ObjectName table = null;
        if (t.isWord(i, "on")) {
            StatementTokens.QualifiedName tq = t.qualifiedName(i + 1);
            table = tq == null ? null : tq.name();
        }
        return new DropIndex(names, concurrently, ifExists, table, range);
    }
}
