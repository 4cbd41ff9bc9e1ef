package dev.migralint.benchmarks;

import dev.migralint.core.config.Config;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query-log throughput on one thread, with the heap capped at 256 MB: a {@value #MEGABYTES} MB
 * synthetic PostgreSQL log ({@link QueryLogText}) read, fingerprinted and checked by n-plus-one-log
 * through the engine, as {@code check --query-log} runs it. One operation is the whole log, so
 * MB/s = {@value #MEGABYTES} / (seconds per operation).
 *
 * <p>Run by hand (docs/performance.md has the command); the build only compiles it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class QueryLogBenchmark {
    static final int MEGABYTES = 64;

    private Path dir;
    private LintEngine engine;
    private Config config;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("migralint-querylog-bench");
        Path log = dir.resolve("postgresql.log");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            QueryLogText.write(w, (long) MEGABYTES << 20);
        }
        engine = new LintEngine(RuleRegistry.load());
        config = Config.defaults().withQueryLogs(List.of(log.toString()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(dir.resolve("postgresql.log"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public Report checkLog() {
        Report report = engine.run(new LintRequest(List.of(), dir, config));
        if (report.findings().isEmpty()) {
            throw new IllegalStateException("the log's N+1 runs were not found");
        }
        return report;
    }
}
