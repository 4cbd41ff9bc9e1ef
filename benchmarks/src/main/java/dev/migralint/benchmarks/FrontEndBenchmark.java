package dev.migralint.benchmarks;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the front end (lex, split, parse), single-threaded, in statements per second: each
 * invocation handles a script of exactly {@link MigrationScript#STATEMENTS} statements, taken from
 * the corpus's PostgreSQL migrations when it is present, else generated (see {@link MigrationScript}).
 *
 * <p>Run by hand (docs/performance.md has the command); the build only compiles it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FrontEndBenchmark {
    private SourceFile file;
    private StatementParser parser;
    private LexOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        MigrationScript script = MigrationScript.load();
        file = SourceFile.of("bench.sql", script.text());
        options = LexOptions.of(Dialect.POSTGRESQL);
        parser = new StatementParser(Dialect.POSTGRESQL);
        int count = Splitter.split(file, Lexer.lex(file.text(), options)).size();
        if (count != MigrationScript.STATEMENTS) {
            throw new IllegalStateException("the script has " + count + " statements, not "
                    + MigrationScript.STATEMENTS + " (source: " + script.origin() + ")");
        }
        System.out.println("\nFrontEndBenchmark input: " + script.origin() + ", " + file.text().length() + " chars");
    }

    @Benchmark
    @OperationsPerInvocation(MigrationScript.STATEMENTS)
    public void lexSplitParse(Blackhole bh) {
        LexResult lexed = Lexer.lex(file.text(), options);
        List<ScriptStatement> statements = Splitter.split(file, lexed);
        for (ScriptStatement s : statements) {
            bh.consume(parser.parse(s));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MigrationScript.STATEMENTS)
    public void lexSplit(Blackhole bh) {
        bh.consume(Splitter.split(file, Lexer.lex(file.text(), options)));
    }
}
