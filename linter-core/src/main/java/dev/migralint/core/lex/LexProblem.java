package dev.migralint.core.lex;

/** Something the lexer could not close, such as a dollar quote with no end; {@code offset} is where it opened. */
public record LexProblem(int offset, String message) {
}
