package dev.migralint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every format renders findings on every SQL file of the shared corpus (real line ends, tabs, BOMs,
 * non-ASCII text, huge lines) without failing, and a sample of the SARIF validates.
 */
@Tag("slow")
class CorpusRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void allFormatsRenderFindingsOnEveryCorpusFile() throws IOException {
        Optional<Path> corpus = findUp("shared/corpus");
        if (corpus.isEmpty()) {
            System.out.println("[CorpusRenderingTest] SKIPPED: shared/corpus not found above " + System.getProperty("user.dir"));
        }
        Assumptions.assumeTrue(corpus.isPresent(), "shared/corpus not found");
        JsonSchema schema = findUp("shared/schemas/sarif-schema-2.1.0.json").map(CorpusRenderingTest::load).orElse(null);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus.get())) {
            files = walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int validated = 0;
        for (int i = 0; i < files.size(); i++) {
            Path path = files.get(i);
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            SourceFile file = new SourceFile(path, corpus.get().relativize(path).toString().replace('\\', '/'), text);
            Report report = new Report(findingsFor(file), List.of(), SampleReports.RULES, corpus.get(),
                    new RunStats(1, 0, 0, 0, 0, 0));
            for (Format format : Format.values()) {
                String out = ReporterGoldenTest.render(format, report);
                assertThat(out).as("%s output for %s", format, path).isNotEmpty().doesNotContain("\u001b");
                if (format == Format.GITHUB) {
                    assertThat(out.split("\n")).as("one command per finding for %s", path)
                            .hasSize(report.findings().size());
                }
                if (format == Format.SARIF && schema != null && i % 100 == 0) {
                    JsonNode sarif = JSON.readTree(out);
                    assertThat(schema.validate(sarif)).as("SARIF for %s", path).isEmpty();
                    validated++;
                }
            }
        }
        System.out.println("[CorpusRenderingTest] rendered " + files.size() + " files; validated SARIF for " + validated);
    }

    /** A finding per statement (split at ';'), an insertion point at the end, and a range that may split a surrogate pair. */
    private static List<Finding> findingsFor(SourceFile file) {
        String text = file.text();
        List<Finding> findings = new ArrayList<>();
        int start = 0;
        for (int semi = text.indexOf(';'); semi >= 0 && findings.size() < 200; semi = text.indexOf(';', semi + 1)) {
            findings.add(finding(file, start, semi + 1));
            start = semi + 1;
        }
        findings.add(finding(file, text.length(), text.length()));
        findings.add(finding(file, text.length() / 2, Math.min(text.length(), text.length() / 2 + 3)));
        findings.add(new Finding("missing-down-migration", Severity.INFO, "whole file", new Location.WholeFile(file),
                null, List.of(), null, null, null));
        return findings;
    }

    private static Finding finding(SourceFile file, int start, int end) {
        return new Finding("drop-table", Severity.WARNING, "statement", new Location.Span(file, TextRange.of(start, end)),
                "help", List.of(), null, null, "fp");
    }

    private static JsonSchema load(Path schemaFile) {
        try (InputStream in = Files.newInputStream(schemaFile)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + schemaFile, e);
        }
    }

    private static Optional<Path> findUp(String relative) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
