package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SARIF output stays within GitHub code scanning's upload limits, and says when it had to leave results out. */
class SarifLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file of {@code lines} one-statement lines, so every finding has its own line. */
    private static SourceFile file(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append("DROP TABLE t").append(i).append(";\n");
        }
        return SourceFile.of("db/V1__many.sql", sb.toString());
    }

    private static Location.Span line(SourceFile file, int index) {
        int start = file.lines().lineStart(index + 1);
        return new Location.Span(file, TextRange.of(start, start + 4));
    }

    @Test
    void aRunOverTwentyFiveThousandResultsKeepsTheMostSevereAndSaysSo() throws IOException {
        int total = 30_000;
        SourceFile file = file(total);
        List<Finding> findings = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            // 26,000 infos first, then 2,000 suppressed errors, then 2,000 active warnings.
            Severity severity = i < 26_000 ? Severity.INFO : i < 28_000 ? Severity.ERROR : Severity.WARNING;
            Finding f = finding("r" + (i % 3), severity, line(file, i), "finding " + i).withFingerprint("fp" + i);
            if (i >= 26_000 && i < 28_000) {
                f = f.withSuppression(new Suppression(Suppression.Kind.BASELINE, null, null));
            }
            findings.add(f);
        }

        JsonNode run = render(new SarifReporter(SampleReports.OPTIONS),
                SampleReports.withFindings(findings, SampleReports.RULES)).at("/runs/0");

        JsonNode results = run.get("results");
        assertThat(results).hasSize(25_000);
        int warnings = 0;
        int suppressedErrors = 0;
        int infos = 0;
        int previous = -1;
        for (JsonNode r : results) {
            int index = Integer.parseInt(r.at("/message/text").asText().substring("finding ".length()));
            assertThat(index).as("report order is kept").isGreaterThan(previous);
            previous = index;
            switch (r.get("level").asText()) {
                case "warning" -> warnings++;
                case "error" -> suppressedErrors++;
                default -> infos++;
            }
            assertThat(run.at("/tool/driver/rules").get(r.get("ruleIndex").asInt()).get("id").asText())
                    .isEqualTo(r.get("ruleId").asText());
        }
        // Active findings first by severity (warnings, then infos), then the suppressed errors.
        assertThat(warnings).isEqualTo(2_000);
        assertThat(infos).isEqualTo(23_000);
        assertThat(suppressedErrors).isZero();
        JsonNode notice = run.at("/invocations/0/toolExecutionNotifications/0");
        // The SDK leaves out a level equal to the schema's default, which for a notification is warning.
        assertThat(notice.path("level").asText("warning")).isEqualTo("warning");
        assertThat(notice.at("/message/text").asText())
                .startsWith("migralint left out 5000 of 30000 results: GitHub code scanning rejects a run with more than 25000 results");
    }

    @Test
    void aReportWithinTheLimitsIsWrittenWhole() throws IOException {
        JsonNode run = render(new SarifReporter(SampleReports.OPTIONS), SampleReports.full()).at("/runs/0");
        assertThat(run.get("results")).hasSize(SampleReports.full().findings().size());
        assertThat(run.at("/invocations/0/toolExecutionNotifications").findValuesAsText("text"))
                .noneMatch(t -> t.contains("left out"));
    }

    @Test
    void longMessagesAreCutWithAMarker() throws IOException {
        SourceFile file = file(1);
        String longMessage = "x".repeat(SarifLimits.GITHUB.maxMessageChars() * 3);
        Finding f = finding("r", Severity.WARNING, line(file, 0), longMessage);

        String text = render(new SarifReporter(SampleReports.OPTIONS),
                SampleReports.withFindings(List.of(f), SampleReports.RULES)).at("/runs/0/results/0/message/text").asText();

        assertThat(text).hasSize(SarifLimits.GITHUB.maxMessageChars()).endsWith(SarifLimits.TRUNCATED);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        SarifLimits limits = new SarifLimits(10, 10, SarifLimits.TRUNCATED.length() + 3, 1024);
        String cut = limits.truncate("ab🚀" + "c".repeat(50));
        assertThat(cut).isEqualTo("ab" + SarifLimits.TRUNCATED);
        assertThat(limits.truncate("short")).isEqualTo("short");
    }

    @Test
    void relatedLocationsAreCappedAndTheMessageLinksOnlyThoseKept() throws IOException {
        SourceFile file = file(5);
        List<RelatedLocation> related = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            related.add(new RelatedLocation(line(file, i), "other " + i));
        }
        Finding f = new Finding("r", Severity.WARNING, "dup", line(file, 0), null, related, null, null, null);
        SarifReporter reporter = new SarifReporter(SampleReports.OPTIONS, new SarifLimits(100, 2, 1000, 1L << 20));

        JsonNode result = render(reporter, SampleReports.withFindings(List.of(f), SampleReports.RULES))
                .at("/runs/0/results/0");

        assertThat(result.get("relatedLocations")).hasSize(2);
        assertThat(result.at("/message/text").asText()).isEqualTo("dup. See [other 1](1), [other 2](2).");
    }

    @Test
    void aFileOverTheCompressedSizeLimitKeepsFewerResults() throws IOException {
        SourceFile file = file(400);
        Random random = new Random(42);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Random text compresses poorly, so the size limit binds before the result limit.
            StringBuilder noise = new StringBuilder();
            for (int k = 0; k < 200; k++) {
                noise.append((char) ('a' + random.nextInt(26)));
            }
            findings.add(finding("r", i < 10 ? Severity.ERROR : Severity.INFO, line(file, i), i + " " + noise));
        }
        long limit = 16 * 1024;
        SarifReporter reporter = new SarifReporter(SampleReports.OPTIONS, new SarifLimits(25_000, 1000, 8000, limit));
        StringWriter out = new StringWriter();
        reporter.write(SampleReports.withFindings(findings, SampleReports.RULES), out);

        assertThat(SarifLimits.gzipSize(out.toString())).isLessThanOrEqualTo(limit);
        JsonNode run = JSON.readTree(out.toString()).at("/runs/0");
        assertThat(run.get("results").size()).isBetween(10, 399);
        assertThat(run.get("results")).filteredOn(r -> r.get("level").asText().equals("error")).hasSize(10);
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .contains("results: the file would exceed 16384 bytes gzip-compressed");
    }

    @Test
    void sizesReadNaturally() {
        assertThat(SarifLimits.size(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(SarifLimits.size(1500)).isEqualTo("1500 bytes");
    }

    private static JsonNode render(SarifReporter reporter, Report report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return JSON.readTree(out.toString());
    }
}
