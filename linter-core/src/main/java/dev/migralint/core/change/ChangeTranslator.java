package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DataChangeKind;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.RecognizedStatement;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Turns a parsed statement into the {@link SchemaChange}s it makes. The parser decides what a
 * statement is; the details and each clause's range are read from the statement's tokens, because
 * they keep the text as written (quoted names, type spellings, placeholders) and its offsets. DML is
 * read from the JSqlParser AST, which knows where a WHERE belongs.
 *
 * <p>Statements JSqlParser could not parse are still read from tokens when they start like CREATE
 * TABLE, CREATE INDEX, ALTER TABLE, DROP or DML: losing a CREATE TABLE would make every later
 * statement on that table look like it touches an existing one. The DDL inside a PostgreSQL DO
 * block is read too, into one {@link SchemaChange.ProceduralDdl}. Nothing here throws: whatever cannot
 * be read becomes an {@link Opaque} change.
 */
public final class ChangeTranslator {
    private final Dialect dialect;

    public ChangeTranslator(Dialect dialect) {
        this.dialect = dialect;
    }

    public List<SchemaChange> translate(ParsedStatement parsed) {
        ScriptStatement statement = parsed.statement();
        String what = describe(parsed);
        try {
            StatementTokens tokens = new StatementTokens(statement, dialect);
            List<? extends SchemaChange> changes;
            if (parsed instanceof ParsedStatement.Parsed p) {
                changes = fromAst(p.ast(), tokens, statement);
            } else if (parsed instanceof ParsedStatement.Recognized r) {
                changes = fromRecognized(r, tokens, statement.range());
            } else if (parsed instanceof ParsedStatement.Unparsed) {
                changes = tokens.isWord(0, "do") ? single(ProceduralDdlReader.read(statement, dialect, this))
                        : fromTokens(tokens, statement.range());
            } else {
                changes = null; // Skipped: not SQL
            }
            if (changes == null || changes.isEmpty()) {
                return List.of(new Opaque(what, statement.range()));
            }
            return List.copyOf(changes);
        } catch (RuntimeException e) {
            // A reader met a shape it does not know; the statement still counts, as an opaque one.
            return List.of(new Opaque(what + " (not translated: " + e + ")", statement.range()));
        }
    }

    private static String describe(ParsedStatement parsed) {
        if (parsed instanceof ParsedStatement.Parsed p) {
            return p.ast().getClass().getSimpleName();
        }
        if (parsed instanceof ParsedStatement.Recognized r) {
            return r.what().getClass().getSimpleName();
        }
        return parsed instanceof ParsedStatement.Unparsed ? "Unparsed" : "Skipped";
    }

    private List<? extends SchemaChange> fromAst(Statement ast, StatementTokens t, ScriptStatement statement) {
        TextRange range = statement.range();
        if (ast instanceof Update u) {
            return List.of(new DataChange(DataChangeKind.UPDATE, tableName(u.getTable()), u.getWhere() != null, range));
        }
        if (ast instanceof Delete d) {
            Table table = d.getTable() != null ? d.getTable()
                    : d.getTables() != null && !d.getTables().isEmpty() ? d.getTables().get(0) : null;
            return List.of(new DataChange(DataChangeKind.DELETE, tableName(table), d.getWhere() != null, range));
        }
        if (ast instanceof Insert i) {
            return List.of(new DataChange(DataChangeKind.INSERT, tableName(i.getTable()), false, range));
        }
        if (ast instanceof Merge m) {
            // MERGE always joins on a condition: it is never a whole-table change.
            return List.of(new DataChange(DataChangeKind.MERGE, tableName(m.getTable()), true, range));
        }
        // DDL and session statements: the tokens keep what the AST loses (quoting, spelling, offsets).
        return t.isWord(0, "do") ? single(ProceduralDdlReader.read(statement, dialect, this)) : fromTokens(t, range);
    }

    private List<? extends SchemaChange> fromRecognized(ParsedStatement.Recognized r, StatementTokens t,
            TextRange range) {
        List<? extends SchemaChange> fromTokens = fromTokens(t, range);
        if (fromTokens != null && !fromTokens.isEmpty()) {
            return fromTokens;
        }
        ScriptStatement s = r.statement();
        RecognizedStatement what = r.what();
        if (what instanceof RecognizedStatement.Transaction x) {
            return List.of(new SchemaChange.Transaction(x.kind(), range));
        }
        if (what instanceof RecognizedStatement.SetSetting x) {
            return List.of(new SchemaChange.SetSetting(x.name().toLowerCase(Locale.ROOT), x.value(), x.local(), range));
        }
        if (what instanceof RecognizedStatement.DropIndex x) {
            return List.of(new SchemaChange.DropIndex(names(s, x.indexes()), x.concurrently(), x.ifExists(), x.cascade(), null,
                    range, t.range(1, 1)));
        }
        if (what instanceof RecognizedStatement.Truncate x) {
            return List.of(new SchemaChange.Truncate(names(s, x.tables()), x.cascade(), range));
        }
        if (what instanceof RecognizedStatement.LockTable x) {
            return List.of(new SchemaChange.LockTable(names(s, x.tables()), x.mode(), range));
        }
        if (what instanceof RecognizedStatement.CreateIndex x) {
            return List.of(new SchemaChange.CreateIndex(x.index() == null ? null : name(s, x.index()),
                    name(s, x.table()), List.of(), x.unique(), x.concurrently(), x.ifNotExists(), "btree", null,
                    List.of(), range, t.range(x.unique() ? 2 : 1, x.unique() ? 2 : 1)));
        }
        return null;
    }

    /** Reads a statement from its leading keywords alone. */
    private List<? extends SchemaChange> fromTokens(StatementTokens t, TextRange range) {
        switch (t.word(0)) {
            case "create":
                return first(() -> TableDdlReader.createTable(t, range), () -> single(IndexDdlReader.createIndex(t, range)),
                        () -> single(ObjectDdlReader.createView(t, range)),
                        () -> single(ObjectDdlReader.createEnum(t, range)),
                        () -> single(ObjectDdlReader.createSchema(t, range)));
            case "alter":
                return first(() -> AlterTableReader.alterTable(t, range),
                        () -> single(ObjectDdlReader.renameIndex(t, range)),
                        () -> single(ObjectDdlReader.alterEnum(t, range)));
            case "drop":
                return first(() -> single(TableDdlReader.dropTable(t, range)),
                        () -> single(IndexDdlReader.dropIndex(t, range)),
                        () -> single(ObjectDdlReader.dropView(t, range)),
                        () -> single(ObjectDdlReader.dropType(t, range)),
                        () -> single(ObjectDdlReader.dropSchema(t, range)));
            case "rename":
                return ObjectDdlReader.renameTables(t, range);
            case "update", "delete", "insert":
                return single(dataChangeFromTokens(t, range));
            default:
                return session(t, range);
        }
    }

    /** The first reading that is not null; each reader returns null at the first word that does not fit. */
    @SafeVarargs
    private static List<? extends SchemaChange> first(Supplier<List<? extends SchemaChange>>... readers) {
        for (Supplier<List<? extends SchemaChange>> reader : readers) {
            List<? extends SchemaChange> r = reader.get();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static List<? extends SchemaChange> session(StatementTokens t, TextRange range) {
        return switch (t.word(0)) {
            case "set" -> SessionStatementReader.set(t, range);
            case "truncate" -> single(SessionStatementReader.truncate(t, range));
            case "lock" -> single(SessionStatementReader.lock(t, range));
            default -> single(SessionStatementReader.transaction(t, range));
        };
    }

    /** UPDATE [ONLY] t ..., DELETE FROM [ONLY] t ..., INSERT INTO t ...; WHERE at the top level. */
    private static DataChange dataChangeFromTokens(StatementTokens t, TextRange range) {
        DataChangeKind kind;
        int i = 1;
        while (t.isWord(i, "low_priority") || t.isWord(i, "quick") || t.isWord(i, "ignore")) {
            i++;
        }
        switch (t.word(0)) {
            case "update" -> kind = DataChangeKind.UPDATE;
            case "delete" -> {
                kind = DataChangeKind.DELETE;
                if (!t.isWord(i, "from")) {
                    return null;
                }
                i++;
            }
            default -> {
                kind = DataChangeKind.INSERT;
                if (!t.isWord(i, "into")) {
                    return null;
                }
                i++;
            }
        }
        if (t.isWord(i, "only")) {
            i++;
        }
        StatementTokens.QualifiedName table = t.qualifiedName(i);
        if (table == null) {
            return null;
        }
        boolean hasWhere = kind != DataChangeKind.INSERT && t.findTopLevelWord(table.end(), t.size(), "where") >= 0;
        return new DataChange(kind, table.name(), hasWhere, range);
    }

    private ObjectName tableName(Table table) {
        return table == null ? null : ObjectName.parse(table.getFullyQualifiedName(), dialect);
    }

    private List<ObjectName> names(ScriptStatement s, List<RecognizedStatement.Name> names) {
        return names.stream().map(n -> name(s, n)).toList();
    }

    /** The recognizer's names have quotes removed; re-reading the name as written keeps quoted case. */
    private ObjectName name(ScriptStatement s, RecognizedStatement.Name n) {
        String written = n.range() != null && n.range().end() <= s.file().text().length()
                ? s.file().text(n.range()) : n.name();
        ObjectName parsed = ObjectName.parse(written, dialect);
        return parsed.schema() != null || n.schema() == null ? parsed
                : new ObjectName(ObjectName.normalize(n.schema(), dialect), parsed.name());
    }

    private static List<? extends SchemaChange> single(SchemaChange change) {
        return change == null ? null : List.of(change);
    }
}
