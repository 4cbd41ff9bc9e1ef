package dev.migralint.core.query;

import dev.migralint.core.lex.Token;
import dev.migralint.core.split.ScriptStatement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a query file gives a statement: sqlc's {@code -- name: GetUser :one} annotation in the
 * comments before it (the same comment Yesql, HugSQL and PugSQL use, with or without the result kind).
 */
public final class QueryNames {
    private static final Pattern NAME = Pattern.compile("^--\\s*name:\\s*([\\w.$-]+)");

    private QueryNames() {
    }

    public static Optional<String> of(ScriptStatement statement) {
        String text = statement.file().text();
        for (int i = statement.leadingComments().size() - 1; i >= 0; i--) {
            Token t = statement.leadingComments().get(i);
            Matcher m = NAME.matcher(t.text(text));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
