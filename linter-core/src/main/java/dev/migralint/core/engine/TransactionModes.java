package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.lex.Token;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;

/** Whether the tool that runs a script wraps its statements in a transaction, per its transaction mode. */
final class TransactionModes {
    private TransactionModes() {
    }

    static boolean wrapsInTransaction(TransactionMode mode, List<List<SchemaChange>> changes,
                                      List<ParsedStatement> parsed, Config config) {
        boolean pg = config.dialect() == Dialect.POSTGRESQL;
        return switch (mode) {
            case IN_TRANSACTION -> true;
            case NO_TRANSACTION -> false;
            // PostgreSQL runs a multi-statement query string as one implicit transaction unless the
            // script opens its own; MySQL commits each DDL statement by itself.
            case IMPLICIT_TRANSACTION -> pg && sqlStatements(parsed) > 1 && !hasTransactionControl(changes);
            // Flyway wraps the migration unless every statement is one it knows cannot run in a
            // transaction; it refuses a mix, which a transaction-bound rule then reports.
            case FLYWAY_AUTO -> pg && !allNonTransactional(changes, parsed);
        };
    }

    private static long sqlStatements(List<ParsedStatement> parsed) {
        return parsed.stream().filter(p -> !isMetaCommand(p)).count();
    }

    /**
     * A psql meta-command is not sent to the server; a statement skipped for analysis (GRANT, COPY)
     * still runs, in the same transaction as its neighbours.
     */
    private static boolean isMetaCommand(ParsedStatement p) {
        return p instanceof ParsedStatement.Skipped && p.statement().kind() == ScriptStatement.Kind.META_COMMAND;
    }

    private static boolean hasTransactionControl(List<List<SchemaChange>> changes) {
        return changes.stream().flatMap(List::stream).anyMatch(c -> c instanceof SchemaChange.Transaction);
    }

    private static boolean allNonTransactional(List<List<SchemaChange>> changes, List<ParsedStatement> parsed) {
        boolean any = false;
        for (int i = 0; i < parsed.size(); i++) {
            if (isMetaCommand(parsed.get(i))) {
                continue;
            }
            any = true;
            if (!nonTransactional(changes.get(i), parsed.get(i).statement())) {
                return false;
            }
        }
        return any;
    }

    /** Statements PostgreSQL refuses inside a transaction block, as Flyway detects them. */
    static boolean nonTransactional(List<SchemaChange> changes, ScriptStatement statement) {
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.CreateIndex ci && ci.concurrently()
                    || c instanceof SchemaChange.DropIndex di && di.concurrently()) {
                return true;
            }
        }
        List<Token> words = statement.significantTokens();
        String text = statement.file().text();
        if (words.isEmpty()) {
            return false;
        }
        Token first = words.get(0);
        if (first.isWord(text, "VACUUM")) {
            return true;
        }
        if (first.isWord(text, "REINDEX")) {
            return words.stream().anyMatch(t -> t.isWord(text, "CONCURRENTLY"));
        }
        if (words.size() >= 2 && (first.isWord(text, "CREATE") || first.isWord(text, "DROP"))) {
            Token second = words.get(1);
            return second.isWord(text, "DATABASE") || second.isWord(text, "TABLESPACE");
        }
        return words.size() >= 2 && first.isWord(text, "ALTER") && words.get(1).isWord(text, "SYSTEM");
    }
}
