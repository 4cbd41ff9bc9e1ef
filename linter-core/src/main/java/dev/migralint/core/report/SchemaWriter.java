package dev.migralint.core.report;

import dev.migralint.core.engine.SchemaHistory;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes replayed schemas, one per migration chain, in one {@link SchemaFormat}. */
public interface SchemaWriter {
    /** Writes every chain's schema ({@link SchemaHistory#schema()}) to {@code out}; leaves it open. */
    void write(List<SchemaHistory> chains, Writer out) throws IOException;

    static SchemaWriter create(SchemaFormat format, String toolVersion) {
        return switch (format) {
            case JSON -> new SchemaJsonWriter(toolVersion);
            case MERMAID -> new MermaidSchemaWriter();
            case DOT -> new DotSchemaWriter();
        };
    }
}
