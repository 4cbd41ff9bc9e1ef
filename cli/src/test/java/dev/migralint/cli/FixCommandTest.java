package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migralint fix} end to end, through {@link Main#run}, on a copy of the example migrations. */
class FixCommandTest {
    private static final Path EXAMPLES =
            Path.of(System.getProperty("migralint.repo.root", "..")).resolve("examples").toAbsolutePath().normalize();
    private static final String V3 = "db/migration/V3__index_users_by_signup_date.sql";
    private static final String V1_1 = "db/migration/V1.1__fix_unknown_countries.sql";
    private static final String V1 = "db/migration/V1__create_users.sql";

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "skipped: no examples folder at " + EXAMPLES);
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(EXAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // require-lock-timeout's fix (a SET before the statement) and CONCURRENTLY exclude each other
        // under Flyway, which runs a migration outside a transaction only when every statement can run
        // so: these tests are about the fix machinery, so they keep to the other rules' fixes.
        Files.writeString(dir.resolve(".migralint.yaml"), "  require-lock-timeout: off\n", StandardOpenOption.APPEND);
    }

    @Test
    void appliesEveryRulesFixInPlaceAndReportsWhatIsLeft() throws IOException {
        CliRun run = CliRun.in(dir, "fix", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(read(V3)).contains("CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);")
                .startsWith("-- The admin dashboard lists recent sign-ups.\n");
        assertThat(read(V1_1)).contains("WHERE country IS NULL;");
        assertThat(read(V1)).contains("created_at   timestamptz NOT NULL DEFAULT now()");
        assertThat(run.out()).contains("Fixed 3 findings in 3 files.")
                .contains("warning[unindexed-foreign-key]")
                .doesNotContain("[require-concurrent-index]").doesNotContain("[null-comparison]")
                .doesNotContain("[prefer-timestamptz]");
        assertThat(run.err()).isEmpty();
        assertThat(CliRun.in(dir, "check", "db").out()).doesNotContain("[require-concurrent-index]");
        try (Stream<Path> files = Files.list(dir.resolve("db/migration"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("migralint-fix"));
        }
    }

    @Test
    void prefersConcurrentlyToALockTimeoutWhenTheTwoExcludeEachOther() throws IOException {
        // The examples' own config, require-lock-timeout on: a SET before the CREATE INDEX would make Flyway
        // run V3 in a transaction, where CONCURRENTLY fails; CONCURRENTLY alone resolves both findings.
        Files.copy(EXAMPLES.resolve(".migralint.yaml"), dir.resolve(".migralint.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRun run = CliRun.in(dir, "fix", "db");

        assertThat(read(V3)).isEqualTo("-- The admin dashboard lists recent sign-ups.\n"
                + "CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);\n");
        assertThat(run.out()).as(run.toString()).doesNotContain("not applied");
        assertThat(read("db/migration/V5__prices_in_cents.sql")).startsWith("SET lock_timeout = '5s';\n");
        CliRun check = CliRun.in(dir, "check", "db");
        assertThat(check.out()).as(check.toString()).contains("V4__index_orders_by_status.sql")
                .doesNotContain("V3__index_users_by_signup_date.sql").doesNotContain("[require-lock-timeout]");
    }

    @Test
    void secondRunFindsNothingToFixAndChangesNothing() throws IOException {
        CliRun.in(dir, "fix", "db");
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "db", "--fail-on", "never");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Fixed 0 findings in 0 files.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void withholdsAFixThatWouldIntroduceAnotherFinding() throws IOException {
        // Flyway runs this migration in a transaction (the ALTER is transactional), where CONCURRENTLY fails.
        String v6 = "ALTER TABLE users ADD COLUMN nickname text;\nCREATE INDEX users_nickname_idx ON users (nickname);\n";
        write("db/migration/V6__nicknames.sql", v6);

        CliRun run = CliRun.in(dir, "fix", "db");

        assertThat(read("db/migration/V6__nicknames.sql")).isEqualTo(v6);
        assertThat(run.out()).contains("db/migration/V6__nicknames.sql:2:1: fix for require-concurrent-index not applied:"
                + " it would introduce concurrent-index-in-transaction");
        assertThat(run.out()).contains("V6__nicknames.sql:2:1: warning[require-concurrent-index]");
        assertThat(read(V3)).contains("CREATE INDEX CONCURRENTLY");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "--dry-run", "db");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("--- a/" + V3 + "\n+++ b/" + V3 + "\n@@ -1,2 +1,2 @@\n"
                + " -- The admin dashboard lists recent sign-ups.\n"
                + "-CREATE INDEX users_created_at_idx ON users (created_at);\n"
                + "+CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at);\n");
        assertThat(run.out().indexOf("+++ b/" + V1)).isLessThan(run.out().indexOf("+++ b/" + V1_1));
        assertThat(run.err()).contains("migralint: would fix 3 findings in 3 files;");
    }

    @Test
    void onlyLimitsTheFixesToThoseRules() throws IOException {
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "--only", "null-comparison", "db");

        assertThat(run.out()).as(run.toString()).contains("Fixed 1 finding in 1 file.");
        assertThat(read(V1_1)).contains("WHERE country IS NULL;");
        Map<String, String> after = snapshot();
        after.remove(V1_1);
        before.remove(V1_1);
        assertThat(after).isEqualTo(before);

        CliRun two = CliRun.in(dir, "fix", "--only", "prefer-timestamptz,require-concurrent-index", "db");
        assertThat(two.out()).as(two.toString()).contains("Fixed 2 findings in 2 files.");
    }

    @Test
    void ruleWithoutASettingIsTheDeprecatedSpellingOfOnly() throws IOException {
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "--rule", "null-comparison", "db");

        assertThat(run.out()).as(run.toString()).contains("Fixed 1 finding in 1 file.");
        assertThat(run.err()).isEqualTo("migralint: warning: `fix --rule null-comparison` is deprecated; use"
                + " `fix --only null-comparison` (--rule takes RULE=SETTING, as in check)\n");
        Map<String, String> after = snapshot();
        after.remove(V1_1);
        before.remove(V1_1);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void ruleSwitchesMeanWhatTheyMeanInCheck() throws IOException {
        Map<String, String> before = snapshot();

        CliRun off = CliRun.in(dir, "fix", "--dry-run", "--rule", "null-comparison=off", "--disable",
                "prefer-timestamptz,require-concurrent-index", "db");
        CliRun badSetting = CliRun.in(dir, "fix", "--rule", "null-comparison=loud", "db");

        assertThat(off.out()).as(off.toString()).doesNotContain("IS NULL").doesNotContain("CONCURRENTLY")
                .doesNotContain("timestamptz");
        assertThat(badSetting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSetting.errLines()).containsExactly("migralint: error: --rule null-comparison=loud: 'loud' is not"
                + " off, on or a severity (error, warning, info)");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownRuleIsAUsageError() throws IOException {
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "--only", "no-such-rule", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("migralint: error: --only: unknown rule 'no-such-rule'"
                + " (run `migralint rules` for the list)");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnreadableFileLeavesEveryFileUntouched() throws IOException {
        Files.write(dir.resolve("db/migration/V7__latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
        Map<String, String> before = snapshot();

        CliRun run = CliRun.in(dir, "fix", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("migralint: error: db/migration/V7__latin1.sql: ").contains("nothing was changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileWithAStatementThatDidNotParseIsNotEdited() throws IOException {
        String v6 = "CREATE INDEX CONCURRENTLY users_country_idx ON users (country);\n"
                + "SELECT id FROM users WHERE country = NULL AND AND;\n"
                + "CREATE INDEX users_email_idx ON users (email);\n";
        write("db/migration/V6__broken.sql", v6);

        CliRun run = CliRun.in(dir, "fix", "db");

        assertThat(read("db/migration/V6__broken.sql")).isEqualTo(v6);
        assertThat(run.out()).as(run.toString())
                .contains("V6__broken.sql:3:1: fix for require-concurrent-index not applied:"
                        + " the file has a statement that did not parse (line 2)")
                .contains("warning[parse-error]");
        assertThat(read(V3)).contains("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void keepsAByteOrderMarkAndCrlfLineBreaks() throws IOException {
        byte[] text = "-- bom\r\nCREATE INDEX users_email_idx ON users (email);\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Path v6 = dir.resolve("db/migration/V6__bom.sql");
        Files.write(v6, all);

        CliRun run = CliRun.in(dir, "fix", "--only", "require-concurrent-index", "db");

        assertThat(run.out()).as(run.toString()).contains("Fixed 2 findings in 2 files.");
        byte[] fixed = Files.readAllBytes(v6);
        assertThat(fixed[0]).isEqualTo(bom[0]);
        assertThat(new String(fixed, 3, fixed.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("-- bom\r\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\r\n");
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    private void write(String rel, String text) throws IOException {
        Files.writeString(dir.resolve(rel), text);
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return m;
    }
}
