package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.DropTable;
import dev.migralint.core.change.SchemaChange.SourceKind;
import dev.migralint.core.change.SchemaChange.TableSource;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads CREATE TABLE and DROP TABLE from tokens; ALTER TABLE is {@link AlterTableReader}'s. */
final class TableDdlReader {
    private TableDdlReader() {
    }

    private static final Set<String> CREATE_TABLE_MODIFIERS = Set.of(
            "or", "replace", "global", "local", "temporary", "temp", "unlogged", "foreign");

    /**
     * CREATE TABLE: the table, then (MySQL) one CreateIndex per KEY, INDEX, UNIQUE, FULLTEXT or SPATIAL
     * element, because MySQL's unique keys and inline indexes are indexes like any other.
     */
    static List<SchemaChange> createTable(TokenCursor t, TextRange range) {
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
        TokenCursor.QualifiedName name = t.qualifiedName(afterIf);
        if (name == null) {
            return null;
        }
        ObjectName table = ObjectName.of(name);
        i = name.end();
        boolean mysql = t.dialect() == Dialect.MYSQL;
        List<TableSource> sources = new ArrayList<>();
        List<ColumnDef> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        List<SchemaChange> indexes = new ArrayList<>();
        if (t.isWords(i, "partition", "of") || (t.isWord(i, "of") && t.isIdentifier(i + 1))) {
            boolean partition = t.isWord(i, "partition");
            TokenCursor.QualifiedName parent = t.qualifiedName(partition ? i + 2 : i + 1);
            if (parent != null) {
                sources.add(new TableSource(partition ? SourceKind.PARTITION_OF : SourceKind.OF_TYPE, ObjectName.of(parent),
                        Set.of()));
                i = parent.end();
            }
        } else if (t.isWord(i, "like")) {
            // MySQL's CREATE TABLE a LIKE b copies columns, indexes and all.
            TokenCursor.QualifiedName source = t.qualifiedName(i + 1);
            if (source != null) {
                sources.add(new TableSource(SourceKind.LIKE, ObjectName.of(source), Set.of("all")));
                i = source.end();
            }
        }
        // PostgreSQL 18's table-level NOT NULL a: the column, wherever it is declared, or a parent's
        Map<String, TextRange> notNullColumns = new LinkedHashMap<>();
        if (t.isOperator(i, "(")) {
            int close = t.closingParen(i);
            if (close < 0) {
                return null;
            }
            for (int[] element : t.splitTopLevel(i + 1, close)) {
                int s = element[0];
                int e = element[1];
                ConstraintReader.NotNull notNull = t.dialect() == Dialect.MYSQL ? null : ConstraintReader.notNull(t, s, e);
                if (notNull != null) {
                    notNullColumns.put(notNull.column(), t.range(s, e - 1));
                } else if (t.isWord(s, "like")) {
                    TableSource like = like(t, s, e);
                    if (like != null) {
                        sources.add(like);
                    }
                } else if (ColumnDefReader.startsTableElement(t, s)) {
                    tableElement(t, table, s, e, constraints, indexes);
                } else {
                    ColumnDefReader.Read column = ColumnDefReader.readWithConstraints(t, s, e);
                    if (column != null) {
                        columns.add(column.column().withComment(ColumnComments.around(t, s, e)));
                        for (Constraint c : column.constraints()) {
                            if (mysql && c instanceof Constraint.Unique u) {
                                indexes.add(mysqlUniqueIndex(table, u));
                            } else {
                                constraints.add(c);
                            }
                        }
                    }
                }
            }
            i = close + 1;
        }
        int inherits = t.findTopLevelWord(i, t.size(), "inherits");
        if (inherits >= 0 && t.isOperator(inherits + 1, "(")) {
            int close = t.closingParen(inherits + 1);
            for (int[] part : t.splitTopLevel(inherits + 2, close < 0 ? t.size() : close)) {
                TokenCursor.QualifiedName parent = t.qualifiedName(part[0]);
                if (parent != null) {
                    sources.add(new TableSource(SourceKind.INHERITS, ObjectName.of(parent), Set.of()));
                }
            }
        }
        if (t.findTopLevelWord(i, t.size(), "as") >= 0 || (mysql && t.findTopLevelWord(i, t.size(), "select") >= 0)) {
            sources.add(new TableSource(SourceKind.AS_QUERY, null, Set.of()));
        }
        List<SchemaChange> inherited = new ArrayList<>();
        for (Map.Entry<String, TextRange> notNull : notNullColumns.entrySet()) {
            int at = indexOf(columns, notNull.getKey());
            if (at >= 0) {
                columns.set(at, withNotNull(columns.get(at)));
            } else {
                // a column of a LIKE or INHERITS source: NOT NULL once the table has it
                inherited.add(new SchemaChange.SetNotNull(table, notNull.getKey(), notNull.getValue()));
            }
        }
        List<SchemaChange> changes = new ArrayList<>();
        changes.add(new CreateTable(table, columns, constraints, ifNotExists, temporary, sources, range));
        changes.addAll(indexes);
        changes.addAll(inherited);
        return changes;
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    private static ColumnDef withNotNull(ColumnDef c) {
        return new ColumnDef(c.name(), c.type(), true, c.primaryKey(), c.defaultExpression(), c.range(), c.typeRange(),
                c.identity(), c.generatedExpression(), c.generatedStored(), null, c.spelling());
    }

    /** LIKE source [{INCLUDING | EXCLUDING} option ...] inside the column list (PostgreSQL). */
    private static TableSource like(TokenCursor t, int start, int end) {
        TokenCursor.QualifiedName source = t.qualifiedName(start + 1);
        if (source == null) {
            return null;
        }
        Set<String> including = new LinkedHashSet<>();
        for (int k = source.end(); k + 1 < end; k += 2) {
            if (t.isWord(k, "including")) {
                including.add(t.word(k + 1));
            } else if (t.isWord(k, "excluding")) {
                including.remove(t.word(k + 1));
            }
        }
        return new TableSource(SourceKind.LIKE, ObjectName.of(source), including);
    }

    /** A table-level element: a constraint, or (MySQL) an index. */
    private static void tableElement(TokenCursor t, ObjectName table, int s, int e, List<Constraint> constraints,
            List<SchemaChange> indexes) {
        TextRange clause = t.range(s, e - 1);
        if (t.dialect() == Dialect.MYSQL) {
            String symbol = ConstraintReader.constraintName(t, s);
            int body = symbol != null ? s + 2 : t.isWord(s, "constraint") ? s + 1 : s;
            if (t.isWord(body, "unique") || t.isWord(body, "key") || t.isWord(body, "index")
                    || t.isWord(body, "fulltext") || t.isWord(body, "spatial")) {
                CreateIndex index = IndexDdlReader.addIndexClause(t, table, body, e, clause);
                if (index != null) {
                    indexes.add(index.name() == null && symbol != null
                            ? withName(index, new ObjectName(null, symbol, t.spelling(s + 1))) : index);
                }
                return;
            }
        }
        Constraint c = ConstraintReader.tableConstraint(t, s, e);
        if (c != null) {
            constraints.add(c);
        }
    }

    static CreateIndex withName(CreateIndex index, ObjectName name) {
        return new CreateIndex(name, index.table(), index.columns(), index.unique(), index.concurrently(),
                index.ifNotExists(), index.method(), index.where(), index.include(), index.range());
    }

    /** MySQL's UNIQUE on a column is a unique index on it. */
    static CreateIndex mysqlUniqueIndex(ObjectName table, Constraint.Unique u) {
        return new CreateIndex(u.name() == null ? null : ObjectName.of(u.name()), table,
                u.columns().stream().map(c -> new IndexColumn(c, null, false)).toList(), true, false, false, "btree",
                null, List.of(), u.range());
    }

    /** DROP [TEMPORARY] TABLE [IF EXISTS] names [CASCADE|RESTRICT]. */
    static Reading dropTable(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "drop")) {
            return null;
        }
        int i = t.skip(t.skip(1, "temporary"), "foreign");
        if (!t.isWord(i, "table")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "exists");
        boolean ifExists = afterIf > i + 1;
        i = afterIf;
        Names names = namesAt(t, i);
        if (names.names().isEmpty()) {
            return null;
        }
        boolean cascade = t.findTopLevelWord(i, t.size(), "cascade") >= 0;
        return Reading.of(List.of(new DropTable(names.names(), ifExists, cascade, range)),
                t.atEnd(SessionStatementReader.cascadeOrRestrict(t, names.end())));
    }

    /** Comma-separated qualified names from {@code i}; each may be preceded by ONLY and followed by '*'. */
    static List<ObjectName> names(TokenCursor t, int i) {
        return namesAt(t, i).names();
    }

    /** Names read and the index just past the last one. */
    record Names(List<ObjectName> names, int end) {
    }

    static Names namesAt(TokenCursor t, int i) {
        List<ObjectName> names = new ArrayList<>();
        while (true) {
            TokenCursor.QualifiedName q = t.qualifiedName(t.skip(i, "only"));
            if (q == null) {
                return new Names(names, names.isEmpty() ? i : i - 1);
            }
            names.add(ObjectName.of(q));
            i = q.end();
            if (t.isOperator(i, "*")) {
                i++;
            }
            if (!t.isOperator(i, ",")) {
                return new Names(names, i);
            }
            i++;
        }
    }
}
