package dev.migralint.core.query;

import dev.migralint.core.source.TextRange;

/**
 * An expression of a query that PostgreSQL rejects for its types, where it is written: {@code problem}
 * says what is wrong ("Comparing integer column users.id with 'abc'"), {@code error} is the error the
 * server raises ("invalid input syntax for type integer"), {@code help} the remedy.
 */
public record TypeMismatch(TextRange range, String problem, String error, String help) {
}
