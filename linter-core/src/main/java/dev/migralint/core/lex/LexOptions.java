package dev.migralint.core.lex;

import dev.migralint.core.Dialect;
import java.util.Map;

/**
 * How to lex a file. {@code placeholders} maps placeholder names to values used when masking
 * ({@code ${schema}} with {schema: public}); an {@code @name} (OHDSI-style) is masked when its name is
 * listed there, or always when {@code atPlaceholders} is on: not by default, since in MySQL
 * {@code @name} is a user variable.
 */
public record LexOptions(Dialect dialect, Map<String, String> placeholders, boolean atPlaceholders) {
    public LexOptions {
        placeholders = Map.copyOf(placeholders);
    }

    public static LexOptions of(Dialect dialect) {
        return new LexOptions(dialect, Map.of(), false);
    }
}
