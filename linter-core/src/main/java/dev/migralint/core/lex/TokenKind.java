package dev.migralint.core.lex;

/** Kinds of lexical tokens. Whitespace is not a token; everything else in a file is covered by one. */
public enum TokenKind {
    /** An unquoted identifier or keyword. */
    WORD,
    /** "quoted" (or `backticked` in MySQL) identifier. */
    QUOTED_IDENTIFIER,
    /** '...', E'...', N'...', B'...', X'...', and MySQL "..." when ANSI_QUOTES is off. */
    STRING,
    /** $$...$$ or $tag$...$tag$ (PostgreSQL). */
    DOLLAR_STRING,
    NUMBER,
    /** Positional or named bind parameter: $1, ?, :name. */
    PARAMETER,
    /** Operators and punctuation other than ';': ( ) , . :: = <> etc. */
    OPERATOR,
    /** A statement terminator: ';' or the current MySQL DELIMITER. */
    DELIMITER,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** A masked placeholder such as ${schema}, {{ .Schema }} or @schema; its text is replaced for parsing. */
    PLACEHOLDER,
    /** A psql meta-command line such as \connect or \ir file.sql, up to the end of the line. */
    META_COMMAND,
    /** The data lines of COPY ... FROM stdin up to and including the terminating \. line. */
    COPY_DATA,
    /** A MySQL client DELIMITER directive line. */
    DELIMITER_DIRECTIVE,
    /** An unterminated string, quoted identifier, dollar quote or comment running to end of file. */
    UNTERMINATED
}
