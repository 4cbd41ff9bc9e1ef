package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import java.util.Objects;

/**
 * One script of a migration: an up, down, undo or rollback. {@code text} has the length and the line
 * breaks of {@code file.text()}, with everything that is not part of this script blanked to spaces,
 * so lexing {@code text} yields tokens at their offsets in the file and reports keep exact lines and
 * columns. Sections of one file (dbmate, goose, Liquibase changesets and rollbacks) are scripts of
 * the same file with different parts kept.
 */
public record MigrationScript(SourceFile file, String text, ScriptOptions options) {
    public MigrationScript {
        Objects.requireNonNull(file);
        Objects.requireNonNull(text);
        Objects.requireNonNull(options);
        if (text.length() != file.text().length()) {
            throw new IllegalArgumentException("script text of " + file.displayPath() + " has length "
                    + text.length() + ", file has " + file.text().length());
        }
    }

    /** The whole file as one script. */
    public static MigrationScript whole(SourceFile file) {
        return new MigrationScript(file, file.text(), ScriptOptions.DEFAULT);
    }

    public static MigrationScript whole(SourceFile file, ScriptOptions options) {
        return new MigrationScript(file, file.text(), options);
    }

    /** True when the script holds nothing but whitespace (comments count as content). */
    public boolean isBlank() {
        return text.isBlank();
    }
}
