package dev.migralint.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.analysis.RetypeRewrite.Verdict;
import dev.migralint.core.change.DataType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetypeRewriteTest {
    private static DataType type(String spec) {
        int open = spec.indexOf('(');
        if (open < 0) {
            return new DataType(spec, List.of(), false, spec);
        }
        List<String> args = List.of(spec.substring(open + 1, spec.length() - 1).split(";"));
        return new DataType(spec.substring(0, open), args, false, spec);
    }

    @ParameterizedTest(name = "{0} -> {1} on PostgreSQL {2}: {3}")
    @CsvSource({
            "varchar(10), varchar(20), 15, NO_REWRITE",
            "varchar(20), varchar(10), 15, REWRITE",
            "varchar(10), varchar, 15, NO_REWRITE",
            "varchar(10), text, 15, NO_REWRITE",
            "text, varchar, 15, NO_REWRITE",
            "text, varchar(100), 15, REWRITE",
            "varchar, varchar(100), 15, REWRITE",
            "numeric(10;2), numeric(12;2), 15, NO_REWRITE",
            "numeric(10;2), numeric(12;4), 15, REWRITE",
            "numeric(10;2), numeric(8;2), 15, REWRITE",
            "numeric(10;2), numeric, 15, NO_REWRITE",
            "numeric, numeric(10;2), 15, REWRITE",
            "varbit(8), varbit(16), 15, NO_REWRITE",
            "timestamp(3), timestamp, 15, NO_REWRITE",
            "timestamp, timestamp(3), 15, REWRITE",
            "cidr, inet, 15, NO_REWRITE",
            "inet, cidr, 15, REWRITE",
            "timestamp, timestamptz, 15, UNLESS_UTC",
            "timestamptz, timestamp, 12, UNLESS_UTC",
            "timestamp, timestamptz, 11, REWRITE",
            "integer, bigint, 15, REWRITE",
            "char(3), char(5), 15, REWRITE",
            "char(3), varchar(3), 15, REWRITE",
            "uuid, uuid, 15, NO_REWRITE",
            "my_enum, text, 15, REWRITE",
    })
    void verdicts(String from, String to, int version, Verdict expected) {
        assertThat(RetypeRewrite.of(type(from), type(to), version)).isEqualTo(expected);
    }

    @Test
    void arraysRewriteWhenArraynessChanges() {
        DataType text = new DataType("text", List.of(), false, "text");
        DataType textArray = new DataType("text", List.of(), true, "text[]");
        assertThat(RetypeRewrite.of(text, textArray, 15)).isEqualTo(Verdict.REWRITE);
        assertThat(RetypeRewrite.of(textArray, textArray, 15)).isEqualTo(Verdict.NO_REWRITE);
    }

    @Test
    void usingOnlyTheColumnKeepsValues() {
        assertThat(RetypeRewrite.usingKeepsValues(null, "c")).isTrue();
        assertThat(RetypeRewrite.usingKeepsValues("c::text", "c")).isTrue();
        assertThat(RetypeRewrite.usingKeepsValues("(\"C\")", "c")).isTrue();
        assertThat(RetypeRewrite.usingKeepsValues("upper(c)", "c")).isFalse();
    }
}
