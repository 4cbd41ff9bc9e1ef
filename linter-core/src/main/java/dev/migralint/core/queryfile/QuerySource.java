package dev.migralint.core.queryfile;

import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A kind of file that holds queries an application runs: plain SQL files today; MyBatis mapper XML is
 * meant to be another. A source yields scripts of its file ({@link MigrationScript}: the file's length
 * and line breaks, everything that is not SQL blanked), so the statements are lexed, split, parsed and
 * reported at their real line and column, and judged against the schema the migrations end with.
 */
public interface QuerySource {
    /** Whether a file found in a query folder is one of this source's (by name; a file named explicitly is offered to every source). */
    boolean reads(Path file);

    /** The SQL scripts in {@code file}; empty when it holds none. */
    List<MigrationScript> scripts(SourceFile file);
}
