package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import org.junit.jupiter.api.Test;

class ObjectLabelsTest {
    @Test
    void namesThatNeedItAreQuoted() {
        assertThat(ObjectLabels.sql("orders", Dialect.POSTGRESQL)).isEqualTo("orders");
        assertThat(ObjectLabels.sql("user", Dialect.POSTGRESQL)).isEqualTo("\"user\"");
        assertThat(ObjectLabels.sql("ReleaseHistory", Dialect.MYSQL)).isEqualTo("`ReleaseHistory`");
    }

    @Test
    void templatePlaceholdersAreNeverQuoted() {
        // supabase's Go templates and OHDSI's SqlRender parameters stand for schema names
        assertThat(ObjectLabels.sql(new ObjectName("{{ index .Options \"Namespace\" }}", "oauth_authorizations"),
                Dialect.POSTGRESQL)).isEqualTo("{{ index .Options \"Namespace\" }}.oauth_authorizations");
        assertThat(ObjectLabels.sql(new ObjectName("@cdmDatabaseSchema", "person"), Dialect.POSTGRESQL))
                .isEqualTo("@cdmDatabaseSchema.person");
        assertThat(ObjectLabels.sql("${schema}", Dialect.POSTGRESQL)).isEqualTo("${schema}");
    }
}
