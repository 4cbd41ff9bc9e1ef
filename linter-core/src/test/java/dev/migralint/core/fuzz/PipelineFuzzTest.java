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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fast fuzz targets, one per pipeline stage, so that a campaign reaches a million executions in
 * minutes rather than the hours the whole-engine target ({@code rules/.../EngineFuzzTest}) needs.
 * Each stage gets arbitrary bytes as UTF-8 in every dialect; nothing may throw. The durations add up to
 * 34 minutes, the budget of one core the campaigns recorded in docs/hostile-input.md ran in.
 *
 * <p>{@code mvn test} replays the seeds in {@code src/test/resources/dev/migralint/core/fuzz/PipelineFuzzTestInputs/TARGET/}
 * (written by {@code scripts/fuzz-seeds}). A campaign, one target at a time (docs/hostile-input.md):
 * {@code JAZZER_FUZZ=1 mvn -o test -pl linter-core -Dtest='PipelineFuzzTest#lexes'}. When fuzzing, an input whose
 * stage takes more than a second of the fuzzing thread's CPU time is a finding (thrown, so Jazzer saves it), and
 * each new slowest input is printed. CPU time rather than wall time, so that a loaded machine does not make
 * findings of its own; and each stage first runs once over a few SQL texts, so the class loading and
 * instrumentation of the first input are not charged to it.
 */
class PipelineFuzzTest {
    private static final Path FILE = Path.of("fuzz", "V1__fuzz.sql").toAbsolutePath();
    private static final Map<Dialect, StatementParser> PARSERS = new EnumMap<>(Dialect.class);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
    private static final AtomicLong SLOWEST_NANOS = new AtomicLong();
    private static final long BOUND_NANOS = 1_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<String> WARM = ConcurrentHashMap.newKeySet();
    private static final String WARM_UP = """
            CREATE TABLE a (id bigint PRIMARY KEY, b text NOT NULL DEFAULT 'x', c int REFERENCES c (id));
            CREATE UNIQUE INDEX CONCURRENTLY a_b ON a (lower(b)) WHERE c IS NOT NULL;
            ALTER TABLE a ADD COLUMN d numeric(10, 2), ALTER COLUMN b TYPE varchar(20), DROP COLUMN c;
            INSERT INTO a (id, b) SELECT x.id, y.b FROM x JOIN y ON x.id = y.id WHERE y.b LIKE '%z' ORDER BY 1;
            UPDATE a SET b = (SELECT max(b) FROM a) WHERE id IN (1, 2, 3);
            DO $$ BEGIN EXECUTE 'DROP TABLE a'; END $$;
            """;

    static {
        for (Dialect d : Dialect.values()) {
            PARSERS.put(d, new StatementParser(d));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void lexes(byte[] input) {
        timed("lexes", input, (file, dialect) -> Lexer.lex(file.text(), LexOptions.of(dialect)));
    }

    @FuzzTest(maxDuration = "5m")
    void splits(byte[] input) {
        timed("splits", input, PipelineFuzzTest::split);
    }

    /** The token grammar's change translation, without JSqlParser. */
    @FuzzTest(maxDuration = "6m")
    void readsChanges(byte[] input) {
        timed("readsChanges", input, (file, dialect) -> split(file, dialect).forEach(s -> ChangeReader.read(s, dialect)));
    }

    /** One parser step per statement: token grammar, else JSqlParser and the AST's change translation. */
    @FuzzTest(maxDuration = "12m")
    void parses(byte[] input) {
        timed("parses", input, (file, dialect) -> split(file, dialect).forEach(PARSERS.get(dialect)::parse));
    }

    /** Replays what the token grammar read onto an empty schema, statement after statement. */
    @FuzzTest(maxDuration = "6m")
    void replays(byte[] input) {
        timed("replays", input, (file, dialect) -> {
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

    private static void timed(String target, byte[] input, Stage stage) {
        if (FUZZING && WARM.add(target)) {
            runAll(new SourceFile(FILE, "V1__fuzz.sql", WARM_UP), stage);
        }
        SourceFile file = new SourceFile(FILE, "V1__fuzz.sql", new String(input, StandardCharsets.UTF_8));
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        runAll(file, stage);
        long took = THREADS.getCurrentThreadCpuTime() - cpu;
        if (FUZZING && took > SLOWEST_NANOS.getAndAccumulate(took, Math::max)) {
            System.err.printf("PipelineFuzzTest: slowest input so far %.1f ms CPU, %.1f ms wall (%d bytes)%n",
                    took / 1e6, (System.nanoTime() - start) / 1e6, input.length);
        }
        if (FUZZING && took > BOUND_NANOS) {
            throw new AssertionError(String.format("input of %d bytes took %.1f s of CPU, over the bound of 1 s",
                    input.length, took / 1e9));
        }
    }

    private static void runAll(SourceFile file, Stage stage) {
        for (Dialect dialect : Dialect.values()) {
            stage.run(file, dialect);
        }
    }
}
