package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.change.IndexColumn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected names were read from PostgreSQL 15's pg_class after the same statements. */
class GeneratedNamesTest {

    @Test
    void expressionKeysAreNamedAfterTheirFunctionColumnOrCastType() {
        assertThat(GeneratedNames.expressionName("lower(email)")).isEqualTo("lower");
        assertThat(GeneratedNames.expressionName("a + b")).isEqualTo("expr");
        assertThat(GeneratedNames.expressionName("created_at::date")).isEqualTo("created_at");
        assertThat(GeneratedNames.expressionName("(created_at)::date")).isEqualTo("created_at");
        assertThat(GeneratedNames.expressionName("data ->> 'x'")).isEqualTo("expr");
        assertThat(GeneratedNames.expressionName("(n + 1)::text")).isEqualTo("text");
        assertThat(GeneratedNames.expressionName("coalesce(s, 'x')")).isEqualTo("coalesce");
        assertThat(GeneratedNames.expressionName("case when n > 0 then 1 end")).isEqualTo("case");
        assertThat(GeneratedNames.expressionName("s::varchar(10)")).isEqualTo("s");
        assertThat(GeneratedNames.expressionName("public.f(x)")).isEqualTo("f");
        assertThat(GeneratedNames.expressionName("lower(a) || b")).isEqualTo("expr");
    }

    @Test
    void repeatedColumnNamesGetNumbers() {
        assertThat(GeneratedNames.indexColumnNames(List.of(new IndexColumn("a", null, false),
                new IndexColumn("a", null, false), new IndexColumn(null, "x + 1", false),
                new IndexColumn(null, "y + 1", false)), List.of("b")))
                .containsExactly("a", "a1", "expr", "expr1", "b");
    }

    @Test
    void choosingANameCountsUpTheLabel() {
        Set<String> taken = Set.of("t_a_idx", "t_a_idx1");
        assertThat(GeneratedNames.choose("t", "a", "idx", taken::contains)).isEqualTo("t_a_idx2");
        assertThat(GeneratedNames.choose("t", null, "pkey", taken::contains)).isEqualTo("t_pkey");
    }

    @Test
    void namesFitIn63BytesWithoutSplittingACharacter() {
        String table = "ü".repeat(40); // 80 bytes
        String name = GeneratedNames.makeObjectName(table, "col", "key");
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(name).endsWith("_col_key").startsWith("üü");
    }

    @Test
    void identifiersAndRenamesSkipStringsAndFunctionNames() {
        assertThat(GeneratedNames.identifiers("lower(email) = 'a b' and \"Odd\" > x::text"))
                .containsExactly("email", "and", "Odd", "x");
        assertThat(GeneratedNames.renameIdentifier("lower(email) = 'email' and email2 > email", "email", "mail"))
                .isEqualTo("lower(mail) = 'email' and email2 > mail");
        assertThat(GeneratedNames.renameIdentifier("a > 0", "a", "New")).isEqualTo("\"New\" > 0");
    }
}
