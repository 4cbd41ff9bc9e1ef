package dev.migralint.core.change;

/** One key of an index: a column name, or an expression (then {@code column} is null). */
public record IndexColumn(String column, String expression, boolean descending) {
}
