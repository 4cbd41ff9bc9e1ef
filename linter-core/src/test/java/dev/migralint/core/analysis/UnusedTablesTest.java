package dev.migralint.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusedTablesTest {

    private static UnusedTables of(String... scripts) {
        return new UnusedTables(List.of(scripts), Dialect.POSTGRESQL);
    }

    @Test
    void aCommentInAnyScriptThatCallsTheTableUnusedOnPurposeCounts() {
        UnusedTables unused = of("CREATE TABLE instances (id uuid PRIMARY KEY);\n",
                "-- Multi-instance mode (see auth.instances) table intentionally not supported and ignored.\n"
                        + "CREATE TABLE sso (id uuid);\n",
                "/* legacy_accounts are deliberately unused since v2 */ SELECT 1;\n");

        assertThat(unused.unusedOnPurpose(new ObjectName("auth", "instances"))).isTrue();
        assertThat(unused.unusedOnPurpose(ObjectName.of("legacy_accounts"))).isTrue();
        assertThat(unused.unusedOnPurpose(ObjectName.of("sso"))).isFalse();
    }

    @Test
    void theTableMustBeTheSubjectAndTheWordsMustBeInAComment() {
        UnusedTables unused = of("-- errors are intentionally ignored for users\n"
                + "-- accounts.legacy_code is deliberately unused\n"
                + "-- superusers intentionally unused\n"
                + "INSERT INTO notes VALUES ('orders intentionally unused');\n");

        assertThat(unused.unusedOnPurpose(ObjectName.of("users"))).isFalse();
        assertThat(unused.unusedOnPurpose(ObjectName.of("accounts"))).isFalse();
        assertThat(unused.unusedOnPurpose(ObjectName.of("orders"))).isFalse();
        assertThat(unused.unusedOnPurpose(ObjectName.of("superusers"))).isTrue();
    }
}
