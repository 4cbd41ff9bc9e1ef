package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain git hook {@code scripts/pre-commit}, installed in a temporary repository and run by
 * {@code git commit}. migralint is the real CLI in a separate JVM: through a small wrapper on the PATH
 * that runs {@link Main} from this build's class path, and, when the shaded jar has been built, also
 * through the repository's {@code ./migralint} launcher.
 */
@Tag("slow")
class PreCommitHookTest {
    private static final Path ROOT = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
    private static final String V1 = """
            CREATE TABLE users (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL
            );
            """;
    private static final String BAD = "CREATE INDEX users_email_idx ON users (email);\n";
    private static final String GOOD = "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n";

    @TempDir
    Path dir;

    private GitRepo repo;
    private Path bin;

    @BeforeEach
    void repositoryWithTheHook() throws Exception {
        assumeTrue(GitRepo.available(), "skipped: git is not on the PATH");
        assumeTrue(Files.isRegularFile(Path.of("/bin/bash")) || Files.isRegularFile(Path.of("/usr/bin/bash")),
                "skipped: the hook is a bash script and bash is missing");
        repo = GitRepo.init(dir.resolve("repo"));
        repo.write("db/migration/V1__create_users.sql", V1);
        repo.commitAll("V1");
        Path hook = repo.root().resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.copy(ROOT.resolve("scripts/pre-commit"), hook, StandardCopyOption.REPLACE_EXISTING);
        makeExecutable(hook);
        bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path wrapper = bin.resolve("migralint");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + javaExecutable() + "' -cp '" + testClassPath()
                + "' dev.migralint.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        makeExecutable(wrapper);
    }

    @Test
    void aFindingInAStagedMigrationStopsTheCommit() throws Exception {
        repo.write("db/migration/V2__index_users.sql", BAD);
        repo.git("add", "-A");

        GitRepo.Result commit = repo.run(withWrapperOnPath(), "commit", "-m", "V2");

        assertThat(commit.exitCode()).as(commit.output()).isNotZero();
        assertThat(commit.output())
                .contains("db/migration/V2__index_users.sql:1:1: warning[require-concurrent-index]")
                .contains("pre-commit: migralint found problems in the staged SQL");
        assertThat(repo.git("rev-list", "--count", "HEAD").strip()).isEqualTo("1");
    }

    @Test
    void aCleanStagedMigrationIsCommitted() throws Exception {
        repo.write("db/migration/V2__index_users.sql", GOOD);
        repo.git("add", "-A");

        GitRepo.Result commit = repo.run(withWrapperOnPath(), "commit", "-q", "-m", "V2");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(repo.git("rev-list", "--count", "HEAD").strip()).isEqualTo("2");
    }

    @Test
    void findingsInFilesNotStagedDoNotStopTheCommit() throws Exception {
        repo.write("db/migration/V2__index_users.sql", GOOD);
        repo.git("add", "-A");
        repo.write("db/migration/V3__draft.sql", BAD);

        GitRepo.Result commit = repo.run(withWrapperOnPath(), "commit", "-q", "-m", "V2");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
    }

    @Test
    void argumentsAndTheLauncherComeFromTheEnvironment() throws Exception {
        repo.write("db/migration/V2__index_users.sql", BAD);
        repo.git("add", "-A");
        Map<String, String> env = new HashMap<>();
        env.put("MIGRALINT", bin.resolve("migralint").toString());
        env.put("MIGRALINT_ARGS", "db/migration --fail-on error");

        GitRepo.Result commit = repo.run(env, "commit", "-q", "-m", "V2");

        // The warning is shown, but --fail-on error lets the commit through.
        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).contains("warning[require-concurrent-index]");
    }

    @Test
    void aCommitWithoutSqlDoesNotRunMigralint() throws Exception {
        repo.write("README.md", "docs\n");
        repo.git("add", "-A");

        GitRepo.Result commit = repo.run(Map.of("MIGRALINT", "false"), "commit", "-q", "-m", "docs");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
    }

    @Test
    void aMissingLauncherIsExplained() throws Exception {
        repo.write("db/migration/V2__index_users.sql", GOOD);
        repo.git("add", "-A");
        assumeTrue(!Files.exists(Path.of("/usr/bin/migralint")) && !Files.exists(Path.of("/bin/migralint")),
                "skipped: a migralint is installed in /usr/bin or /bin");

        GitRepo.Result commit = repo.run(Map.of("PATH", "/usr/bin:/bin"), "commit", "-q", "-m", "V2");

        assertThat(commit.exitCode()).isNotZero();
        assertThat(commit.output()).contains("pre-commit: migralint not found: put its launcher on the PATH or set MIGRALINT");
    }

    @Test
    void theRepositorysLauncherWorksAsTheHooksMigralint() throws Exception {
        Path jar = ROOT.resolve("cli/target/migralint.jar");
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is not built yet (run mvn package once)");
        repo.write("db/migration/V2__index_users.sql", BAD);
        repo.git("add", "-A");
        Map<String, String> env = new HashMap<>();
        env.put("MIGRALINT", ROOT.resolve("migralint").toString());
        // The launcher must not start a Maven build inside this one; its CDS archive goes to the temp folder.
        env.put("MIGRALINT_NO_BUILD", "1");
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());

        GitRepo.Result commit = repo.run(env, "commit", "-m", "V2");

        assertThat(commit.exitCode()).as(commit.output()).isNotZero();
        assertThat(commit.output()).contains("db/migration/V2__index_users.sql:1:1: warning[require-concurrent-index]");
    }

    private Map<String, String> withWrapperOnPath() {
        return Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    private static void makeExecutable(Path file) {
        assertThat(file.toFile().setExecutable(true)).as("chmod +x %s", file).isTrue();
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; the class path it stands for is in this property. */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
