package dev.migralint.core.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FingerprintTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM t WHERE id = 5                               | SELECT * FROM t WHERE id = ?
            select *   from t\twhere id=$1;                            | SELECT * FROM t WHERE id = ?
            SELECT a FROM t WHERE x = -5 AND y = 'it''s'               | SELECT a FROM t WHERE x = ? AND y = ?
            SELECT a FROM t WHERE id IN (1, 2, 3)                      | SELECT a FROM t WHERE id IN (?)
            SELECT a FROM t WHERE id IN ($1, $2)                       | SELECT a FROM t WHERE id IN (?)
            SELECT a FROM t /* c */ WHERE id = 1 -- trailing           | SELECT a FROM t WHERE id = ?
            SELECT "MixedCase".Id FROM "MixedCase" WHERE x = E'\\n'    | SELECT "MixedCase".id FROM "MixedCase" WHERE x = ?
            INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')             | INSERT INTO t(a, b) VALUES (?)
            SELECT count(*), f(a, 1) FROM t WHERE b = ANY('{1,2}')     | SELECT count(*), f(a, ?) FROM t WHERE b = ANY (?)
            SELECT a FROM t LIMIT 10 OFFSET 20                         | SELECT a FROM t LIMIT ? OFFSET ?
            SELECT a - 1 FROM t                                        | SELECT a - ? FROM t
            SELECT $$body$$, x::int FROM t                             | SELECT ?, x::int FROM t
            """)
    void normalizes(String sql, String expected) {
        assertThat(Fingerprint.of(sql).text()).isEqualTo(expected);
    }

    @Test
    void valuesTellExecutionsOfOneShapeApart() {
        Fingerprint a = Fingerprint.of("SELECT * FROM t WHERE id = 16");
        Fingerprint b = Fingerprint.of("SELECT * FROM t WHERE id = 17");
        assertThat(a.text()).isEqualTo(b.text());
        assertThat(a.values()).isNotEqualTo(b.values());
        assertThat(Fingerprint.of("SELECT * FROM t WHERE id IN (1, 2)").values())
                .isNotEqualTo(Fingerprint.of("SELECT * FROM t WHERE id IN (1, 3)").values());
    }

    @Test
    void classifiesTransactionControlSettingsAndParameters() {
        assertThat(Fingerprint.of("BEGIN ISOLATION LEVEL REPEATABLE READ").transactionControl()).isTrue();
        assertThat(Fingerprint.of("end;").transactionControl()).isTrue();
        assertThat(Fingerprint.of("SET application_name = 'x'").setting()).isTrue();
        assertThat(Fingerprint.of("SELECT 1").transactionControl()).isFalse();
        assertThat(Fingerprint.of("SELECT * FROM t WHERE id = ?").parameters()).isTrue();
        assertThat(Fingerprint.of("SELECT * FROM t WHERE id = 1").parameters()).isFalse();
    }
}
