package dev.migralint.core.lex;

import dev.migralint.core.Dialect;
import java.util.Map;

/**
 * How to lex a file. {@code placeholders} maps placeholder names to values used when masking
 * ({@code ${schema}} with {schema: public}); {@code atPlaceholders} turns on masking of {@code @name}
 * (OHDSI-style) placeholders, which would otherwise clash with MySQL user variables.
 */
public record LexOptions(Dialect dialect, Map<String, String> placeholders, boolean atPlaceholders) {
    public LexOptions {
        placeholders = Map.copyOf(placeholders);
    }

    public static LexOptions of(Dialect dialect) {
        return new LexOptions(dialect, Map.of(), false);
    }
}
