package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The danbooru structure.sql (a 7.5k-line pg_dump: 65 tables and one unlogged table, 391 CREATE INDEX
 * plus 65 primary keys, 93 foreign keys) replays to exactly that, with no notes (PostgresDifferentialTest
 * checks the details against a real PostgreSQL). Also prints how much replay adds to reading the file, the cost the
 * issue bounds (under 20% of lint time); the numbers are printed, not asserted.
 */
@Tag("slow")
class DanbooruReplayTest {
    private static final Path FILE = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"))
            .resolve("schemas/danbooru_danbooru/db/structure.sql");

    @Test
    void replaysTheWholeStructure() throws IOException {
        assumeTrue(Files.isRegularFile(FILE), "corpus not found at " + FILE.toAbsolutePath() + ": skipped");
        String text = Files.readString(FILE, StandardCharsets.UTF_8);
        SourceFile file = SourceFile.of("structure.sql", text);

        List<List<SchemaChange>> changes = new ArrayList<>();
        long frontEnd = 0;
        long replay = 0;
        Replay result = null;
        for (int round = 0; round < 5; round++) { // the first rounds warm the JIT up
            long t0 = System.nanoTime();
            changes = translate(file);
            long t1 = System.nanoTime();
            result = replay(changes, file);
            long t2 = System.nanoTime();
            frontEnd = t1 - t0;
            replay = t2 - t1;
        }
        System.out.printf("danbooru structure.sql: %d statements; lex+split+parse+translate %.1f ms, replay %.1f ms (+%.1f%%)%n",
                changes.size(), frontEnd / 1e6, replay / 1e6, 100.0 * replay / frontEnd);

        Schema schema = result.schema();
        assertThat(result.notes()).isEmpty();
        assertThat(schema.tables()).hasSize(66);
        assertThat(schema.indexes()).hasSize(391 + 65);
        assertThat(schema.indexes().stream().filter(i -> i.kind() == Index.IndexKind.PRIMARY_KEY)).hasSize(65);
        assertThat(schema.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(93);
    }

    private static List<List<SchemaChange>> translate(SourceFile file) {
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL);
        List<List<SchemaChange>> out = new ArrayList<>();
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(file.text(), LexOptions.of(Dialect.POSTGRESQL)))) {
            out.add(parser.parse(s).changes());
        }
        return out;
    }

    private static Replay replay(List<List<SchemaChange>> changes, SourceFile file) {
        SchemaReplayer replayer = new SchemaReplayer();
        ReplayContext context = new ReplayContext(file);
        Schema schema = Schema.empty(Dialect.POSTGRESQL);
        List<ReplayNote> notes = new ArrayList<>();
        for (List<SchemaChange> statement : changes) {
            Replay r = replayer.applyAll(schema, statement, context);
            schema = r.schema();
            notes.addAll(r.notes());
        }
        return new Replay(schema, notes);
    }
}
