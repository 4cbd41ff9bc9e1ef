package dev.migralint.core.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixTest {
    private static Fix.Edit edit(int start, int end, String replacement) {
        return new Fix.Edit(new TextRange(start, end), replacement);
    }

    @Test
    void appliesEditsWhateverTheirOrder() {
        String text = "a = NULL AND b <> NULL";
        assertThat(Fix.apply(text, List.of(edit(15, 22, "IS NOT NULL"), edit(2, 8, "IS NULL"))))
                .isEqualTo("a IS NULL AND b IS NOT NULL");
    }

    @Test
    void insertionsAtOneOffsetKeepTheirOrderAndGoBeforeAReplacementThere() {
        assertThat(Fix.apply("CREATE INDEX i", List.of(edit(12, 12, " A"), edit(12, 12, " B"))))
                .isEqualTo("CREATE INDEX A B i");
        assertThat(Fix.apply("abc", List.of(edit(1, 2, "X"), edit(1, 1, "<")))).isEqualTo("a<Xc");
    }

    @Test
    void refusesOverlappingEditsAndEditsPastTheText() {
        assertThatThrownBy(() -> Fix.apply("abcdef", List.of(edit(0, 3, "x"), edit(2, 4, "y"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> Fix.apply("abc", List.of(edit(2, 5, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void insertBuildsAOneEditFix() {
        Fix fix = Fix.insert("Add CONCURRENTLY", 12, " CONCURRENTLY");
        assertThat(Fix.apply("CREATE INDEX i ON t (c)", fix.edits())).isEqualTo("CREATE INDEX CONCURRENTLY i ON t (c)");
    }
}
