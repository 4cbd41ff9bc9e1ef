package dev.migralint.core.parse;

import dev.migralint.core.split.ScriptStatement;
import net.sf.jsqlparser.statement.Statement;

/** The outcome of parsing one {@link ScriptStatement}. */
public sealed interface ParsedStatement {
    ScriptStatement statement();

    /** JSqlParser understood it. */
    record Parsed(ScriptStatement statement, Statement ast) implements ParsedStatement {
    }

    /** JSqlParser failed but the token-level recognizer knows what it is. */
    record Recognized(ScriptStatement statement, RecognizedStatement what) implements ParsedStatement {
    }

    /** Not SQL to lint, such as a psql meta-command. */
    record Skipped(ScriptStatement statement, String reason) implements ParsedStatement {
    }

    /**
     * Neither parser nor recognizer understood it. {@code errorOffset} is the absolute file offset of
     * the parser's complaint; {@code message} says what it expected, briefly.
     */
    record Unparsed(ScriptStatement statement, int errorOffset, String message) implements ParsedStatement {
    }
}
