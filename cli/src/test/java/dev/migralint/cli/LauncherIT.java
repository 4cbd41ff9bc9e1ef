package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    /** The JVM running this test: Java 17 in the build, so AppCDS. */
    private static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Run launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of("JAVA", THIS_JAVA), args);
    }

    /** The launcher saying on stderr which java and archive it uses. */
    private static Map<String, String> traced(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("JAVA", THIS_JAVA, "MIGRALINT_TRACE", "1"));
        all.putAll(env);
        return all;
    }

    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("migralint").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("MIGRALINT_NO_BUILD", "1");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("JAVA");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("MIGRALINT_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aJvmThatCannotStartIsExitThreeWithTheReason() throws Exception {
        Run run = launch(Map.of("JAVA", THIS_JAVA, "MIGRALINT_JAVA_OPTS", "-Xbogus"), "check", "examples");
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

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("migralint"))) {
            return files.filter(f -> f.getFileName().toString().matches("migralint-\\w+\\.(jsa|aot)")).sorted().toList();
        }
    }

    @Test
    void recordsTheArchiveFromTheTrainingRunWhateverTheFirstCommandIs() throws Exception {
        Run help = launch(traced(Map.of()), "check", "--help");
        assertThat(help.exitCode()).as(help.output()).isEqualTo(0);
        assertThat(help.output()).contains("archive: recording").contains("archive: recorded");
        List<Path> recorded = archives();
        assertThat(recorded).hasSize(1);
        // A check of the examples loads the whole pipeline: about 14 MB, where a `--help` run left 1.7 MB.
        assertThat(Files.size(recorded.get(0))).isGreaterThan(8_000_000L);

        Run check = launch(traced(Map.of()), "check", "examples");
        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("archive: using " + recorded.get(0)).doesNotContain("archive: recording");
    }

    @Test
    void keepsOtherArchivesAndEvictsTheLeastRecentlyUsed() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("migralint"));
        Path oldest = Files.write(dir.resolve("migralint-0000000000000001.jsa"), new byte[16]);
        Path older = Files.write(dir.resolve("migralint-0000000000000002.aot"), new byte[16]);
        Files.setLastModifiedTime(oldest, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));

        Map<String, String> keepThree = traced(Map.of("MIGRALINT_ARCHIVES", "3"));
        assertThat(launch(keepThree, "--version").exitCode()).isEqualTo(0);
        assertThat(archives()).hasSize(3).contains(oldest, older);

        keepThree.put("MIGRALINT_ARCHIVES", "2");
        Run evicting = launch(keepThree, "--version");
        // Using an archive does not evict; recording one does. Another option set is another archive.
        assertThat(evicting.output()).doesNotContain("evicted");
        keepThree.put("MIGRALINT_JAVA_OPTS", "-Xss2m");
        Run other = launch(keepThree, "--version");
        assertThat(other.output()).contains("archive: recorded").contains("evicted " + oldest).contains("evicted " + older);
        assertThat(archives()).hasSize(2).doesNotContain(oldest, older);
    }

    @Test
    void recordsAgainAnArchiveThatIsPartialOrOlderThanTheJar() throws Exception {
        assertThat(launch(traced(Map.of()), "--version").output()).contains("archive: recorded");
        Path archive = archives().get(0);

        Files.write(archive, new byte[1000]);
        Run partial = launch(traced(Map.of()), "--version");
        assertThat(partial.output()).contains("archive: recorded " + archive);
        assertThat(Files.size(archive)).isGreaterThan(8_000_000L);

        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(launch(traced(Map.of()), "--version").output()).contains("archive: recorded " + archive);
    }

    @Test
    void prefersAJdkOf25OrLaterWhenFoundButJavaHomeWins() throws Exception {
        // A JDK home that says it is 25 and runs this test's java, so the test needs no real JDK 25.
        Path home = Files.createDirectories(cache.resolve("jdks/fake-25/bin"));
        Files.writeString(home.resolveSibling("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Path java = Files.writeString(home.resolve("java"), "#!/bin/sh\nexec '" + THIS_JAVA + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(cache.resolve("jdks/old-11/bin"));
        Files.writeString(cache.resolve("jdks/old-11/release"), "JAVA_VERSION=\"11.0.2\"\n");

        Map<String, String> env = traced(Map.of("MIGRALINT_JDK_DIRS", cache.resolve("jdks").toString(),
                "MIGRALINT_NO_CDS", "1"));
        env.remove("JAVA");
        Run found = launch(env, "--version");
        assertThat(found.exitCode()).as(found.output()).isEqualTo(0);
        assertThat(found.output()).contains("java: " + java);

        env.put("JAVA_HOME", System.getProperty("java.home"));
        assertThat(launch(env, "--version").output()).contains("java: " + THIS_JAVA);
    }

    @Test
    void usesTheAheadOfTimeCacheOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "no JDK 25 at " + JDK25 + ": the AOT cache is not tested here");
        Map<String, String> env = traced(Map.of("JAVA", JDK25.toString()));
        Run first = launch(env, "check", "examples");
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.output()).contains("archive: recorded");
        assertThat(archives()).singleElement().satisfies(a -> assertThat(a.toString()).endsWith(".aot"));
        Run second = launch(env, "check", "examples");
        assertThat(second.output()).contains("archive: using")
                .contains("warning[require-concurrent-index]").doesNotContain("[aot]").doesNotContain("[cds]");
    }
}
