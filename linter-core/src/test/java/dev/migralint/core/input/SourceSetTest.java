package dev.migralint.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSetTest {
    @TempDir
    Path dir;

    @Test
    void walksFoldersForSqlFilesInNaturalOrderAndSkipsHiddenAndBuildFolders() throws Exception {
        Files.createDirectories(dir.resolve("db/.git"));
        Files.createDirectories(dir.resolve("db/target"));
        Files.writeString(dir.resolve("db/V10__c.sql"), "");
        Files.writeString(dir.resolve("db/V2__b.sql"), "");
        Files.writeString(dir.resolve("db/notes.txt"), "");
        Files.writeString(dir.resolve("db/.git/x.sql"), "");
        Files.writeString(dir.resolve("db/target/y.sql"), "");
        List<SourceSet.Entry> entries = SourceSet.discover(List.of(Path.of("db")), dir);
        assertThat(entries).extracting(SourceSet.Entry::displayPath).containsExactly("db/V2__b.sql", "db/V10__c.sql");
    }

    @Test
    void takesAnExplicitFileWhateverItsExtensionOnce() throws Exception {
        Files.writeString(dir.resolve("schema.ddl"), "");
        List<SourceSet.Entry> entries = SourceSet.discover(List.of(Path.of("schema.ddl"), dir.resolve("schema.ddl")), dir);
        assertThat(entries).extracting(SourceSet.Entry::displayPath).containsExactly("schema.ddl");
    }

    @Test
    void aMissingPathIsAnInputError() {
        assertThatThrownBy(() -> SourceSet.discover(List.of(Path.of("nope")), dir))
                .isInstanceOf(InputException.class).hasMessage("path not found: nope");
    }
}
