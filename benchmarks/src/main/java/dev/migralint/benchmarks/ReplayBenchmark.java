package dev.migralint.benchmarks;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.SchemaBuilder;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.schema.Replay;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What schema replay adds to a lint: the same script linted in full ({@link #lint}: lex, split, parse,
 * translate, replay, every rule), through the front end only ({@link #frontEnd}: lex, split, parse,
 * translate), replayed only ({@link #replay}: the translated changes applied to an empty schema, as the
 * engine applies them), and replayed into schemas as {@code migralint schema} does ({@link #schema}:
 * front end and replay, no rules). Replay's share of a lint is {@code replay / lint}; what it adds to a
 * lint without it is {@code replay / (lint - replay)}.
 *
 * <p>The script is danbooru's {@code db/structure.sql} from the corpus (a 7,500-line pg_dump with 65
 * tables, their sequences, constraints and indexes) when it is found, else the generated migration
 * history of {@link MigrationScript}, repeated {@link #copies} times into schemas of their own
 * ({@code public.} becomes {@code s2.}, {@code s3.}, ...), so that times for 1 and 8 copies show
 * whether replay stays linear as the schema grows. Run by hand; docs/performance.md has the command
 * and figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ReplayBenchmark {
    private static final String DANBOORU = "schemas/danbooru_danbooru/db/structure.sql";

    /** How many copies of the script, each in its own schema. */
    @Param({"1", "8"})
    public int copies;

    private SourceFile file;
    private Config config;
    private LintEngine engine;
    private LexOptions options;
    private StatementParser parser;
    private final SchemaReplayer replayer = new SchemaReplayer();
    private List<List<SchemaChange>> changes;
    private SchemaBuilder builder;
    private MigrationChain chain;

    @Setup(Level.Trial)
    public void setUp() {
        Path corpus = MigrationScript.findCorpus();
        Path structure = corpus == null ? null : corpus.resolve(DANBOORU);
        String origin;
        String text;
        if (structure != null && Files.isRegularFile(structure)) {
            try {
                text = Files.readString(structure);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            origin = structure.toString();
        } else {
            text = MigrationScript.generated();
            origin = "generated script (corpus not found; set -Dmigralint.corpus=DIR)";
        }
        StringBuilder all = new StringBuilder(text);
        for (int i = 2; i <= copies; i++) {
            all.append("\nCREATE SCHEMA s").append(i).append(";\n").append(text.replace("public.", "s" + i + "."));
        }
        file = SourceFile.of("structure.sql", all.toString());
        config = Config.defaults();
        engine = new LintEngine(RuleRegistry.load(ReplayBenchmark.class.getClassLoader()));
        options = LexOptions.of(config.dialect());
        parser = new StatementParser(config.dialect());
        changes = translate();
        builder = new SchemaBuilder(config);
        chain = new MigrationChain(file.displayPath(), Layout.PLAIN, List.of(new Migration(null, file.displayPath(),
                Layout.PLAIN, dev.migralint.core.migration.MigrationScript.whole(file), null,
                TransactionMode.NO_TRANSACTION, false, false)));
        Schema schema = replayChanges();
        System.out.println("\nReplayBenchmark input: " + origin + " x " + copies + ", " + file.text().length() + " chars, "
                + changes.size() + " statements, " + changes.stream().mapToInt(List::size).sum() + " changes; "
                + schema.tables().size() + " tables, " + schema.indexes().size() + " indexes replayed; "
                + engine.registry().all().size() + " rules");
    }

    private List<List<SchemaChange>> translate() {
        List<List<SchemaChange>> out = new ArrayList<>();
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(file.text(), options))) {
            ParsedStatement p = parser.parse(s);
            out.add(p.changes());
        }
        return out;
    }

    private Schema replayChanges() {
        ReplayContext context = new ReplayContext(file);
        Schema schema = Schema.empty(config.dialect());
        for (List<SchemaChange> statement : changes) {
            for (SchemaChange c : statement) {
                Replay r = replayer.apply(schema, c, context);
                schema = r.schema();
            }
        }
        return schema;
    }

    @Benchmark
    public Report lint() {
        return engine.lintSources(List.of(file), config);
    }

    @Benchmark
    public List<List<SchemaChange>> frontEnd() {
        return translate();
    }

    @Benchmark
    public Schema replay() {
        return replayChanges();
    }

    @Benchmark
    public Schema schema() {
        return builder.replay(chain).schema();
    }
}
