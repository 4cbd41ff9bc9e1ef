package dev.migralint.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.ParsedStatement;
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
import java.util.Locale;
import java.util.stream.Stream;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Translates every statement of the real-world migrations in the shared corpus: nothing may throw,
 * every change must point inside its statement, and every CREATE TABLE / CREATE INDEX that
 * JSqlParser parsed must come out as that change, not as an opaque one.
 */
@Tag("slow")
class StatementChangesCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"));

    @Test
    void translatesTheCorpusMigrations() throws IOException {
        assertThat(translateAll(CORPUS.resolve("migrations"), Long.MAX_VALUE)).isGreaterThan(1000);
    }

    /** pg_dump-style schemas: many index and column forms. The multi-megabyte data dumps are left out. */
    @Test
    void translatesTheCorpusSchemas() throws IOException {
        assertThat(translateAll(CORPUS.resolve("schemas"), 1_000_000)).isGreaterThan(1000);
    }

    private int translateAll(Path dir, long maxBytes) throws IOException {
        assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir.toAbsolutePath() + ": skipped");
        List<String> problems = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql") && size(p) <= maxBytes).sorted().toList()) {
                Dialect dialect = f.toString().toLowerCase(Locale.ROOT).contains("mysql") ? Dialect.MYSQL : Dialect.POSTGRESQL;
                String text = Files.readString(f, StandardCharsets.UTF_8);
                SourceFile file = SourceFile.of(f.toString(), text);
                StatementParser parser = new StatementParser(dialect);
                for (ScriptStatement s : Splitter.split(file, Lexer.lex(text, LexOptions.of(dialect)))) {
                    statements++;
                    ParsedStatement parsed = parser.parse(s);
                    List<SchemaChange> changes = parsed.changes();
                    String where = f + " @" + s.range().start() + ": ";
                    if (changes.isEmpty() && !(parsed instanceof ParsedStatement.Skipped)) {
                        problems.add(where + "no change");
                    }
                    for (SchemaChange c : changes) {
                        if (!s.range().contains(c.range())) {
                            problems.add(where + "range outside statement: " + c);
                        }
                        if (c instanceof Opaque o && o.what().contains("not translated")) {
                            problems.add(where + o.what());
                        }
                    }
                    if (parsed instanceof ParsedStatement.Parsed p
                            && (p.ast() instanceof CreateTable || p.ast() instanceof CreateIndex)
                            && changes.stream().anyMatch(c -> c instanceof Opaque)) {
                        problems.add(where + "parsed " + p.ast().getClass().getSimpleName() + " came out opaque: "
                                + s.text().lines().findFirst().orElse(""));
                    }
                    if (parsed instanceof ParsedStatement.Parsed p && p.ast() instanceof CreateTable ct
                            && changes.get(0) instanceof SchemaChange.CreateTable t) {
                        List<String> expected = ct.getColumnDefinitions() == null ? List.of()
                                : ct.getColumnDefinitions().stream()
                                        .map(d -> ObjectName.normalize(d.getColumnName(), dialect)).toList();
                        List<String> actual = t.columns().stream().map(ColumnDef::name).toList();
                        if (!expected.equals(actual)) {
                            problems.add(where + "columns " + actual + " but JSqlParser read " + expected);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("translation problems in %d statements", statements).isEmpty();
        return statements;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
