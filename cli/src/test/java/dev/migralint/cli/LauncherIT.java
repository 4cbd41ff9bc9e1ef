package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code ./migralint} launcher as a process, as the README tells a new user to.
 * A failsafe integration test: it runs after {@code package} has built the shaded jar. The launcher is
 * told not to build, since a Maven build inside this Maven build would race with it.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path cache;

    private record Run(int exitCode, String output) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return launchWith(null, args);
    }

    private Run launchWith(String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("migralint").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("MIGRALINT_NO_BUILD", "1");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("NO_COLOR");
        if (javaOpts != null) {
            pb.environment().put("MIGRALINT_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aJvmThatCannotStartIsExitThreeWithTheReason() throws Exception {
        Run run = launchWith("-Xbogus", "check", "examples");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(run.output()).startsWith("migralint: the JVM does not start with MIGRALINT_JAVA_OPTS='-Xbogus': ")
                .contains("-Xbogus");
    }

    @Test
    void printsTheVersion() throws Exception {
        Run run = launch("--version");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(0);
        assertThat(run.output()).startsWith("migralint ");
    }

    @Test
    void checksTheExamplesAsTheReadmeShowsTwiceWithTheClassDataArchive() throws Exception {
        for (int i = 0; i < 2; i++) {
            Run run = launch("check", "examples");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output())
                    .contains("examples/db/migration/V3__index_users_by_signup_date.sql:2:1: "
                            + "warning[require-concurrent-index]")
                    .contains("2 | CREATE INDEX users_created_at_idx ON users (created_at);")
                    .containsPattern("\\| \\^{10,}")
                    .contains("help: ")
                    .doesNotContain("\tat ");
        }
    }
}
