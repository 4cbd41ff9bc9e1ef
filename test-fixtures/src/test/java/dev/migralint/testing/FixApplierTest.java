package dev.migralint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixApplierTest {
    private static final SourceFile FILE = SourceFile.of("x.sql", "a = NULL AND b <> NULL");

    private static Finding fixing(int start, int end, String replacement) {
        TextRange r = new TextRange(start, end);
        return new Finding("r", Severity.ERROR, "m", new Location.Span(FILE, r), null, List.of(),
                new Fix("f", List.of(new Fix.Edit(r, replacement))), null, null);
    }

    @Test
    void appliesEditsOfEveryFindingWhateverTheirOrder() {
        String fixed = FixApplier.apply(FILE.text(), List.of(fixing(2, 8, "IS NULL"), fixing(15, 22, "IS NOT NULL")));
        assertThat(fixed).isEqualTo("a IS NULL AND b IS NOT NULL");
        assertThat(FixApplier.apply(FILE.text(), List.of(fixing(15, 22, "IS NOT NULL"), fixing(2, 8, "IS NULL"))))
                .isEqualTo(fixed);
    }

    @Test
    void anInsertionIsAnEmptyRange() {
        assertThat(FixApplier.apply("CREATE INDEX i", List.of(fixing(12, 12, " CONCURRENTLY"))))
                .isEqualTo("CREATE INDEX CONCURRENTLY i");
    }

    @Test
    void overlappingEditsAreRefused() {
        assertThatThrownBy(() -> FixApplier.apply(FILE.text(), List.of(fixing(0, 8, "x"), fixing(2, 10, "y"))))
                .hasMessageContaining("overlapping");
    }
}
