package dev.migralint.core.parse;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * The outcome of parsing one {@link ScriptStatement}, with the {@link SchemaChange}s it makes (never
 * empty for SQL: a statement with no modelled effect has one {@link SchemaChange.Opaque}).
 */
public sealed interface ParsedStatement {
    ScriptStatement statement();

    /** The changes the statement makes, in order; empty only for a skipped statement. */
    List<SchemaChange> changes();

    /** The token grammar matched the statement to its end; JSqlParser never saw it. */
    record Recognized(ScriptStatement statement, List<SchemaChange> changes) implements ParsedStatement {
        public Recognized {
            changes = List.copyOf(changes);
        }
    }

    /** JSqlParser understood it: queries, DML, and the DDL the token grammar reads only leniently. */
    record Parsed(ScriptStatement statement, Statement ast, List<SchemaChange> changes) implements ParsedStatement {
        public Parsed {
            changes = List.copyOf(changes);
        }
    }

    /** Not SQL to lint (a psql meta-command), or SQL left out of analysis on purpose (COPY, VACUUM, ...). */
    record Skipped(ScriptStatement statement, String reason) implements ParsedStatement {
        @Override
        public List<SchemaChange> changes() {
            return List.of();
        }
    }

    /**
     * Neither parser understood it. {@code errorOffset} is the absolute file offset of the parser's
     * complaint; {@code message} says what it expected, briefly. {@code changes} are what a lenient token
     * reading made of it, so replay still sees, say, a CREATE TABLE with an unusual option.
     */
    record Unparsed(ScriptStatement statement, int errorOffset, String message, List<SchemaChange> changes)
            implements ParsedStatement {
        public Unparsed {
            changes = List.copyOf(changes);
        }
    }
}
