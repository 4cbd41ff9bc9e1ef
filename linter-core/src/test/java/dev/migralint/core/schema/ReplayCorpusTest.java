package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replays every folder of SQL files in the corpus (migrations and schemas, both dialects) as one chain
 * in natural order: replay must never fail internally, whatever the input. Notes are expected (files
 * of unrelated chains share folders); their counts by kind are printed.
 */
@Tag("slow")
class ReplayCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"));

    @Test
    void replaysEveryCorpusFolderWithoutInternalErrors() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS.resolve("migrations")), "corpus not found at " + CORPUS.toAbsolutePath());
        List<String> internal = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        int files = 0;
        for (String part : List.of("migrations", "schemas")) {
            List<Path> dirs;
            try (Stream<Path> walk = Files.walk(CORPUS.resolve(part))) {
                dirs = walk.filter(Files::isDirectory).sorted().toList();
            }
            for (Path dir : dirs) {
                List<Path> sql = PostgresDifferentialTest.sqlFiles(dir, p -> p.getParent().equals(dir)
                        && !p.getFileName().toString().contains("down") && sizeOf(p) < 1_000_000);
                if (sql.isEmpty()) {
                    continue;
                }
                Dialect dialect = dir.toString().toLowerCase(Locale.ROOT).contains("mysql") ? Dialect.MYSQL
                        : Dialect.POSTGRESQL;
                Replayed r = new Replayed(Schema.empty(dialect), List.of());
                for (Path f : sql) {
                    files++;
                    r = r.then(Files.readString(f, StandardCharsets.UTF_8));
                }
                for (ReplayNote n : r.notes()) {
                    kinds.merge(dialect.id() + " " + n.kind(), 1, Integer::sum);
                    if (n.message().startsWith("change not replayed")) {
                        internal.add(dir + ": " + n.message());
                    }
                }
            }
        }
        System.out.println("replayed " + files + " corpus files; notes by kind: " + kinds);
        assertThat(files).isGreaterThan(1000);
        assertThat(internal).isEmpty();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
