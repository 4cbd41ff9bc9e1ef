package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code ./migralint} launcher as a process. Only with a shaded jar already
 * built (the test phase comes before {@code package}); the launcher is told not to build, since a
 * Maven build inside a Maven build would race with it.
 */
class LauncherTest {
    @TempDir
    Path cache;

    @Test
    void launcherPrintsTheVersion() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("cli/target/migralint.jar");
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is not built yet (run mvn package once)");

        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("migralint").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("MIGRALINT_NO_BUILD", "1");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(out).isEqualTo(0);
        assertThat(out).startsWith("migralint ");
    }
}
