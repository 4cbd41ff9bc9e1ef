package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code migralint schema} on every schema and migration folder of the shared corpus: no crash, JSON
 * that parses with one entry per chain, and Mermaid diagrams that keep to the erDiagram grammar
 * whatever names real schemas use.
 */
@Tag("slow")
class SchemaCorpusTest {
    @Test
    void everyCorpusFolderGivesValidJsonAndMermaid() throws IOException {
        Path repo = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        Path corpus = repo.resolve("../shared/corpus").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                () -> "SKIPPED: corpus not found at " + corpus + "; the schema corpus test did not run");

        int diagrams = 0;
        for (String top : List.of("schemas", "migrations")) {
            try (Stream<Path> folders = Files.list(corpus.resolve(top))) {
                for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                    String rel = corpus.relativize(folder).toString();
                    CliRun mermaid = CliRun.in(corpus, "schema", "--format", "mermaid", rel);
                    assertThat(mermaid.exitCode()).as(rel + "\n" + mermaid.err()).isNotEqualTo(ExitCodes.INTERNAL);
                    for (String d : MermaidErGrammar.diagrams(mermaid.out())) {
                        assertThat(MermaidErGrammar.violations(d)).as(rel).isEmpty();
                        diagrams++;
                    }
                    CliRun json = CliRun.in(corpus, "schema", "--format", "json", rel);
                    JsonNode root = new ObjectMapper().readTree(json.out());
                    assertThat(root.path("chains")).as(rel).hasSize(MermaidErGrammar.diagrams(mermaid.out()).size());
                }
            }
        }
        assertThat(diagrams).isGreaterThan(20);
    }
}
