package dev.migralint.core.queryfile;

import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Plain {@code .sql} query files (sqlc, Yesql, hand-written): the whole file is one script. */
public final class SqlQueryFiles implements QuerySource {
    @Override
    public boolean reads(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    @Override
    public List<MigrationScript> scripts(SourceFile file) {
        return List.of(MigrationScript.whole(file));
    }
}
