package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleMeta ADD_REQUIRED = RuleMeta.of("add-required-column", Category.COMPATIBILITY,
            Severity.ERROR, "NOT NULL column without a default added to an existing table");
    private static final SourceFile FILE = SourceFile.of("db/V1.sql", "DROP TABLE t;\r\n-- 🚀x\r\n");

    @Test
    void everyRuleIndexPointsAtTheResultsRule() throws IOException {
        JsonNode run = render(SampleReports.full()).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(run.get("results")).hasSize(9).allSatisfy(result ->
                assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                        .isEqualTo(result.get("ruleId").asText()));
    }

    @Test
    void rulesAreSortedAndCarryTheirMetadata() throws IOException {
        JsonNode rules = render(SampleReports.full()).at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).isSortedAccordingTo(String::compareTo).hasSize(SampleReports.RULES.size());
        JsonNode rule = rules.get(ids.indexOf("require-concurrent-index"));
        assertThat(rule.get("name").asText()).isEqualTo("RequireConcurrentIndex");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("CREATE INDEX without CONCURRENTLY blocks writes");
        assertThat(rule.get("helpUri").asText())
                .isEqualTo("https://github.com/migralint/migralint/blob/main/docs/rules/require-concurrent-index.md");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(rule.at("/properties/tags/0").asText()).isEqualTo("locking");
        assertThat(rules.get(ids.indexOf("prefer-text")).at("/defaultConfiguration/level").asText()).isEqualTo("note");
    }

    @Test
    void ruleMissingFromTheReportIsAddedInOrder() throws IOException {
        Report report = SampleReports.withFindings(List.of(
                finding("zz-plugin-rule", Severity.INFO, span(FILE, "DROP"), "m"),
                finding("drop-table", Severity.WARNING, span(FILE, "DROP"), "m")), List.of(ADD_REQUIRED));
        JsonNode run = render(report).at("/runs/0");
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id"))
                .containsExactly("add-required-column", "drop-table", "zz-plugin-rule");
        assertThat(run.at("/results/0/ruleIndex").asInt()).isEqualTo(2);
        assertThat(run.at("/results/1/ruleIndex").asInt()).isEqualTo(1);
        assertThat(run.at("/tool/driver/rules/2/name").asText()).isEqualTo("ZzPluginRule");
    }

    @Test
    void levelIsWrittenEvenWhenItEqualsTheSchemaDefault() throws IOException {
        // The configuration lowered add-required-column to warning: without an explicit level, a SARIF
        // consumer would fall back to the rule's default (error).
        Report report = SampleReports.withFindings(List.of(
                finding("add-required-column", Severity.WARNING, span(FILE, "DROP"), "m")), List.of(ADD_REQUIRED));
        JsonNode run = render(report).at("/runs/0");
        assertThat(run.at("/results/0/level").asText()).isEqualTo("warning");
        assertThat(run.at("/tool/driver/rules/0/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(run.at("/results/0").has("kind")).isFalse();
        assertThat(run.at("/results/0").has("rank")).isFalse();
    }

    @Test
    void regionEndColumnIsTheColumnAfterTheLastCharacter() throws IOException {
        JsonNode region = regionOf(new Location.Span(FILE, TextRange.of(0, 12)));
        assertThat(region.get("startLine").asInt()).isEqualTo(1);
        assertThat(region.get("startColumn").asInt()).isEqualTo(1);
        assertThat(region.get("endLine").asInt()).isEqualTo(1);
        assertThat(region.get("endColumn").asInt()).isEqualTo(13);
    }

    @Test
    void emptyRangeIsAnInsertionPoint() throws IOException {
        JsonNode region = regionOf(new Location.Span(FILE, TextRange.of(5, 5)));
        assertThat(region.get("startColumn").asInt()).isEqualTo(6);
        assertThat(region.get("endColumn").asInt()).isEqualTo(6);
        assertThat(region.get("endLine").asInt()).isEqualTo(1);
    }

    @Test
    void rangeEndingWithALineBreakEndsOnThatLine() throws IOException {
        // SARIF's endLine is the line of the last character; the CRLF belongs to line 1.
        JsonNode region = regionOf(new Location.Span(FILE, TextRange.of(0, 15)));
        assertThat(region.get("endLine").asInt()).isEqualTo(1);
        assertThat(region.get("endColumn").asInt()).isEqualTo(16);
    }

    @Test
    void emojiTakesTwoUtf16Columns() throws IOException {
        JsonNode region = regionOf(span(FILE, "🚀"));
        assertThat(region.get("startLine").asInt()).isEqualTo(2);
        assertThat(region.get("startColumn").asInt()).isEqualTo(4);
        assertThat(region.get("endColumn").asInt()).isEqualTo(6);
        assertThat(render(SampleReports.empty()).at("/runs/0/columnKind").asText()).isEqualTo("utf16CodeUnits");
    }

    @Test
    void artifactUrisAreRelativeToSrcRootAndPercentEncoded() throws IOException {
        JsonNode run = render(SampleReports.full()).at("/runs/0");
        assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo("file:///srv/app/");
        JsonNode artifact = run.at("/results/7/locations/0/physicalLocation/artifactLocation");
        assertThat(artifact.get("uri").asText()).isEqualTo("db/migration/V3__na%C3%AFve%20notes.sql");
        assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }

    @Test
    void suppressionsFingerprintsAndRelatedLocations() throws IOException {
        JsonNode results = render(SampleReports.full()).at("/runs/0/results");
        JsonNode inline = results.get(1);
        assertThat(inline.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(inline.at("/suppressions/0/justification").asText()).isEqualTo("replaced by orders");
        assertThat(inline.at("/suppressions/0/location/physicalLocation/region/startLine").asInt()).isEqualTo(6);
        JsonNode baseline = results.get(5);
        assertThat(baseline.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(baseline.at("/suppressions/0").has("justification")).isFalse();
        assertThat(results.get(0).at("/partialFingerprints/migralint~1v1").asText()).isEqualTo("5d1c0a0e4b7f2a91");
        assertThat(results.get(6).has("partialFingerprints")).isFalse();
        assertThat(results.get(2).has("suppressions")).isFalse();

        JsonNode fk = results.get(3);
        assertThat(fk.at("/relatedLocations/0/id").asInt()).isEqualTo(1);
        assertThat(fk.at("/relatedLocations/0/message/text").asText()).isEqualTo("customers [referenced table] is created here");
        assertThat(fk.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/migration/V1__create_orders.sql");
        assertThat(fk.at("/message/text").asText()).isEqualTo(
                "Foreign key orders_customer_fk validates every row of orders under a lock."
                        + " See [customers \\[referenced table\\] is created here](1).\n\n"
                        + "Add it NOT VALID, then VALIDATE CONSTRAINT orders_customer_fk in a later migration");
    }

    @Test
    void messageLinksEveryRelatedLocation() {
        Finding f = new Finding("r", Severity.WARNING, "Duplicate!", span(FILE, "DROP"), null, List.of(
                new RelatedLocation(span(FILE, "TABLE"), "first"),
                new RelatedLocation(span(FILE, "t;"), "second")), null, null, null);
        assertThat(SarifReporter.messageText(f)).isEqualTo("Duplicate! See [first](1), [second](2).");
    }

    @Test
    void fixesBecomeReplacements() throws IOException {
        Finding f = new Finding("r", Severity.WARNING, "m", span(FILE, "DROP"), null, List.of(),
                new Fix("Rewrite", List.of(
                        new Fix.Edit(TextRange.of(5, 5), "IF EXISTS "),
                        new Fix.Edit(TextRange.of(12, 13), ""))), null, null);
        JsonNode fix = render(SampleReports.withFindings(List.of(f), List.of())).at("/runs/0/results/0/fixes/0");
        assertThat(fix.at("/description/text").asText()).isEqualTo("Rewrite");
        JsonNode change = fix.at("/artifactChanges/0");
        assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("db/V1.sql");
        JsonNode insert = change.at("/replacements/0");
        assertThat(insert.at("/deletedRegion/startColumn").asInt()).isEqualTo(6);
        assertThat(insert.at("/deletedRegion/endColumn").asInt()).isEqualTo(6);
        assertThat(insert.at("/insertedContent/text").asText()).isEqualTo("IF EXISTS ");
        JsonNode delete = change.at("/replacements/1");
        assertThat(delete.at("/deletedRegion/startColumn").asInt()).isEqualTo(13);
        assertThat(delete.at("/deletedRegion/endColumn").asInt()).isEqualTo(14);
        assertThat(delete.has("insertedContent")).isFalse();
    }

    @Test
    void inputProblemsAreToolExecutionNotifications() throws IOException {
        JsonNode invocation = render(SampleReports.full()).at("/runs/0/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
        JsonNode note = invocation.at("/toolExecutionNotifications/0");
        assertThat(note.get("level").asText()).isEqualTo("error");
        assertThat(note.at("/message/text").asText()).startsWith("File is not valid UTF-8");
        assertThat(note.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/migration/V4__binary.sql");
        assertThat(render(SampleReports.empty()).at("/runs/0/invocations/0").has("toolExecutionNotifications")).isFalse();
    }

    @Test
    void docsBaseWithoutTrailingSlashAndMissingVersion() throws IOException {
        Report report = SampleReports.withFindings(List.of(), List.of(ADD_REQUIRED));
        SarifReporter reporter = new SarifReporter(new ReporterOptions(false, null, "https://example.org/mig"));
        JsonNode driver = JSON.readTree(ReporterGoldenTest.render(reporter, report)).at("/runs/0/tool/driver");
        assertThat(driver.has("version")).isFalse();
        assertThat(driver.at("/rules/0/helpUri").asText()).isEqualTo("https://example.org/mig/docs/rules/add-required-column.md");
        SarifReporter noDocs = new SarifReporter(new ReporterOptions(false, "1", "not a uri"));
        JsonNode rule = JSON.readTree(ReporterGoldenTest.render(noDocs, report)).at("/runs/0/tool/driver/rules/0");
        assertThat(rule.has("helpUri")).isFalse();
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(ADD_REQUIRED.summary());
    }

    private static JsonNode regionOf(Location location) throws IOException {
        Report report = SampleReports.withFindings(List.of(finding("r", Severity.WARNING, location, "m")), List.of());
        return render(report).at("/runs/0/results/0/locations/0/physicalLocation/region");
    }

    private static JsonNode render(Report report) throws IOException {
        return JSON.readTree(ReporterGoldenTest.render(Format.SARIF, report));
    }
}
