package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.DataChange;
import dev.migralint.core.change.SchemaChange.DataChangeKind;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The token grammar: reads what a statement does from its tokens, which keep the text as written
 * (quoted names, type spellings, placeholders) and its offsets. A statement is recognized when its
 * reading is {@link Reading#complete() complete}: then no other parser needs to see it. Otherwise the
 * reading is lenient (CREATE TABLE, ALTER TABLE, views, DML, DO blocks): its changes feed replay while
 * JSqlParser decides whether the statement is valid.
 *
 * <p>Losing a CREATE TABLE would make every later statement on that table look like it touches an
 * existing one, so lenient readings are kept even for statements no parser understands. Nothing here
 * throws: whatever cannot be read becomes an {@link Opaque} change.
 */
public final class ChangeReader {
    private ChangeReader() {
    }

    public static Reading read(ScriptStatement statement, Dialect dialect) {
        TextRange range = statement.range();
        try {
            TokenCursor t = new TokenCursor(statement.file().text(), statement.significantTokens(), dialect);
            Reading reading = t.isWord(0, "do") ? doBlock(statement, dialect, t) : fromTokens(t, range);
            return reading == null || reading.changes().isEmpty() ? opaque(t, range, "") : reading;
        } catch (RuntimeException e) {
            // A reader met a shape it does not know; the statement still counts, as an opaque one.
            return new Reading(List.of(new Opaque("not translated: " + e, range)), false);
        }
    }

    /**
     * DO [LANGUAGE name] body [LANGUAGE name]: a DO statement is all body, so its reading is complete;
     * JSqlParser reads no DO with a LANGUAGE clause, and its tree of the others is a string.
     */
    private static boolean isWholeDoBlock(TokenCursor t) {
        int i = 1;
        if (t.isWord(i, "language")) {
            i += 2;
        }
        if (!t.isKind(i, TokenKind.DOLLAR_STRING) && !t.isKind(i, TokenKind.STRING)) {
            return false;
        }
        i++;
        if (t.isWord(i, "language")) {
            i += 2;
        }
        return t.atEnd(i);
    }

    private static Reading doBlock(ScriptStatement statement, Dialect dialect, TokenCursor t) {
        SchemaChange.ProceduralDdl ddl = ProceduralDdlReader.read(statement, dialect);
        boolean whole = dialect != Dialect.MYSQL && isWholeDoBlock(t);
        if (ddl == null) {
            return whole ? Reading.of(List.of(new SchemaChange.ProceduralDdl(List.of(), statement.range())), true) : null;
        }
        return Reading.of(List.of(ddl), whole);
    }

    private static Reading opaque(TokenCursor t, TextRange range, String suffix) {
        return new Reading(List.of(new Opaque(t.word(0).toUpperCase(Locale.ROOT) + suffix, range)), false);
    }

    private static Reading fromTokens(TokenCursor t, TextRange range) {
        switch (t.word(0)) {
            case "create":
                return first(() -> partial(TableDdlReader.createTable(t, range)),
                        () -> IndexDdlReader.createIndex(t, range),
                        () -> ObjectDdlReader.readView(t, range),
                        () -> ObjectDdlReader.createEnum(t, range),
                        () -> ObjectDdlReader.createSchema(t, range),
                        () -> ObjectDdlReader.createSequence(t, range));
            case "alter":
                return first(() -> AlterTableReader.read(t, range),
                        () -> ObjectDdlReader.renameIndex(t, range),
                        () -> ObjectDdlReader.alterEnum(t, range),
                        () -> ObjectDdlReader.alterDomain(t, range));
            case "drop":
                return first(() -> TableDdlReader.dropTable(t, range),
                        () -> IndexDdlReader.dropIndex(t, range),
                        () -> ObjectDdlReader.dropView(t, range),
                        () -> ObjectDdlReader.dropType(t, range),
                        () -> ObjectDdlReader.dropSchema(t, range));
            case "rename":
                return partial(ObjectDdlReader.renameTables(t, range));
            case "update", "delete", "insert":
                return partial(single(dataChangeFromTokens(t, range)));
            case "set":
                return SessionStatementReader.set(t, range);
            case "reset":
                return SessionStatementReader.reset(t, range);
            case "truncate":
                return SessionStatementReader.truncate(t, range);
            case "lock":
                return SessionStatementReader.lock(t, range);
            case "reindex":
                return SessionStatementReader.reindex(t, range);
            case "vacuum", "cluster":
                return SessionStatementReader.rewriteTable(t, range);
            case "comment":
                return complete(single(ColumnComments.commentOn(t, range)));
            default:
                return SessionStatementReader.transaction(t, range);
        }
    }

    /** The first reading that is not null; each reader returns null at the first word that does not fit. */
    @SafeVarargs
    private static Reading first(Supplier<Reading>... readers) {
        for (Supplier<Reading> reader : readers) {
            Reading r = reader.get();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static Reading partial(List<? extends SchemaChange> changes) {
        return changes == null ? null : Reading.partial(changes);
    }

    private static Reading complete(List<? extends SchemaChange> changes) {
        return changes == null ? null : Reading.of(changes, true);
    }

    private static List<? extends SchemaChange> single(SchemaChange change) {
        return change == null ? null : List.of(change);
    }

    /** UPDATE [ONLY] t ..., DELETE FROM [ONLY] t ..., INSERT INTO t ...; WHERE at the top level. */
    private static DataChange dataChangeFromTokens(TokenCursor t, TextRange range) {
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
        TokenCursor.QualifiedName table = t.qualifiedName(i);
        if (table == null) {
            return null;
        }
        boolean hasWhere = kind != DataChangeKind.INSERT && t.findTopLevelWord(table.end(), t.size(), "where") >= 0;
        return new DataChange(kind, ObjectName.of(table), hasWhere, range);
    }

    /**
     * Why a statement no parser could read is left out of analysis, when it is one that changes
     * neither schema nor session in ways rules look at: COPY (data transfer; pg_dump writes one per
     * table), COMMENT ON, maintenance commands, DROP POLICY (row security policies are not modelled),
     * the table locks mysqldump writes around its data, dynamic SQL (PREPARE, EXECUTE), cursors, EXPLAIN,
     * MySQL user variables, and MySQL stored programs, whose bodies only act when called.
     */
    public static Optional<String> notAnalysed(ScriptStatement statement, Dialect dialect) {
        if (statement.kind() != ScriptStatement.Kind.SQL) {
            return Optional.empty();
        }
        TokenCursor t = new TokenCursor(statement.file().text(), statement.significantTokens(), dialect);
        if (t.size() == 0) {
            return Optional.empty();
        }
        String first = t.word(0).toUpperCase(Locale.ROOT);
        String reason = switch (first) {
            case "COPY" -> "COPY is not analysed";
            case "COMMENT" -> t.isWord(1, "on") ? "COMMENT ON is not analysed" : null;
            case "VACUUM", "ANALYZE", "ANALYSE", "CHECKPOINT", "DISCARD", "CLUSTER", "REPACK" ->
                    dialect == Dialect.MYSQL ? null : first + " is not analysed";
            case "UNLOCK", "LOCK" -> dialect != Dialect.POSTGRESQL && t.isWord(1, "tables")
                    ? first + " TABLES is not analysed" : null;
            case "FLUSH" -> dialect == Dialect.MYSQL ? "FLUSH is not analysed" : null;
            // MySQL scripts guard DDL with dynamic SQL (SET @s := IF(..., 'ALTER ...', 'SELECT 1');
            // PREPARE st FROM @s; EXECUTE st): the DDL is a string that only exists at run time.
            // PostgreSQL's PREPARE name AS statement runs only when EXECUTE names it; PREPARE
            // TRANSACTION and COMMIT/ROLLBACK PREPARED are two-phase commit, which replay ignores.
            case "PREPARE", "EXECUTE", "DEALLOCATE" -> "dynamic SQL (" + first + ") is not analysed";
            case "COMMIT", "ROLLBACK" -> t.isWord(1, "prepared") ? first + " PREPARED is not analysed" : null;
            // Cursors only read rows, and EXPLAIN (even ANALYZE) is diagnostics rather than a migration step.
            case "FETCH", "MOVE", "CLOSE" -> dialect == Dialect.MYSQL ? null : "cursor statements are not analysed";
            case "DECLARE" -> dialect != Dialect.MYSQL && t.findTopLevelWord(2, Math.min(t.size(), 8), "cursor") > 0
                    ? "cursor statements are not analysed" : null;
            case "EXPLAIN" -> "EXPLAIN is not analysed";
            case "REASSIGN", "LOAD" -> dialect == Dialect.MYSQL ? null : first + " is not analysed";
            case "IMPORT" -> t.isWord(1, "foreign") ? "IMPORT FOREIGN SCHEMA is not analysed" : null;
            case "SET" -> dialect == Dialect.MYSQL ? (t.text(1).startsWith("@") && !t.text(1).startsWith("@@")
                    ? "user variable assignments are not analysed" : null) : unanalysedSet(t);
            case "CREATE" -> dialect == Dialect.MYSQL && isStoredProgram(t) ? "stored program bodies are not analysed"
                    : unmodelledObject(t, 1);
            case "DROP" -> unmodelledObject(t, 1);
            case "ALTER" -> t.isWord(1, "sequence") ? "ALTER SEQUENCE is not analysed"
                    : (t.isWord(1, "view") || t.isWord(1, "materialized")) && t.findTopLevelWord(2, t.size(), "rename") < 0
                            ? "ALTER VIEW is not analysed" : unmodelledObject(t, 1);
            case "GRANT", "REVOKE", "NOTIFY", "LISTEN", "UNLISTEN" -> first + " is not analysed";
            case "SECURITY" -> t.isWord(1, "label") ? "SECURITY LABEL is not analysed" : null;
            case "REFRESH" -> t.isWord(1, "materialized") ? "REFRESH MATERIALIZED VIEW is not analysed" : null;
            default -> null;
        };
        return Optional.ofNullable(reason);
    }

    /**
     * PostgreSQL's SET forms that are not a parameter assignment: constraint timing, transaction
     * characteristics, the session's role and XML option. No rule reads them.
     */
    private static String unanalysedSet(TokenCursor t) {
        int i = t.isWord(1, "local") || t.isWord(1, "session") && !t.isWord(2, "characteristics")
                && !t.isWord(2, "authorization") ? 2 : 1;
        for (String form : List.of("constraints", "transaction", "role", "session", "xml")) {
            if (t.isWord(i, form)) {
                return "SET " + form.toUpperCase(Locale.ROOT) + " is not analysed";
            }
        }
        return null;
    }

    /**
     * Kinds of object that replay does not model and no rule reads: their statements are Skipped
     * with a reason when JSqlParser cannot read them, not reported as parse errors (most are
     * PostgreSQL forms JSqlParser lacks, such as CREATE RULE, CREATE OPERATOR, DROP FUNCTION f(int[])).
     */
    private static final Set<String> UNMODELLED_OBJECTS = Set.of(
            "function", "procedure", "routine", "aggregate", "operator", "rule", "trigger", "event", "extension",
            "cast", "collation", "conversion", "text", "language", "trusted", "procedural", "policy", "publication",
            "subscription", "statistics", "server", "foreign", "user", "role", "group", "tablespace", "access",
            "transform", "domain", "default", "owned", "database", "system", "large", "logfile", "constraint",
            "property");

    /** "CREATE FUNCTION is not analysed" when the words after {@code i} (past OR REPLACE) name such a kind. */
    private static String unmodelledObject(TokenCursor t, int i) {
        int k = t.isWord(i, "or") && t.isWord(i + 1, "replace") ? i + 2 : i;
        if (t.isWord(k, "temp") || t.isWord(k, "temporary") || t.isWord(k, "unlogged")) {
            k++; // CREATE TEMP PROPERTY GRAPH, CREATE UNLOGGED ...: the kind follows
        }
        String kind = t.word(k);
        if (kind.equals("constraint") && !t.isWord(k + 1, "trigger")) {
            return null; // only CREATE CONSTRAINT TRIGGER
        }
        if (kind.equals("foreign") && (t.isWord(k + 1, "table") || t.isWord(k + 1, "key"))) {
            return null; // foreign tables are tables
        }
        if (kind.equals("default") && !t.isWord(k + 1, "privileges")) {
            return null;
        }
        if (kind.equals("event") && t.dialect() == Dialect.POSTGRESQL && !t.isWord(k + 1, "trigger")) {
            return null;
        }
        return UNMODELLED_OBJECTS.contains(kind)
                ? t.word(0).toUpperCase(Locale.ROOT) + " " + kind.toUpperCase(Locale.ROOT) + " is not analysed" : null;
    }

    private static final Set<String> STORED_PROGRAMS = Set.of("procedure", "function", "trigger", "event");

    /**
     * CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] {PROCEDURE | FUNCTION | TRIGGER | EVENT}: MySQL
     * compound statements (IF, WHILE, DECLARE ... HANDLER) that JSqlParser does not read.
     */
    private static boolean isStoredProgram(TokenCursor t) {
        int i = 1;
        if (t.isWord(i, "or")) {
            if (!t.isWord(i + 1, "replace")) {
                return false;
            }
            i += 2;
        }
        if (t.isWord(i, "definer")) {
            if (!t.isOperator(i + 1, "=")) {
                return false;
            }
            i += 2;
            while (i < t.size() && !STORED_PROGRAMS.contains(t.word(i))) {
                i++;
            }
        }
        i = t.skip(i, "aggregate");
        return STORED_PROGRAMS.contains(t.word(i));
    }
}
