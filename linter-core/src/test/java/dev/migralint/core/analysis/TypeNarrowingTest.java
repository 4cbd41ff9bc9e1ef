package dev.migralint.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeNarrowingTest {
    private static DataType t(String name, String... args) {
        return new DataType(name, List.of(args), false, name);
    }

    private static boolean narrows(DataType from, DataType to) {
        return TypeNarrowing.of(from, to, Dialect.POSTGRESQL).isPresent();
    }

    @Test
    void narrowerTypesAreNarrowing() {
        assertThat(narrows(t("bigint"), t("integer"))).isTrue();
        assertThat(narrows(t("integer"), t("smallint"))).isTrue();
        assertThat(narrows(t("varchar", "255"), t("varchar", "50"))).isTrue();
        assertThat(narrows(t("text"), t("varchar", "100"))).isTrue();
        assertThat(narrows(t("numeric", "12", "4"), t("numeric", "12", "2"))).isTrue();
        assertThat(narrows(t("numeric"), t("numeric", "10", "2"))).isTrue();
        assertThat(narrows(t("timestamptz"), t("timestamp"))).isTrue();
        assertThat(narrows(t("timestamp"), t("date"))).isTrue();
        assertThat(narrows(t("double precision"), t("real"))).isTrue();
    }

    @Test
    void widerOrUnrelatedTypesAreNot() {
        assertThat(narrows(t("integer"), t("bigint"))).isFalse();
        assertThat(narrows(t("varchar", "50"), t("text"))).isFalse();
        assertThat(narrows(t("varchar", "50"), t("varchar", "50"))).isFalse();
        assertThat(narrows(t("timestamp"), t("timestamptz"))).isFalse();
        assertThat(narrows(t("text"), t("integer"))).isFalse();
        assertThat(narrows(t("mood"), t("text"))).isFalse();
    }

    @Test
    void violationNamesTheColumn() {
        assertThat(TypeNarrowing.of(t("varchar", "255"), t("varchar", "50"), Dialect.POSTGRESQL).get()
                .violationFor("email")).isEqualTo("length(email) > 50");
    }
}
