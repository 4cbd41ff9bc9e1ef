package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SARIF output validates against the official SARIF 2.1.0 schema (shared/schemas beside the repository). */
class SarifSchemaTest {
    private static final String SCHEMA = "shared/schemas/sarif-schema-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Optional<Path> file = findSchema();
        if (file.isEmpty()) {
            System.out.println("[SarifSchemaTest] SKIPPED: " + SCHEMA + " not found above " + System.getProperty("user.dir"));
        }
        Assumptions.assumeTrue(file.isPresent(), SCHEMA + " not found; SARIF schema validation skipped");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(file.get())) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        }
    }

    /** shared/ sits beside the repository root; walk up from the module directory to find it. */
    private static Optional<Path> findSchema() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SCHEMA);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void fullSampleIsValid() throws IOException {
        assertValid(SampleReports.full());
    }

    @Test
    void emptyReportIsValid() throws IOException {
        assertValid(SampleReports.empty());
    }

    @Test
    void reportWithoutBaseDirOrStatsIsValid() throws IOException {
        Report full = SampleReports.full();
        assertValid(new Report(full.findings(), full.problems(), full.rules(), null, null));
    }

    @Test
    void findingOfARuleMissingFromReportRulesIsValid() throws IOException {
        SourceFile file = SourceFile.of("V1.sql", "CREATE TABLE t (");
        Finding parseError = finding("parse-error", Severity.WARNING,
                new Location.Span(file, TextRange.of(16, 16)), "Unexpected end of input");
        JsonNode sarif = assertValid(SampleReports.withFindings(List.of(parseError), SampleReports.RULES));
        JsonNode result = sarif.at("/runs/0/results/0");
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("parse-error");
    }

    @Test
    void filesOutsideTheBaseDirectoryAndOddNamesAreValid() throws IOException {
        SourceFile outside = new SourceFile(Path.of("/tmp/other/x.sql"), "../other/x.sql", "DROP TABLE t;");
        SourceFile absolute = new SourceFile(Path.of("/opt/sql/y.sql"), "/opt/sql/y.sql", "DROP TABLE t;");
        SourceFile odd = SourceFile.of("db/c:[100%] #1 ?.sql", "DROP TABLE t;");
        List<Finding> findings = List.of(
                finding("drop-table", Severity.WARNING, span(outside, "DROP TABLE t"), "dropped"),
                finding("drop-table", Severity.WARNING, span(absolute, "DROP TABLE t"), "dropped"),
                finding("drop-table", Severity.WARNING, span(odd, "DROP TABLE t"), "dropped"));
        JsonNode sarif = assertValid(new Report(findings, List.of(), SampleReports.RULES, Path.of("/srv/app"),
                RunStats.EMPTY));
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///tmp/other/x.sql");
        assertThat(sarif.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///opt/sql/y.sql");
        assertThat(sarif.at("/runs/0/results/2/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/c%3A%5B100%25%5D%20%231%20%3F.sql");
    }

    @Test
    void reportCutToTheLimitsIsValid() throws IOException {
        SarifReporter reporter = new SarifReporter(SampleReports.OPTIONS, new SarifLimits(3, 1, 30, 1L << 20));
        JsonNode sarif = assertValid(reporter, SampleReports.full());
        assertThat(sarif.at("/runs/0/results")).hasSize(3);
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .startsWith("migralint left out 6 of 9 results");
    }

    @Test
    void validatorRejectsBrokenSarif() throws IOException {
        ObjectNode sarif = (ObjectNode) JSON.readTree(ReporterGoldenTest.render(Format.SARIF, SampleReports.full()));
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startColumn", 0);
        ((ObjectNode) sarif.at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation"))
                .put("uri", "has space and [brackets].sql");
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("startColumn"))
                .anySatisfy(m -> assertThat(m).contains("uri"));
    }

    private static JsonNode assertValid(Report report) throws IOException {
        return assertValid(new SarifReporter(SampleReports.OPTIONS), report);
    }

    private static JsonNode assertValid(SarifReporter reporter, Report report) throws IOException {
        JsonNode sarif = JSON.readTree(ReporterGoldenTest.render(reporter, report));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).as("SARIF schema violations").isEmpty();
        return sarif;
    }
}
