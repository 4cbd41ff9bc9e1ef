package dev.migralint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseErrorsTest {

    @Test
    void javaccLineAndColumnBecomeAnOffset() {
        String sql = "a\nbc\r\nd\re\tf";
        assertThat(ParseErrors.offsetOf(sql, 1, 1)).isEqualTo(0);
        assertThat(ParseErrors.offsetOf(sql, 2, 2)).isEqualTo(3);
        assertThat(ParseErrors.offsetOf(sql, 3, 1)).isEqualTo(6);
        assertThat(ParseErrors.offsetOf(sql, 4, 1)).isEqualTo(8);
        // JavaCC counts a tab as one column.
        assertThat(ParseErrors.offsetOf(sql, 4, 3)).isEqualTo(10);
    }

    @Test
    void positionsPastTheTextAreClamped() {
        assertThat(ParseErrors.offsetOf("ab", 1, 9)).isEqualTo(2);
        assertThat(ParseErrors.offsetOf("ab", 5, 1)).isEqualTo(2);
    }
}
