package dev.migralint.core.report;

import dev.migralint.core.engine.Report;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format's output for the sample reports, byte for byte. */
class ReporterGoldenTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TEXT, text.txt",
        "JSON, json.json",
        "SARIF, sarif.sarif.json",
        "GITHUB, github.txt",
        "GITLAB, gitlab.json",
    })
    void fullSample(Format format, String golden) throws IOException {
        GoldenFile.assertMatches(golden, render(format, SampleReports.full()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TEXT, empty-text.txt",
        "JSON, empty-json.json",
        "SARIF, empty-sarif.sarif.json",
        "GITLAB, empty-gitlab.json",
    })
    void emptyReport(Format format, String golden) throws IOException {
        GoldenFile.assertMatches(golden, render(format, SampleReports.empty()));
    }

    /** A query-log finding: lines numbered as in the log, the parent's line related, the count as a property. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TEXT, querylog-text.txt",
        "JSON, querylog-json.json",
        "SARIF, querylog-sarif.sarif.json",
    })
    void queryLogFinding(Format format, String golden) throws IOException {
        GoldenFile.assertMatches(golden, render(format, SampleReports.queryLog()));
    }

    static String render(Format format, Report report) throws IOException {
        return render(Reporters.create(format, SampleReports.OPTIONS), report);
    }

    static String render(Reporter reporter, Report report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }
}
