package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.lex.TokenCursor;
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
    private static final Set<String> ORDERING_WORDS = Set.of("asc", "desc", "nulls");

    /** What the words before INDEX say: UNIQUE, or a MySQL FULLTEXT / SPATIAL method. */
    private record Kind(boolean unique, String method, int next) {
        static Kind at(TokenCursor t, int i) {
            if (t.isWord(i, "unique")) {
                return new Kind(true, "btree", i + 1);
            }
            if (t.isWord(i, "fulltext") || t.isWord(i, "spatial")) {
                return new Kind(false, t.word(i), i + 1);
            }
            return new Kind(false, "btree", i);
        }
    }

    /**
     * CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] [USING m]
     * ON [ONLY] table [USING m] (keys) [INCLUDE (..)] [WITH (..)] [TABLESPACE t] [WHERE predicate].
     */
    static Reading createIndex(TokenCursor t, TextRange range) {
        CreateIndex full = fullIndex(t, range);
        if (full != null) {
            return Reading.of(List.of(full), true);
        }
        return headOnly(t, range);
    }

    /**
     * CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table followed by what the
     * key reader cannot read (exotic options): recognized with no columns, as what rules need is the
     * head. The tail of a CREATE INDEX names no other object.
     */
    private static Reading headOnly(TokenCursor t, TextRange range) {
        Head h = Head.read(t);
        if (h == null) {
            return null;
        }
        TokenCursor.QualifiedName table = t.isWord(h.next(), "on") ? t.qualifiedName(t.skip(h.next() + 1, "only")) : null;
        if (table == null) {
            return null;
        }
        return Reading.of(List.of(new CreateIndex(h.name(), ObjectName.of(table), List.of(), h.kind().unique(),
                h.concurrently(), h.ifNotExists(), h.kind().method(), null, List.of(), range, h.indexKeyword())), true);
    }

    /**
     * CREATE [UNIQUE | FULLTEXT | ...] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name]: what both readings
     * share; {@code next} is the token after it.
     */
    private record Head(Kind kind, TextRange indexKeyword, boolean concurrently, boolean ifNotExists, ObjectName name,
                        int next) {
        static Head read(TokenCursor t) {
            if (!t.isWord(0, "create")) {
                return null;
            }
            Kind kind = Kind.at(t, 1);
            int i = kind.next();
            if (!t.isWord(i, "index")) {
                return null;
            }
            TextRange indexKeyword = t.range(i, i);
            i++;
            boolean concurrently = t.dialect() != Dialect.MYSQL && t.isWord(i, "concurrently");
            i = concurrently ? i + 1 : i;
            int afterIf = t.skip(i, "if", "not", "exists");
            boolean ifNotExists = afterIf > i;
            if (t.isWord(i, "if") && !ifNotExists) {
                return null;
            }
            i = afterIf;
            ObjectName name = null;
            if (!t.isWord(i, "on")) {
                TokenCursor.QualifiedName q = t.qualifiedName(i);
                if (q == null) {
                    return null;
                }
                name = ObjectName.of(q);
                i = q.end();
            }
            return new Head(kind, indexKeyword, concurrently, ifNotExists, name, i);
        }
    }

    private static CreateIndex fullIndex(TokenCursor t, TextRange range) {
        Head h = Head.read(t);
        if (h == null) {
            return null;
        }
        Kind kind = h.kind();
        TextRange indexKeyword = h.indexKeyword();
        boolean concurrently = h.concurrently();
        boolean ifNotExists = h.ifNotExists();
        ObjectName name = h.name();
        int i = h.next();
        String method = usingMethod(t, i, kind.method());
        i = t.isWord(i, "using") ? i + 2 : i;
        if (!t.isWord(i, "on")) {
            return null;
        }
        TokenCursor.QualifiedName table = t.qualifiedName(t.skip(i + 1, "only"));
        if (table == null) {
            return null;
        }
        i = table.end();
        method = usingMethod(t, i, method);
        i = t.isWord(i, "using") ? i + 2 : i;
        int close = t.isOperator(i, "(") ? t.closingParen(i) : -1;
        if (close < 0) {
            return null;
        }
        List<String> include = List.of();
        int inc = t.findTopLevelWord(close + 1, t.size(), "include");
        if (inc >= 0 && t.isOperator(inc + 1, "(")) {
            int incClose = t.closingParen(inc + 1);
            include = incClose < 0 ? List.of() : ConstraintReader.identifiers(t, inc + 2, incClose);
        }
        String where = null;
        int w = t.findTopLevelWord(close + 1, t.size(), "where");
        if (w >= 0 && w + 1 < t.size()) {
            where = t.canonical(w + 1, t.size());
        }
        int nulls = t.findTopLevelWord(close + 1, w >= 0 ? w : t.size(), "nulls");
        boolean nullsNotDistinct = nulls >= 0 && t.isWords(nulls, "nulls", "not", "distinct");
        // A schema-qualified index name lives in its table's schema in PostgreSQL.
        if (name != null && name.schema() == null && table.schema() != null) {
            name = new ObjectName(table.schema(), name.name());
        }
        return new CreateIndex(name, ObjectName.of(table), keys(t, i + 1, close), kind.unique(), concurrently, ifNotExists,
                method, where, include, range, indexKeyword, nullsNotDistinct);
    }

    /**
     * MySQL's ALTER TABLE ... ADD [UNIQUE|FULLTEXT|SPATIAL] {INDEX|KEY} [name] [USING m] (keys), read from
     * the word after ADD at {@code i}: an index like CREATE INDEX.
     */
    static CreateIndex addIndexClause(TokenCursor t, ObjectName table, int i, int end, TextRange clause) {
        Kind kind = Kind.at(t, i);
        i = kind.next();
        if (t.isWord(i, "index") || t.isWord(i, "key")) {
            i++;
        } else if (!kind.unique() && kind.method().equals("btree")) {
            return null;
        }
        ObjectName name = null;
        if (!t.isOperator(i, "(") && !t.isWord(i, "using")) {
            TokenCursor.QualifiedName q = t.qualifiedName(i);
            if (q == null) {
                return null;
            }
            name = ObjectName.of(q);
            i = q.end();
        }
        String method = usingMethod(t, i, kind.method());
        i = t.isWord(i, "using") ? i + 2 : i;
        int close = t.isOperator(i, "(") ? t.closingParen(i) : -1;
        if (close < 0 || close >= end) {
            return null;
        }
        return new CreateIndex(name, table, keys(t, i + 1, close), kind.unique(), false, false, method, null, clause);
    }

    /** The method of a USING clause at {@code i}, or {@code fallback} when there is none. */
    private static String usingMethod(TokenCursor t, int i, String fallback) {
        String m = t.isWord(i, "using") ? t.word(i + 1) : "";
        return m.isEmpty() ? fallback : m;
    }

    /** The key parts between the parentheses of an index definition, tokens {@code [from, to)}. */
    static List<IndexColumn> keys(TokenCursor t, int from, int to) {
        List<IndexColumn> columns = new ArrayList<>();
        for (int[] part : t.splitTopLevel(from, to)) {
            columns.add(key(t, part[0], part[1]));
        }
        return columns;
    }

    private static IndexColumn key(TokenCursor t, int start, int end) {
        boolean descending = t.findTopLevelWord(start, end, "desc") >= 0;
        boolean mysql = t.dialect() == Dialect.MYSQL;
        if (t.isIdentifier(start) && (start + 1 == end || KEY_SUFFIX_WORDS.contains(t.word(start + 1))
                || (!mysql && t.isKind(start + 1, TokenKind.WORD)))) {
            // a plain column, possibly with an operator class (PostgreSQL) or ordering
            return new IndexColumn(t.identifier(start), null, descending, opclass(t, start + 1, end));
        }
        if (mysql && t.isIdentifier(start) && t.isOperator(start + 1, "(")) {
            // MySQL key prefix: name(10) indexes the first 10 characters of the column
            int close = t.closingParen(start + 1);
            if (close > 0 && (close + 1 >= end || KEY_SUFFIX_WORDS.contains(t.word(close + 1)))) {
                return new IndexColumn(t.identifier(start), null, descending, t.canonical(start + 1, close + 1));
            }
        }
        int exprEnd = expressionEnd(t, start, end);
        String opclass = opclass(t, exprEnd, end);
        if (t.isOperator(start, "(") && t.closingParen(start) == exprEnd - 1) {
            return new IndexColumn(null, t.canonical(start + 1, exprEnd - 1), descending, opclass);
        }
        return new IndexColumn(null, t.canonical(start, exprEnd), descending, opclass);
    }

    /** COLLATE and the operator class after a key, tokens {@code [from, end)} up to ASC, DESC or NULLS; null when none. */
    private static String opclass(TokenCursor t, int from, int end) {
        int to = from;
        while (to < end && !ORDERING_WORDS.contains(t.word(to))) {
            to++;
        }
        return to > from ? t.canonical(from, to) : null;
    }

    /** End of a key expression: before ordering words or an operator class that follows it. */
    private static int expressionEnd(TokenCursor t, int start, int end) {
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
    static Reading dropIndex(TokenCursor t, TextRange range) {
        if (!t.isWords(0, "drop", "index")) {
            return null;
        }
        boolean concurrently = t.dialect() != Dialect.MYSQL && t.isWord(2, "concurrently");
        int i = concurrently ? 3 : 2;
        int afterIf = t.skip(i, "if", "exists");
        boolean ifExists = afterIf > i;
        i = afterIf;
        List<ObjectName> names = new ArrayList<>();
        TokenCursor.QualifiedName q = t.qualifiedName(i);
        while (q != null) {
            names.add(ObjectName.of(q));
            i = q.end();
            q = t.isOperator(i, ",") ? t.qualifiedName(i + 1) : null;
        }
        if (names.isEmpty()) {
            return null;
        }
        ObjectName table = null;
        int end = i;
        if (t.isWord(i, "on")) {
            TokenCursor.QualifiedName tq = t.qualifiedName(i + 1);
            table = tq == null ? null : ObjectName.of(tq);
            end = tq == null ? -1 : tq.end();
        }
        boolean cascade = t.findTopLevelWord(i, t.size(), "cascade") >= 0;
        return Reading.of(List.of(new DropIndex(names, concurrently, ifExists, cascade, table, range, t.range(1, 1))),
                t.atEnd(SessionStatementReader.cascadeOrRestrict(t, end)));
    }
}
