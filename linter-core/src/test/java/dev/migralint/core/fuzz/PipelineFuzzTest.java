package dev.migralint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.migralint.core.Dialect;
import dev.migralint.core.change.ChangeReader;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fast fuzz targets, one per pipeline stage, so that a campaign reaches a million executions in
 * minutes rather than the hours the whole-engine target ({@code rules/.../EngineFuzzTest}) needs.
 * Each stage gets arbitrary bytes as UTF-8 in every dialect; nothing may throw. The durations add up to
 * 34 minutes, the budget of one core the campaigns recorded in docs/hostile-input.md ran in.
 *
 * <p>{@code mvn test} replays the seeds in {@code src/test/resources/dev/migralint/core/fuzz/PipelineFuzzTestInputs/TARGET/}
 * (written by {@code scripts/fuzz-seeds}). A campaign, one target at a time (docs/hostile-input.md):
 * {@code JAZZER_FUZZ=1 mvn -o test -pl linter-core -Dtest='PipelineFuzzTest#lexes'}. When fuzzing, each new
 * slowest input is printed, since libFuzzer only reports units slower than whole seconds.
 */
class PipelineFuzzTest {
    private static final Path FILE = Path.of("fuzz", "V1__fuzz.sql").toAbsolutePath();
    private static final Map<Dialect, StatementParser> PARSERS = new EnumMap<>(Dialect.class);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
    private static final AtomicLong SLOWEST_NANOS = new AtomicLong();

    static {
        for (Dialect d : Dialect.values()) {
            PARSERS.put(d, new StatementParser(d));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void lexes(byte[] input) {
        timed(input, (file, dialect) -> Lexer.lex(file.text(), LexOptions.of(dialect)));
    }

    @FuzzTest(maxDuration = "5m")
    void splits(byte[] input) {
        timed(input, PipelineFuzzTest::split);
    }

    /** The token grammar's change translation, without JSqlParser. */
    @FuzzTest(maxDuration = "6m")
    void readsChanges(byte[] input) {
        timed(input, (file, dialect) -> split(file, dialect).forEach(s -> ChangeReader.read(s, dialect)));
    }

    /** One parser step per statement: token grammar, else JSqlParser and the AST's change translation. */
    @FuzzTest(maxDuration = "12m")
    void parses(byte[] input) {
        timed(input, (file, dialect) -> split(file, dialect).forEach(PARSERS.get(dialect)::parse));
    }

    /** Replays what the token grammar read onto an empty schema, statement after statement. */
    @FuzzTest(maxDuration = "6m")
    void replays(byte[] input) {
        timed(input, (file, dialect) -> {
            Schema schema = Schema.empty(dialect);
            SchemaReplayer replayer = new SchemaReplayer();
            for (ScriptStatement s : split(file, dialect)) {
                schema = replayer.applyAll(schema, ChangeReader.read(s, dialect).changes(), new ReplayContext(file))
                        .schema();
            }
        });
    }

    private static List<ScriptStatement> split(SourceFile file, Dialect dialect) {
        LexResult lexed = Lexer.lex(file.text(), LexOptions.of(dialect));
        return new ArrayList<>(Splitter.split(file, lexed));
    }

    private interface Stage {
        void run(SourceFile file, Dialect dialect);
    }

    private static void timed(byte[] input, Stage stage) {
        SourceFile file = new SourceFile(FILE, "V1__fuzz.sql", new String(input, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        for (Dialect dialect : Dialect.values()) {
            stage.run(file, dialect);
        }
        long took = System.nanoTime() - start;
        if (FUZZING && took > SLOWEST_NANOS.getAndAccumulate(took, Math::max)) {
            System.err.printf("PipelineFuzzTest: slowest input so far %.1f ms (%d bytes)%n", took / 1e6, input.length);
        }
    }
}
