package dev.migralint.core.source;

/** A 1-based line and a 1-based column counted in UTF-16 code units (SARIF's default column kind). */
public record Position(int line, int column) {
}
