package dev.migralint.core.report;

import dev.migralint.core.engine.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one output format. Reporters are the only code that turns offsets into line:column. */
public interface Reporter {
    void write(Report report, Writer out) throws IOException;
}
