package dev.migralint.core.split;

import dev.migralint.core.lex.Token;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * One statement of a script. {@code range} runs from its first significant token to its last
 * (terminator excluded); {@code tokens} are its tokens without the terminator, comments included;
 * {@code leadingComments} are the comments between the previous statement and this one (where
 * suppressions live); {@code sql} is the masked text of {@code range}, ready for the parser.
 * {@code index} is the 0-based position in the file.
 */
public record ScriptStatement(
        SourceFile file,
        int index,
        TextRange range,
        String sql,
        List<Token> tokens,
        List<Token> leadingComments,
        Kind kind) {

    public enum Kind {
        /** SQL to parse. */
        SQL,
        /** A psql meta-command such as \connect; not SQL. */
        META_COMMAND,
        /** Tokens that never end (an unterminated quote or comment runs to end of file). */
        UNTERMINATED
    }

    public ScriptStatement {
        tokens = List.copyOf(tokens);
        leadingComments = List.copyOf(leadingComments);
    }

    /** Tokens without comments. */
    public List<Token> significantTokens() {
        return tokens.stream().filter(t -> !t.isComment()).toList();
    }

    public String text() {
        return file.text(range);
    }
}
