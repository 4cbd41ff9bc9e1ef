package dev.migralint.core.rule;

/**
 * Reads a whole MyBatis mapper file: its result maps and statements together, for what no single
 * statement shows (a result map that loads nested rows one select at a time). Its statements' SQL is
 * linted as queries by the other rules; this one sees the mapper's structure.
 */
public interface MapperRule extends Rule {
    void check(MapperContext ctx);
}
