package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.input.mybatis.Mapper;
import dev.migralint.core.input.mybatis.MapperStatement;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.TextRange;

/** What a {@link MapperRule} sees: one mapper file, the schema its statements run against, and how it reports. */
public interface MapperContext {
    Mapper mapper();

    /** The schema the run's migrations build (empty when the run has none). */
    Schema schema();

    Dialect dialect();

    /**
     * True when {@code statement} obviously returns at most one row: its WHERE pins a primary key or
     * unique key of the table it reads to parameters or literals, or it ends in LIMIT 1. False when
     * that cannot be shown (a statement that does not parse counts as many rows).
     */
    boolean returnsAtMostOneRow(MapperStatement statement);

    <T extends Record> T options(Class<T> type);

    /** Reports at {@code range} of the mapper file. */
    FindingBuilder report(TextRange range, String message);
}
