package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceFile FILE = SourceFile.of("db/V1.sql", "DROP TABLE t;\nALTER TABLE t\n  ADD c int;\n");

    @Test
    void everyIssueHasTheFieldsGitlabRequires() throws IOException {
        JsonNode issues = render(SampleReports.full());

        assertThat(issues.isArray()).isTrue();
        for (JsonNode issue : issues) {
            assertThat(issue.path("description").asText()).isNotBlank();
            assertThat(issue.path("check_name").asText()).isNotBlank();
            assertThat(issue.path("fingerprint").asText()).matches("[0-9a-f]{32}");
            assertThat(issue.path("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.at("/location/path").asText()).isNotBlank();
            assertThat(issue.at("/location/lines/begin").asInt()).isPositive();
        }
    }

    @Test
    void suppressedFindingsAreLeftOutAndInputProblemsIncluded() throws IOException {
        Report full = SampleReports.full();
        JsonNode issues = render(full);

        long active = full.findings().stream().filter(f -> !f.suppressed()).count();
        assertThat(issues).hasSize((int) active + full.problems().size());
        List<String> checks = new ArrayList<>();
        issues.forEach(i -> checks.add(i.path("check_name").asText()));
        assertThat(checks).doesNotContain("drop-table").contains(GitlabReporter.INPUT_CHECK);
    }

    @Test
    void fingerprintsAreUniqueWithinAReport() throws IOException {
        JsonNode issues = render(SampleReports.full());
        Set<String> seen = new HashSet<>();
        issues.forEach(i -> assertThat(seen.add(i.path("fingerprint").asText())).as("duplicate fingerprint").isTrue());
    }

    @Test
    void severityMapping() throws IOException {
        JsonNode issues = render(SampleReports.withFindings(List.of(
                finding("a", Severity.ERROR, span(FILE, "DROP"), "m1"),
                finding("b", Severity.WARNING, span(FILE, "ALTER"), "m2"),
                finding("c", Severity.INFO, span(FILE, "ADD"), "m3")), SampleReports.RULES));

        assertThat(issues).extracting(i -> i.path("severity").asText()).containsExactly("major", "minor", "info");
    }

    @Test
    void linesCoverTheRangeAndAWholeFileIsLineOne() throws IOException {
        int start = FILE.text().indexOf("ALTER");
        JsonNode issues = render(SampleReports.withFindings(List.of(
                finding("r", Severity.WARNING, new Location.Span(FILE, TextRange.of(start, FILE.text().length())), "m"),
                finding("w", Severity.WARNING, new Location.WholeFile(FILE), "whole")), SampleReports.RULES));

        assertThat(issues.at("/0/location/lines/begin").asInt()).isEqualTo(2);
        assertThat(issues.at("/0/location/lines/end").asInt()).isEqualTo(3);
        assertThat(issues.at("/1/location/lines/begin").asInt()).isEqualTo(1);
        assertThat(issues.at("/0/description").asText()).isEqualTo("r: m");
    }

    @Test
    void fingerprintFollowsTheFindingsFingerprintNotItsLine() throws IOException {
        SourceFile shifted = SourceFile.of("db/V1.sql", "\n\n\n" + FILE.text());
        Finding before = withFingerprint(finding("r", Severity.WARNING, span(FILE, "DROP TABLE t"), "m"), "abc:1");
        Finding after = withFingerprint(finding("r", Severity.WARNING, span(shifted, "DROP TABLE t"), "m"), "abc:1");
        Finding other = withFingerprint(finding("r", Severity.WARNING, span(FILE, "DROP TABLE t"), "m"), "abc:2");

        String a = render(SampleReports.withFindings(List.of(before), SampleReports.RULES)).at("/0/fingerprint").asText();
        String b = render(SampleReports.withFindings(List.of(after), SampleReports.RULES)).at("/0/fingerprint").asText();
        String c = render(SampleReports.withFindings(List.of(other), SampleReports.RULES)).at("/0/fingerprint").asText();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void baselineSuppressedFindingIsLeftOut() throws IOException {
        Finding f = finding("r", Severity.WARNING, span(FILE, "DROP"), "m")
                .withSuppression(new Suppression(Suppression.Kind.BASELINE, null, null));
        assertThat(render(SampleReports.withFindings(List.of(f), SampleReports.RULES))).isEmpty();
    }

    private static Finding withFingerprint(Finding f, String fingerprint) {
        return f.withFingerprint(fingerprint);
    }

    private static JsonNode render(Report report) throws IOException {
        return JSON.readTree(ReporterGoldenTest.render(Format.GITLAB, report));
    }
}
