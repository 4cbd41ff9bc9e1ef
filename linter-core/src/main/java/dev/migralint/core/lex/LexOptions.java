package dev.migralint.core.lex;

import dev.migralint.core.Dialect;
import java.util.Map;

/**
 * How to lex a file. {@code placeholders} maps placeholder names to values used when masking
 * ({@code ${schema}} with {schema: public}); an {@code @name} (OHDSI-style) is masked when its name is
 * listed there, or always when {@code atPlaceholders} is on: not by default, since in MySQL
 * {@code @name} is a user variable. {@code delimiter} is the statement terminator a migration tool
 * uses instead of {@code ;} (Liquibase {@code endDelimiter}), null for {@code ;}; a delimiter that is
 * {@code /} or a word such as {@code GO} ends a statement only on a line of its own, as those tools
 * read it.
 */
public record LexOptions(Dialect dialect, Map<String, String> placeholders, boolean atPlaceholders, String delimiter) {
    public LexOptions {
        placeholders = Map.copyOf(placeholders);
        if (delimiter != null && (delimiter.isBlank() || delimiter.equals(";"))) {
            delimiter = null;
        }
    }

    public LexOptions(Dialect dialect, Map<String, String> placeholders, boolean atPlaceholders) {
        this(dialect, placeholders, atPlaceholders, null);
    }

    public static LexOptions of(Dialect dialect) {
        return new LexOptions(dialect, Map.of(), false);
    }

    public LexOptions withDelimiter(String d) {
        return new LexOptions(dialect, placeholders, atPlaceholders, d);
    }
}
