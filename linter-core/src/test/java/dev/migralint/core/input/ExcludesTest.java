package dev.migralint.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludesTest {
    private static final Path BASE = Path.of("/project");

    private static boolean excluded(String pattern, String file) {
        return Excludes.of(List.of(pattern), BASE).test(BASE.resolve(file));
    }

    @Test
    void aBareNameMatchesAFileOrFolderAtAnyDepth() {
        assertThat(excluded("*.generated.sql", "db/a/V1__x.generated.sql")).isTrue();
        assertThat(excluded("archive", "db/archive/V1__x.sql")).isTrue();
        assertThat(excluded("archive", "db/archived/V1__x.sql")).isFalse();
    }

    @Test
    void aPathPatternIsRelativeToTheBaseAndTakesAFoldersContents() {
        assertThat(excluded("db/archive", "db/archive/old/V1__x.sql")).isTrue();
        assertThat(excluded("db/*.sql", "db/V1__x.sql")).isTrue();
        assertThat(excluded("db/*.sql", "db/sub/V1__x.sql")).isFalse();
        assertThat(excluded("db/**/V1__*.sql", "db/a/b/V1__x.sql")).isTrue();
        assertThat(excluded("./db/", "db/V1__x.sql")).isTrue();
        assertThat(excluded("other/db", "db/V1__x.sql")).isFalse();
    }

    @Test
    void aLeadingDoubleStarAlsoMatchesAtTheTop() {
        assertThat(excluded("**/V2__*.sql", "V2__x.sql")).isTrue();
        assertThat(excluded("**/V2__*.sql", "db/V2__x.sql")).isTrue();
    }

    @Test
    void anAbsolutePatternMatchesTheAbsolutePath() {
        assertThat(Excludes.of(List.of("/elsewhere/db/*.sql"), BASE).test(Path.of("/elsewhere/db/V1__x.sql"))).isTrue();
        assertThat(Excludes.of(List.of("/elsewhere/db/*.sql"), BASE).test(Path.of("/project/db/V1__x.sql"))).isFalse();
    }

    @Test
    void noPatternsExcludeNothingAndABadOneIsAnInputError() {
        assertThat(Excludes.of(List.of(), BASE).test(Path.of("/project/x.sql"))).isFalse();
        assertThatThrownBy(() -> Excludes.of(List.of("db/[a.sql"), BASE))
                .isInstanceOf(InputException.class).hasMessageStartingWith("bad exclude pattern 'db/[a.sql'");
    }
}
