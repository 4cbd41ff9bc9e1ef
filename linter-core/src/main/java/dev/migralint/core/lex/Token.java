package dev.migralint.core.lex;

import dev.migralint.core.source.TextRange;

/** A token: its kind and absolute offsets {@code [start, end)} in the file's text. */
public record Token(TokenKind kind, int start, int end) {
    public TextRange range() {
        return new TextRange(start, end);
    }

    public String text(String source) {
        return source.substring(start, end);
    }

    public boolean isComment() {
        return kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT;
    }

    /** True for an unquoted word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String source, String keyword) {
        return kind == TokenKind.WORD && end - start == keyword.length()
                && source.regionMatches(true, start, keyword, 0, keyword.length());
    }
}
