package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.parse.RecognizedStatement.Name;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, from tokens alone, the statements migration rules need when JSqlParser cannot parse them:
 * transaction control, SET and RESET, DROP INDEX, DROP TYPE, TRUNCATE, LOCK, REINDEX, ADD ... USING
 * INDEX and the heads of CREATE INDEX and CREATE SEQUENCE. Each form is matched to the end of the
 * statement (the two CREATE forms excepted, whose tails are ignored), so a fragment of something else, such as a MySQL procedure body cut at a
 * semicolon, is not mistaken for one.
 *
 * <p>One small recursive-descent method per statement form, sharing one cursor over the tokens; the
 * class is long because the forms are many, not because any one is complicated.
 */
public final class TokenRecognizer {
    private static final Set<String> TRANSACTION_MODE_WORDS = Set.of(
            "ISOLATION", "LEVEL", "SERIALIZABLE", "REPEATABLE", "READ", "COMMITTED", "UNCOMMITTED", "WRITE",
            "ONLY", "NOT", "DEFERRABLE", "WITH", "CONSISTENT", "SNAPSHOT", ",");
    private static final Set<String> DEFERRABILITY_WORDS = Set.of("NOT", "DEFERRABLE", "INITIALLY", "DEFERRED", "IMMEDIATE");
    private static final Set<String> LOCK_MODES = Set.of(
            "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
            "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

    private final ScriptStatement statement;
    private final Dialect dialect;
    private final List<Token> tokens;
    private int i;

    private TokenRecognizer(ScriptStatement statement, Dialect dialect) {
        this.statement = statement;
        this.dialect = dialect;
        this.tokens = statement.significantTokens();
    }

    public static Optional<RecognizedStatement> recognize(ScriptStatement statement, Dialect dialect) {
        if (statement.kind() != ScriptStatement.Kind.SQL) {
            return Optional.empty();
        }
        return Optional.ofNullable(new TokenRecognizer(statement, dialect).statement());
    }

    private RecognizedStatement statement() {
        if (tokens.isEmpty()) {
            return null;
        }
        String first = upper(0);
        i = 1;
        return switch (first) {
            case "BEGIN" -> begin();
            case "START" -> accept("TRANSACTION") ? begin() : null;
            case "COMMIT" -> commit();
            case "END" -> dialect == Dialect.MYSQL ? null : commit();
            case "ROLLBACK", "ABORT" -> rollback();
            case "SAVEPOINT" -> named(TransactionKind.SAVEPOINT);
            case "RELEASE" -> {
                accept("SAVEPOINT");
                yield named(TransactionKind.RELEASE);
            }
            case "SET" -> set();
            case "RESET" -> reset();
            case "DROP" -> accept("INDEX") ? dropIndex() : accept("TYPE") || accept("DOMAIN") ? dropType() : null;
            case "TRUNCATE" -> truncate();
            case "LOCK" -> lock();
            case "CREATE" -> isWord(1, "SEQUENCE") || (isWord(2, "SEQUENCE")
                    && (isWord(1, "TEMP") || isWord(1, "TEMPORARY") || isWord(1, "UNLOGGED"))) ? createSequence() : createIndex();
            case "REINDEX" -> reindex();
            case "ALTER" -> addConstraintUsingIndex();
            default -> null;
        };
    }

    /**
     * Why a statement JSqlParser could not read is left out of analysis, when it is one that changes
     * neither schema nor session in ways rules look at: COPY (data transfer; pg_dump writes one per
     * table), COMMENT ON, maintenance commands, DROP POLICY (row security policies are not modelled),
     * the table locks mysqldump writes around its data, MySQL dynamic SQL and user variables, and MySQL
     * stored programs, whose bodies only act when called.
     */
    public static Optional<String> notAnalysed(ScriptStatement statement, Dialect dialect) {
        if (statement.kind() != ScriptStatement.Kind.SQL) {
            return Optional.empty();
        }
        TokenRecognizer r = new TokenRecognizer(statement, dialect);
        if (r.tokens.isEmpty()) {
            return Optional.empty();
        }
        String first = r.upper(0);
        String second = r.tokens.size() > 1 ? r.upper(1) : "";
        String reason = switch (first) {
            case "COPY" -> "COPY is not analysed";
            case "COMMENT" -> second.equals("ON") ? "COMMENT ON is not analysed" : null;
            case "VACUUM", "ANALYZE", "ANALYSE", "CHECKPOINT", "DISCARD", "CLUSTER" ->
                    dialect == Dialect.MYSQL ? null : first + " is not analysed";
            case "UNLOCK", "LOCK" -> dialect != Dialect.POSTGRESQL && second.equals("TABLES")
                    ? first + " TABLES is not analysed" : null;
            case "FLUSH" -> dialect == Dialect.MYSQL ? "FLUSH is not analysed" : null;
            // MySQL scripts guard DDL with dynamic SQL (SET @s := IF(..., 'ALTER ...', 'SELECT 1');
            // PREPARE st FROM @s; EXECUTE st): the DDL is a string that only exists at run time.
            case "PREPARE", "EXECUTE", "DEALLOCATE" -> dialect == Dialect.MYSQL
                    ? "dynamic SQL (" + first + ") is not analysed" : null;
            case "SET" -> dialect == Dialect.MYSQL && second.startsWith("@") && !second.startsWith("@@")
                    ? "user variable assignments are not analysed" : null;
            case "DROP" -> second.equals("POLICY") ? "DROP POLICY is not analysed" : null;
            case "CREATE" -> dialect == Dialect.MYSQL && r.isStoredProgram() ? "stored program bodies are not analysed" : null;
            default -> null;
        };
        return Optional.ofNullable(reason);
    }

    /**
     * CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] {PROCEDURE | FUNCTION | TRIGGER | EVENT}: MySQL
     * compound statements (IF, WHILE, DECLARE ... HANDLER) that JSqlParser does not read.
     */
    private boolean isStoredProgram() {
        i = 1;
        if (accept("OR") && !accept("REPLACE")) {
            return false;
        }
        if (accept("DEFINER")) {
            if (!acceptOperator("=")) {
                return false;
            }
            while (i < tokens.size() && !Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT").contains(upper(i))) {
                i++;
            }
        }
        accept("AGGREGATE");
        return accept("PROCEDURE") || accept("FUNCTION") || accept("TRIGGER") || accept("EVENT");
    }

    private RecognizedStatement begin() {
        if (!accept("WORK")) {
            accept("TRANSACTION");
        }
        while (i < tokens.size() && TRANSACTION_MODE_WORDS.contains(upper(i))) {
            i++;
        }
        return end(new RecognizedStatement.Transaction(TransactionKind.BEGIN));
    }

    private RecognizedStatement commit() {
        if (!accept("WORK")) {
            accept("TRANSACTION");
        }
        chainOptions();
        return end(new RecognizedStatement.Transaction(TransactionKind.COMMIT));
    }

    private void chainOptions() {
        if (accept("AND")) {
            accept("NO");
            accept("CHAIN");
        }
        if (accept("NO")) {
            accept("RELEASE");
        } else {
            accept("RELEASE");
        }
    }

    private RecognizedStatement rollback() {
        if (!accept("WORK")) {
            accept("TRANSACTION");
        }
        if (accept("TO")) {
            accept("SAVEPOINT");
            return named(TransactionKind.ROLLBACK_TO);
        }
        chainOptions();
        return end(new RecognizedStatement.Transaction(TransactionKind.ROLLBACK));
    }

    private RecognizedStatement named(TransactionKind kind) {
        return name() == null ? null : end(new RecognizedStatement.Transaction(kind));
    }

    /** SET [SESSION | LOCAL] name {TO | =} value, and SET [SESSION | LOCAL] TIME ZONE value. */
    private RecognizedStatement set() {
        boolean local = false;
        if (accept("LOCAL")) {
            local = true;
        } else {
            accept("SESSION");
        }
        String name;
        if (accept("TIME")) {
            if (!accept("ZONE")) {
                return null;
            }
            name = "timezone";
        } else {
            Name setting = name();
            if (setting == null || !(accept("TO") || acceptOperator("="))) {
                return null;
            }
            name = setting.qualified().toLowerCase(Locale.ROOT);
        }
        if (i >= tokens.size()) {
            return null;
        }
        String value;
        if (i == tokens.size() - 1 && tokens.get(i).kind() == TokenKind.STRING) {
            value = unquote(text(tokens.get(i)));
        } else {
            value = statement.sql().substring(tokens.get(i).start() - base(), tokens.get(tokens.size() - 1).end() - base());
        }
        i = tokens.size();
        return new RecognizedStatement.SetSetting(name, value, local);
    }

    /** RESET name, RESET ALL, RESET TIME ZONE, RESET SESSION AUTHORIZATION: each is SET name TO DEFAULT. */
    private RecognizedStatement reset() {
        StringBuilder name = new StringBuilder();
        if (accept("TIME")) {
            if (!accept("ZONE")) {
                return null;
            }
            name.append("timezone");
        } else if (accept("SESSION")) {
            if (!accept("AUTHORIZATION")) {
                return null;
            }
            name.append("session_authorization");
        } else {
            Name setting = name();
            if (setting == null) {
                return null;
            }
            name.append(setting.qualified().toLowerCase(Locale.ROOT));
        }
        return end(new RecognizedStatement.SetSetting(name.toString(), "DEFAULT", false));
    }

    /** REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] [name]. */
    private RecognizedStatement reindex() {
        boolean concurrently = false;
        if (acceptOperator("(")) {
            while (i < tokens.size() && !acceptOperator(")")) {
                concurrently |= isWord(i, "CONCURRENTLY")
                        && !(isWord(i + 1, "FALSE") || isWord(i + 1, "OFF") || (i + 1 < tokens.size() && text(tokens.get(i + 1)).equals("0")));
                i++;
            }
        }
        if (i >= tokens.size()) {
            return null;
        }
        String target = upper(i++);
        if (!Set.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM").contains(target)) {
            return null;
        }
        concurrently |= accept("CONCURRENTLY");
        Name name = null;
        if (i < tokens.size() || !(target.equals("DATABASE") || target.equals("SYSTEM"))) {
            name = name();
            if (name == null) {
                return null;
            }
        }
        return end(new RecognizedStatement.Reindex(target, name, concurrently));
    }

    /** ALTER TABLE [IF EXISTS] [ONLY] t ADD [CONSTRAINT c] {UNIQUE | PRIMARY KEY} USING INDEX i [deferrability]. */
    private RecognizedStatement addConstraintUsingIndex() {
        if (!accept("TABLE")) {
            return null;
        }
        if (accept("IF") && !accept("EXISTS")) {
            return null;
        }
        accept("ONLY");
        Name table = name();
        if (table == null || !accept("ADD")) {
            return null;
        }
        String constraint = null;
        if (accept("CONSTRAINT")) {
            Name c = name();
            if (c == null || c.schema() != null) {
                return null;
            }
            constraint = c.name();
        }
        boolean primaryKey = accept("PRIMARY");
        if (primaryKey ? !accept("KEY") : !accept("UNIQUE")) {
            return null;
        }
        if (!accept("USING") || !accept("INDEX")) {
            return null;
        }
        Name index = name();
        if (index == null) {
            return null;
        }
        // Deferrability does not change what the constraint is.
        while (i < tokens.size() && DEFERRABILITY_WORDS.contains(upper(i))) {
            i++;
        }
        return end(new RecognizedStatement.AddConstraintUsingIndex(table, constraint, primaryKey, index));
    }

    private RecognizedStatement dropType() {
        boolean ifExists = accept("IF");
        if (ifExists && !accept("EXISTS")) {
            return null;
        }
        List<Name> names = names(false);
        if (names == null) {
            return null;
        }
        boolean cascade = accept("CASCADE");
        if (!cascade) {
            accept("RESTRICT");
        }
        return end(new RecognizedStatement.DropType(names, ifExists, cascade));
    }

    /** CREATE [TEMP | TEMPORARY | UNLOGGED] SEQUENCE [IF NOT EXISTS] name; the options are not read. */
    private RecognizedStatement createSequence() {
        if (!accept("TEMP") && !accept("TEMPORARY")) {
            accept("UNLOGGED");
        }
        if (!accept("SEQUENCE")) {
            return null;
        }
        boolean ifNotExists = false;
        if (accept("IF")) {
            if (!accept("NOT") || !accept("EXISTS")) {
                return null;
            }
            ifNotExists = true;
        }
        Name name = name();
        return name == null ? null : new RecognizedStatement.CreateSequence(name, ifNotExists);
    }

    private RecognizedStatement dropIndex() {
        boolean concurrently = accept("CONCURRENTLY");
        boolean ifExists = accept("IF");
        if (ifExists && !accept("EXISTS")) {
            return null;
        }
        List<Name> names = names(false);
        if (names == null) {
            return null;
        }
        boolean cascade = accept("CASCADE");
        if (!cascade) {
            accept("RESTRICT");
        }
        return end(new RecognizedStatement.DropIndex(names, concurrently, ifExists, cascade));
    }

    private RecognizedStatement truncate() {
        accept("TABLE");
        List<Name> names = names(true);
        if (names == null) {
            return null;
        }
        if (accept("RESTART") || accept("CONTINUE")) {
            if (!accept("IDENTITY")) {
                return null;
            }
        }
        boolean cascade = accept("CASCADE");
        if (!cascade) {
            accept("RESTRICT");
        }
        return end(new RecognizedStatement.Truncate(names, cascade));
    }

    private RecognizedStatement lock() {
        accept("TABLE");
        List<Name> names = names(true);
        if (names == null) {
            return null;
        }
        String mode = "ACCESS EXCLUSIVE";
        if (accept("IN")) {
            StringBuilder words = new StringBuilder();
            while (i < tokens.size() && tokens.get(i).kind() == TokenKind.WORD && !upper(i).equals("MODE")) {
                words.append(words.isEmpty() ? "" : " ").append(upper(i++));
            }
            mode = words.toString();
            if (!LOCK_MODES.contains(mode) || !accept("MODE")) {
                return null;
            }
        }
        accept("NOWAIT");
        return end(new RecognizedStatement.LockTable(names, mode));
    }

    /** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table; the rest is not read. */
    private RecognizedStatement createIndex() {
        boolean unique = accept("UNIQUE");
        if (!accept("INDEX")) {
            return null;
        }
        boolean concurrently = accept("CONCURRENTLY");
        boolean ifNotExists = false;
        if (accept("IF")) {
            if (!accept("NOT") || !accept("EXISTS")) {
                return null;
            }
            ifNotExists = true;
        }
        Name index = null;
        if (!isWord(i, "ON")) {
            index = name();
            if (index == null) {
                return null;
            }
        }
        if (!accept("ON")) {
            return null;
        }
        accept("ONLY");
        Name table = name();
        if (table == null) {
            return null;
        }
        return new RecognizedStatement.CreateIndex(index, table, unique, concurrently, ifNotExists);
    }

    /** name [, name]...; with {@code tableOptions}, each may carry ONLY before and * after. */
    private List<Name> names(boolean tableOptions) {
        List<Name> names = new ArrayList<>();
        do {
            if (tableOptions) {
                accept("ONLY");
            }
            Name name = name();
            if (name == null) {
                return null;
            }
            names.add(name);
            if (tableOptions) {
                acceptOperator("*");
            }
        } while (acceptOperator(","));
        return names;
    }

    /** A name of up to three dot-separated parts; the last two are schema and name. */
    private Name name() {
        List<String> parts = new ArrayList<>();
        int start = -1;
        int end = -1;
        while (true) {
            if (i >= tokens.size() || !isNamePart(tokens.get(i))) {
                return null;
            }
            Token first = tokens.get(i);
            StringBuilder part = new StringBuilder(partText(first));
            Token last = first;
            i++;
            // A placeholder glued to a word (idx_${name}) is one name.
            while (i < tokens.size() && tokens.get(i).start() == last.end() && isNamePart(tokens.get(i))
                    && (tokens.get(i).kind() == TokenKind.PLACEHOLDER || last.kind() == TokenKind.PLACEHOLDER)) {
                last = tokens.get(i++);
                part.append(partText(last));
            }
            parts.add(part.toString().strip());
            start = start < 0 ? first.start() : start;
            end = last.end();
            if (parts.size() == 3 || !acceptOperator(".")) {
                break;
            }
        }
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return new Name(schema, parts.get(parts.size() - 1), new TextRange(start, end));
    }

    private static boolean isNamePart(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENTIFIER || t.kind() == TokenKind.PLACEHOLDER;
    }

    private String partText(Token t) {
        String text = text(t);
        return t.kind() == TokenKind.QUOTED_IDENTIFIER ? unquote(text) : text;
    }

    /** Removes the enclosing quotes (and a U& prefix) and undoubles the quote character inside. */
    private static String unquote(String text) {
        String body = text.regionMatches(true, 0, "U&", 0, 2) || text.regionMatches(true, 0, "E'", 0, 2)
                || text.regionMatches(true, 0, "N'", 0, 2) ? text.substring(text.indexOf(text.charAt(text.length() - 1))) : text;
        if (body.length() < 2) {
            return body;
        }
        char q = body.charAt(0);
        return body.substring(1, body.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
    }

    private RecognizedStatement end(RecognizedStatement result) {
        return i == tokens.size() ? result : null;
    }

    private boolean accept(String keyword) {
        if (isWord(i, keyword)) {
            i++;
            return true;
        }
        return false;
    }

    private boolean acceptOperator(String op) {
        if (i < tokens.size() && tokens.get(i).kind() == TokenKind.OPERATOR && text(tokens.get(i)).equals(op)) {
            i++;
            return true;
        }
        return false;
    }

    private boolean isWord(int at, String keyword) {
        return at < tokens.size() && tokens.get(at).kind() == TokenKind.WORD
                && text(tokens.get(at)).equalsIgnoreCase(keyword);
    }

    /** A word upper-cased, or an operator as written; anything else is empty. */
    private String upper(int at) {
        Token t = tokens.get(at);
        return switch (t.kind()) {
            case WORD -> text(t).toUpperCase(Locale.ROOT);
            case OPERATOR -> text(t);
            default -> "";
        };
    }

    private int base() {
        return statement.range().start();
    }

    /** Token text from the masked statement, so a placeholder reads as its value. */
    private String text(Token t) {
        return statement.sql().substring(t.start() - base(), t.end() - base());
    }
}
