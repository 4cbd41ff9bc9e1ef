package dev.migralint.core.query;

import dev.migralint.core.source.TextRange;

/**
 * A table or column a query names that the schema lacks, where the query names it. {@code table} is
 * the table a column was looked for in (as written; null when the column was looked for in every table
 * of the query). {@code gone} is what became of it when the migration history shows it existed, else null.
 */
public record UnknownName(Kind kind, String name, String table, TextRange range, Gone gone) {
    public enum Kind { TABLE, COLUMN }

    /**
     * The migration after which the name no longer exists ({@code migration}, as reports name it), and
     * the new name when that migration renamed it (null when it dropped it). {@code table} is the
     * table the column belonged to.
     */
    public record Gone(String table, String migration, String renamedTo) {
    }
}
