package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scripts are read (lexed, split, parsed) ahead of the replay on a pool of threads; the report must
 * not depend on how many: the JSON of a run that reads every script in the replaying thread and of
 * one that reads on four threads is the same, byte for byte.
 */
class ReadAheadTest {
    private static final String THREADS = "migralint.readThreads";
    private static final Path REPO = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();

    @AfterEach
    void restore() {
        System.clearProperty(THREADS);
    }

    @Test
    void theExamplesReportTheSameWithOneAndFourReadingThreads() {
        Path examples = REPO.resolve("examples");
        assumeTrue(Files.isDirectory(examples), "skipped: no examples folder at " + examples);
        String inline = json(examples, "1");
        String pooled = json(examples, "4");
        assertThat(inline).contains("\"ruleId\"");
        assertThat(pooled).isEqualTo(inline);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("migralint-read");
    }

    @Test
    @Tag("slow")
    void aLongRealHistoryReportsTheSameWithOneAndFourReadingThreads() {
        Path cratesIo = REPO.resolve("../shared/corpus/migrations/rust-lang_crates.io").normalize();
        assumeTrue(Files.isDirectory(cratesIo), "SKIPPED: corpus not found at " + cratesIo);
        String inline = json(cratesIo, "1");
        assertThat(json(cratesIo, "4")).isEqualTo(inline);
    }

    private static String json(Path folder, String threads) {
        System.setProperty(THREADS, threads);
        CliRun run = CliRun.in(REPO, "check", "--fail-on", "never", "--format", "json", folder.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }
}
