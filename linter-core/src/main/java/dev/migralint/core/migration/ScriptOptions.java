package dev.migralint.core.migration;

import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * How a migration tool cuts one script into statements. {@code delimiter} replaces {@code ;} as the
 * terminator (null keeps {@code ;}); a delimiter that is {@code /} or a word such as {@code GO} only
 * counts on a line of its own. {@code splitStatements} false sends the whole script as one statement
 * (Liquibase {@code splitStatements:false}). Each of {@code unsplitBlocks} is one statement whatever
 * terminators it holds (goose {@code StatementBegin} / {@code StatementEnd}).
 */
public record ScriptOptions(String delimiter, boolean splitStatements, List<TextRange> unsplitBlocks) {
    public static final ScriptOptions DEFAULT = new ScriptOptions(null, true, List.of());

    public ScriptOptions {
        if (delimiter != null && (delimiter.isBlank() || delimiter.equals(";"))) {
            delimiter = null;
        }
        unsplitBlocks = List.copyOf(unsplitBlocks);
    }

    /** The lexer options for this script: {@code base} with this script's delimiter. */
    public LexOptions lexOptions(LexOptions base) {
        return base.withDelimiter(delimiter);
    }
}
