package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void caretsStayUnderTheTextAfterWideCharactersAndEmoji() throws IOException {
        // "/* 注文 🚀 */ " is 12 UTF-16 units but 14 terminal cells: each CJK character and the emoji take two.
        SourceFile file = SourceFile.of("a.sql", "/* 注文 🚀 */ DROP TABLE t;\n");
        List<String> lines = lines(render(finding("drop-table", Severity.WARNING, span(file, "DROP TABLE t"), "m")));
        assertThat(lines.get(0)).startsWith("a.sql:1:13: warning[drop-table] m");
        assertThat(lines.get(2)).isEqualTo("1 | /* 注文 🚀 */ DROP TABLE t;");
        assertThat(lines.get(3)).isEqualTo("  | " + " ".repeat(14) + "^".repeat(12));
    }

    @Test
    void underlineOfWideCharactersIsTwoCellsEach() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "-- 注文🚀\n");
        List<String> lines = lines(render(finding("r", Severity.INFO, span(file, "注文🚀"), "m")));
        assertThat(lines.get(3)).isEqualTo("  |    " + "^".repeat(6));
    }

    @Test
    void tabsExpandTheSameWayInTheSourceLineAndTheUnderline() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "\tid\tserial,\n");
        List<String> lines = lines(render(finding("r", Severity.WARNING, span(file, "serial"), "m")));
        assertThat(lines.get(0)).startsWith("a.sql:1:5:");
        assertThat(lines.get(2)).isEqualTo("1 |     id  serial,");
        assertThat(lines.get(3)).isEqualTo("  |         ^^^^^^");
    }

    @Test
    void emptyRangeGetsOneCaretAtItsPosition() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "CREATE TABLE t (\n");
        List<String> lines = lines(render(finding("parse-error", Severity.WARNING,
                new Location.Span(file, TextRange.of(16, 16)), "Unexpected end of statement")));
        assertThat(lines.get(0)).startsWith("a.sql:1:17:");
        assertThat(lines.get(3)).isEqualTo("  | " + " ".repeat(16) + "^");
    }

    @Test
    void rangeEndingWithALineBreakIsAOneLineFrame() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;\r\nSELECT 1;\r\n");
        List<String> lines = lines(render(finding("r", Severity.WARNING,
                new Location.Span(file, TextRange.of(0, 15)), "m")));
        assertThat(lines.subList(1, 4)).containsExactly("  |", "1 | DROP TABLE t;", "  | ^^^^^^^^^^^^^");
        assertThat(lines.get(4)).isEmpty();
    }

    @Test
    void longMultiLineRangeShowsThreeLinesThenAnEllipsis() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "ALTER TABLE t\r\n  ADD a int,\r\n  ADD b int,\r\n  ADD c int;\r\n");
        List<String> lines = lines(render(finding("r", Severity.WARNING,
                new Location.Span(file, TextRange.of(0, file.text().indexOf(';') + 1)), "m")));
        assertThat(lines.subList(1, 7)).containsExactly(
                "  |",
                "1 | ALTER TABLE t",
                "  | ^^^^^^^^^^^^^",
                "2 |   ADD a int,",
                "3 |   ADD b int,",
                "  | ...");
        assertThat(String.join("\n", lines)).doesNotContain("\r");
    }

    @Test
    void shortMultiLineRangeShowsAllItsLines() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "x\n".repeat(8) + "ALTER TABLE t\n  ADD a int;\n");
        int start = file.text().indexOf("ALTER");
        List<String> lines = lines(render(finding("r", Severity.WARNING,
                new Location.Span(file, TextRange.of(start, file.text().indexOf(';'))), "m")));
        // Lines 9 and 10: the gutter widens to two digits for both.
        assertThat(lines.subList(1, 6)).containsExactly(
                "   |",
                " 9 | ALTER TABLE t",
                "   | ^^^^^^^^^^^^^",
                "10 |   ADD a int;",
                "");
    }

    @Test
    void rangePastTheEndOfTheTextIsClampedInsteadOfFailing() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;");
        List<String> lines = lines(render(finding("r", Severity.WARNING,
                new Location.Span(file, TextRange.of(5, 400)), "m")));
        assertThat(lines.get(0)).startsWith("a.sql:1:6:");
        assertThat(lines.get(3)).isEqualTo("  |      ^^^^^^^^");
    }

    @Test
    void controlCharactersFromTheInputNeverReachTheTerminal() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "SELECT '\u001b[2J';\n");
        String out = render(finding("r", Severity.INFO, span(file, "SELECT"), "bad \u001b[31m name"));
        assertThat(out).doesNotContain("\u001b").contains("SELECT '\uFFFD[2J';").contains("bad \\x1b[31m name");
    }

    @Test
    void aLineBreakInAMessageOrPathCannotStartAWorkflowCommandLine() throws IOException {
        SourceFile file = SourceFile.of("a\n::error file=f.sql::F.sql", "CREATE INDEX i ON t (c);\n");
        Finding f = new Finding("r", Severity.WARNING, "index \"i\n::error file=f.sql::FORGED\"",
                span(file, "CREATE INDEX"), "CREATE INDEX \"i\n::error file=f.sql::FORGED\";\nthen re-run",
                List.of(), null, null, null);
        List<String> lines = lines(render(f));
        assertThat(lines).noneMatch(l -> l.stripLeading().startsWith("::"));
        assertThat(lines.get(0)).isEqualTo("a\\n::error file=f.sql::F.sql:1:1: warning[r] index \"i\\n::error file=f.sql::FORGED\"");
        assertThat(lines).contains("        then re-run");
    }

    @Test
    void helpAndRelatedLocationsFollowTheFrame() throws IOException {
        SourceFile a = SourceFile.of("a.sql", "CREATE INDEX i ON t (c);\n");
        SourceFile b = SourceFile.of("b.sql", "CREATE INDEX j ON t (c);\n");
        Finding f = new Finding("duplicate-index", Severity.WARNING, "Index j duplicates i", span(b, "CREATE INDEX j"),
                "DROP INDEX j;\nthen re-run", List.of(
                        new RelatedLocation(span(a, "i ON"), "i is defined here"),
                        new RelatedLocation(new Location.WholeFile(a), "in this file")),
                null, null, null);
        List<String> lines = lines(render(f));
        assertThat(lines.subList(4, 8)).containsExactly(
                "  help: DROP INDEX j;",
                "        then re-run",
                "  note: a.sql:1:14: i is defined here",
                "  note: a.sql: in this file");
    }

    @Test
    void suppressedFindingsAreCountedNotShown() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;\n");
        Finding suppressed = finding("drop-table", Severity.WARNING, span(file, "DROP TABLE t"), "hidden")
                .withSuppression(new Suppression(Suppression.Kind.BASELINE, null, null));
        String out = render(new Report(List.of(suppressed), List.of(), List.of(), Path.of("."),
                new RunStats(1, 1, 1, 0, 0, 0)), false);
        assertThat(out).isEqualTo("No problems found in 1 file (1 suppressed).\n");
    }

    @Test
    void summaryCountsEachSeverityAndInputProblems() {
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;\n");
        Location at = span(file, "DROP");
        Report report = new Report(List.of(
                finding("a", Severity.ERROR, at, "m"),
                finding("b", Severity.ERROR, at, "m"),
                finding("c", Severity.WARNING, at, "m"),
                finding("d", Severity.INFO, at, "m"),
                finding("e", Severity.INFO, at, "m")),
                List.of(new InputProblem(new Location.WholeFile(file), "unreadable"),
                        new InputProblem(new Location.WholeFile(file), "unreadable")),
                List.of(), Path.of("."), new RunStats(7, 0, 0, 0, 0, 0));
        assertThat(TextReporter.summary(report)).isEqualTo("2 errors, 1 warning, 2 info, 2 input problems in 7 files");
        assertThat(TextReporter.summary(new Report(List.of(), List.of(), List.of(), null, null)))
                .isEqualTo("No problems found in 0 files.");
    }

    @Test
    void inputProblemWithAPositionGetsAFrame() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "SELECT 1;\n");
        Report report = new Report(List.of(), List.of(new InputProblem(span(file, "1"), "odd byte")), List.of(),
                null, new RunStats(1, 0, 0, 0, 0, 0));
        List<String> lines = lines(render(report, false));
        assertThat(lines.subList(0, 4)).containsExactly(
                "a.sql:1:8: error[input] odd byte", "  |", "1 | SELECT 1;", "  |        ^");
    }

    @Test
    void colourOnlyWhenTheOptionsAskForIt() throws IOException {
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;\n");
        Report report = SampleReports.withFindings(List.of(new Finding("drop-table", Severity.WARNING, "m",
                span(file, "DROP"), "h", List.of(), null, null, null)), List.of());
        String plain = render(report, false);
        String coloured = render(report, true);
        assertThat(plain).doesNotContain("\u001b");
        assertThat(coloured).contains("\u001b[1;33mwarning[drop-table]\u001b[0m")
                .contains("\u001b[1;33m^^^^\u001b[0m")
                .contains("\u001b[1;36mhelp:\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    private static String render(Finding f) throws IOException {
        return render(SampleReports.withFindings(List.of(f), List.of()), false);
    }

    private static String render(Report report, boolean color) throws IOException {
        return ReporterGoldenTest.render(new TextReporter(new ReporterOptions(color, "0.1.0", null)), report);
    }

    private static List<String> lines(String s) {
        return List.of(s.split("\n", -1));
    }
}
