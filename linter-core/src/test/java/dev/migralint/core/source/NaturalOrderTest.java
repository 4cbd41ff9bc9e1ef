package dev.migralint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void comparesDigitRunsAsNumbers() {
        List<String> names = new ArrayList<>(List.of("V10__c.sql", "V2__b.sql", "V1__a.sql", "V1.10__e.sql",
                "V1.9__d.sql", "V002__z.sql", "20240101_x.sql", "3_y.sql"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("3_y.sql", "20240101_x.sql", "V1.9__d.sql", "V1.10__e.sql", "V1__a.sql",
                "V2__b.sql", "V002__z.sql", "V10__c.sql");
    }

    @Test
    void isConsistentForEqualNumbersWithDifferentPadding() {
        assertThat(NaturalOrder.INSTANCE.compare("a01", "a1")).isNotZero();
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare("a01", "a1")))
                .isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare("a1", "a01")));
    }

    @Test
    void dropsLeadingZerosButKeepsALoneZero() {
        assertThat(NaturalOrder.INSTANCE.compare("a000", "a1")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("a0", "a1")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("a0010", "a9")).isPositive();
        assertThat(NaturalOrder.INSTANCE.compare("a000", "a0")).isNotZero();
    }
}
