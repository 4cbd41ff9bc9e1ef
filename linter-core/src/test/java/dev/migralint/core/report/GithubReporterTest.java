package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {
    private static final SourceFile FILE = SourceFile.of("db/V1.sql", "DROP TABLE t;\nALTER TABLE t\n  ADD c int;\n");

    @Test
    void severityPicksTheCommandAndEndColumnIsInclusive() throws IOException {
        String out = render(List.of(
                finding("a", Severity.ERROR, span(FILE, "DROP TABLE t"), "m1"),
                finding("b", Severity.WARNING, span(FILE, "DROP"), "m2"),
                finding("c", Severity.INFO, span(FILE, "t;"), "m3")));
        assertThat(out).isEqualTo("""
                ::error file=db/V1.sql,line=1,col=1,endLine=1,endColumn=12,title=migralint a::m1
                ::warning file=db/V1.sql,line=1,col=1,endLine=1,endColumn=4,title=migralint b::m2
                ::notice file=db/V1.sql,line=1,col=12,endLine=1,endColumn=13,title=migralint c::m3
                """);
    }

    @Test
    void multiLineRangeGivesLinesOnly() throws IOException {
        int start = FILE.text().indexOf("ALTER");
        String out = render(List.of(finding("r", Severity.WARNING,
                new Location.Span(FILE, TextRange.of(start, FILE.text().length())), "m")));
        // The range ends with the final line break, which belongs to line 3.
        assertThat(out).isEqualTo("::warning file=db/V1.sql,line=2,endLine=3,title=migralint r::m\n");
    }

    @Test
    void emptyRangeAndWholeFile() throws IOException {
        String out = render(List.of(
                finding("r", Severity.WARNING, new Location.Span(FILE, TextRange.of(4, 4)), "here"),
                finding("w", Severity.WARNING, new Location.WholeFile(FILE), "whole")));
        assertThat(out).isEqualTo("""
                ::warning file=db/V1.sql,line=1,col=5,endLine=1,endColumn=5,title=migralint r::here
                ::warning file=db/V1.sql,title=migralint w::whole
                """);
    }

    @Test
    void messagesAndPropertiesAreEscaped() throws IOException {
        SourceFile odd = SourceFile.of("db/a,b:c%.sql", "DROP TABLE t;");
        Finding f = new Finding("r", Severity.WARNING, "100% sure: a, b\r\nnext", span(odd, "DROP"),
                "DROP TABLE IF EXISTS t;", List.of(), null, null, null);
        assertThat(render(List.of(f))).isEqualTo(
                "::warning file=db/a%2Cb%3Ac%25.sql,line=1,col=1,endLine=1,endColumn=4,title=migralint r"
                        + "::100%25 sure: a, b%0D%0Anext%0Ahelp: DROP TABLE IF EXISTS t;\n");
        assertThat(GithubReporter.escapeProperty("x:y,z%\n")).isEqualTo("x%3Ay%2Cz%25%0A");
        assertThat(GithubReporter.escapeData("x:y,z%\r")).isEqualTo("x:y,z%25%0D");
    }

    @Test
    void suppressedFindingsAreLeftOutAndInputProblemsAreErrors() throws IOException {
        Finding hidden = finding("r", Severity.ERROR, span(FILE, "DROP"), "hidden")
                .withSuppression(new Suppression(Suppression.Kind.INLINE, "ok", null));
        Report report = new Report(List.of(hidden),
                List.of(new InputProblem(new Location.WholeFile(FILE), "unreadable")), List.of(), null, null);
        assertThat(ReporterGoldenTest.render(new GithubReporter(SampleReports.OPTIONS), report))
                .isEqualTo("::error file=db/V1.sql,title=migralint input::unreadable\n");
    }

    private static String render(List<Finding> findings) throws IOException {
        return ReporterGoldenTest.render(new GithubReporter(SampleReports.OPTIONS),
                SampleReports.withFindings(findings, List.of()));
    }
}
