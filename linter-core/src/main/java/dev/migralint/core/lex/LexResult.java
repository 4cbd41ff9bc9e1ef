package dev.migralint.core.lex;

import java.util.List;

/**
 * Tokens of a file in order, and {@code maskedText}: the file's text with every placeholder replaced
 * by same-length text that parses as an identifier, so offsets in it equal offsets in the original.
 */
public record LexResult(List<Token> tokens, String maskedText, List<LexProblem> problems) {
    public LexResult {
        tokens = List.copyOf(tokens);
        problems = List.copyOf(problems);
    }
}
