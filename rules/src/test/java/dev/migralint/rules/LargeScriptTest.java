package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A script over two megabytes keeps no parse tree between reading and linting and parses each statement
 * again when its turn comes (ScriptLinter.LARGE_SCRIPT_CHARS): its findings must be the ones the same
 * statements give in a small file, those of rules that read the tree included.
 */
class LargeScriptTest {
    private static final RuleRegistry RULES = RuleRegistry.load(LargeScriptTest.class.getClassLoader());
    private static final Path BASE = Path.of("large").toAbsolutePath();
    private static final Path FILE = BASE.resolve("V1__large.sql");
    private static final String SQL = """
            CREATE TABLE account (id integer PRIMARY KEY, email varchar(40), owner_id integer);
            CREATE INDEX account_email ON account (email);
            SELECT id FROM account WHERE email = NULL;
            UPDATE account SET owner_id = 1;
            ALTER TABLE account ALTER COLUMN email TYPE varchar(20);
            """;

    @Test
    void largeScriptGivesTheFindingsOfASmallOne() {
        // A trailing comment makes the file large without moving any statement: over the 2 MiB of
        // ScriptLinter.LARGE_SCRIPT_CHARS (LargeScriptLimitTest in the engine package keeps it under 3 MiB).
        String large = SQL + "-- " + "x".repeat(3 << 20) + "\n";

        List<String> small = findings(SQL);
        assertThat(small).anyMatch(f -> f.startsWith("null-comparison@"));
        assertThat(findings(large)).isEqualTo(small);
    }

    private static List<String> findings(String sql) {
        return new LintEngine(RULES).run(new LintRequest(List.of(FILE), BASE, Config.defaults()).withText(FILE, sql))
                .findings().stream()
                .map(LargeScriptTest::key)
                .toList();
    }

    private static String key(Finding f) {
        return f.ruleId() + "@" + f.location().startOffset() + ": " + f.message();
    }
}
