package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.analysis.SchemaDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SchemaDiff on replayed schemas (here, where the replay test support lives). */
class SchemaDiffTest {
    private static List<String> diff(Replayed expected, Replayed actual) {
        return SchemaDiff.between(expected.schema(), actual.schema()).stream().map(SchemaDiff.Difference::toString)
                .toList();
    }

    @Test
    void sameSchemaBuiltDifferentlyHasNoDifference() {
        Replayed a = Replayed.pg("CREATE TABLE t (id bigint PRIMARY KEY, b text, a varchar); CREATE INDEX ON t (b);");
        Replayed b = Replayed.pg("CREATE TABLE t (a text, id bigint, b text); ALTER TABLE t ADD PRIMARY KEY (id);"
                + " CREATE INDEX other_name ON t (b);");
        assertThat(diff(a, b)).isEmpty();
    }

    @Test
    void namesWhatIsLeftOverMissingOrChanged() {
        Replayed before = Replayed.pg("CREATE TABLE t (id bigint PRIMARY KEY, email varchar(100), name text NOT NULL);"
                + " CREATE TYPE mood AS ENUM ('a');");
        Replayed after = before.then("ALTER TABLE t ADD COLUMN age int; ALTER TABLE t ALTER COLUMN email TYPE varchar(200);"
                + " ALTER TABLE t ALTER COLUMN name DROP NOT NULL; CREATE UNIQUE INDEX t_email ON t (email);"
                + " CREATE TABLE extra (id int); ALTER TYPE mood ADD VALUE 'b';");
        assertThat(diff(before, after)).containsExactly(
                "table extra is left over",
                "column t.email is varchar(200), was varchar(100)",
                "column t.name is nullable, was NOT NULL",
                "column t.age is left over",
                "unique index (email) on t is left over",
                "type mood has labels [a, b], was [a]");
        assertThat(diff(after, before)).contains("table extra is missing", "column t.age is missing");
    }
}
