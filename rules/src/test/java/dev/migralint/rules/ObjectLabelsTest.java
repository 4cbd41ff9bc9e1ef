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
        assertThat(ObjectLabels.sql("ReleaseHistory", Dialect.POSTGRESQL)).isEqualTo("\"ReleaseHistory\"");
        // MySQL keeps the case of a name with or without backticks: only reserved words and odd characters need them
        assertThat(ObjectLabels.sql("ReleaseHistory", Dialect.MYSQL)).isEqualTo("ReleaseHistory");
        assertThat(ObjectLabels.sql("Order", Dialect.MYSQL)).isEqualTo("`Order`");
        assertThat(ObjectLabels.sql("Release History", Dialect.MYSQL)).isEqualTo("`Release History`");
    }

    @Test
    void tablesAreNamedAsTheSourceSpelledThem() {
        ObjectName mysql = ObjectName.parse("`ReleaseHistory`", Dialect.MYSQL);
        assertThat(mysql).isEqualTo(ObjectName.parse("releasehistory", Dialect.MYSQL)); // matched case-insensitively
        assertThat(ObjectLabels.table(mysql)).isEqualTo("ReleaseHistory");
        assertThat(ObjectLabels.sql(mysql, Dialect.MYSQL)).isEqualTo("ReleaseHistory");
        // PostgreSQL folds unquoted names itself and keeps quoted ones: the folded name is the real one
        assertThat(ObjectLabels.table(ObjectName.parse("ReleaseHistory", Dialect.POSTGRESQL))).isEqualTo("releasehistory");
        assertThat(ObjectLabels.sql(ObjectName.parse("\"ReleaseHistory\"", Dialect.POSTGRESQL), Dialect.POSTGRESQL))
                .isEqualTo("\"ReleaseHistory\"");
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
