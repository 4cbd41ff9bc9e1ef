package dev.migralint.maven;

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenLogReporterTest {
    private static final SourceFile FILE = SourceFile.of("db/V1__init.sql",
            "CREATE TABLE t (id int);\r\nCREATE INDEX i ON t (id);\n");
    private final RecordingLog log = new RecordingLog();

    private static Finding finding(String rule, Severity severity, Location location, String message, String help,
            List<RelatedLocation> related, Suppression suppression) {
        return new Finding(rule, severity, message, location, help, related, null, suppression, "fp");
    }

    private static Report report(List<Finding> findings, List<InputProblem> problems) {
        return new Report(findings, problems, List.of(), Path.of("."), new RunStats(1, 2, 2, 0, 0, 0));
    }

    @Test
    void spansPrintLineAndColumnAfterACrLf() {
        Finding f = finding("r", Severity.WARNING, new Location.Span(FILE, new TextRange(26, 38)), "m", null, List.of(),
                null);

        new MavenLogReporter(log).write(report(List.of(f), List.of()));

        assertThat(log.at("WARN")).containsExactly("db/V1__init.sql:2:1: warning[r] m");
        assertThat(log.at("INFO")).containsExactly("migralint: 1 warning in 1 file");
    }

    @Test
    void wholeFileFindingsHaveNoLineOrColumn() {
        Finding f = finding("missing-down-migration", Severity.INFO, new Location.WholeFile(FILE), "no down", null,
                List.of(), null);

        new MavenLogReporter(log).write(report(List.of(f), List.of()));

        assertThat(log.at("INFO")).first().isEqualTo("db/V1__init.sql: info[missing-down-migration] no down");
    }

    @Test
    void helpAndRelatedPlacesFollowOnTheirOwnLines() {
        Finding f = finding("duplicate-index", Severity.ERROR, new Location.Span(FILE, new TextRange(26, 30)),
                "duplicate", "DROP INDEX i;\nor keep it",
                List.of(new RelatedLocation(new Location.Span(FILE, new TextRange(0, 6)), "first here")), null);

        new MavenLogReporter(log).write(report(List.of(f), List.of()));

        assertThat(log.at("ERROR")).containsExactly("db/V1__init.sql:2:1: error[duplicate-index] duplicate\n"
                + "  help: DROP INDEX i;\n        or keep it\n"
                + "  note: db/V1__init.sql:1:1: first here");
    }

    @Test
    void suppressedFindingsAreCountedNotShown() {
        Finding f = finding("r", Severity.ERROR, new Location.Span(FILE, new TextRange(0, 6)), "m", null, List.of(),
                new Suppression(Suppression.Kind.INLINE, "known", new Location.WholeFile(FILE)));

        new MavenLogReporter(log).write(report(List.of(f), List.of()));

        assertThat(log.entries).containsExactly("INFO migralint: no problems found in 1 file (1 suppressed)");
    }

    @Test
    void inputProblemsAreErrors() {
        InputProblem p = new InputProblem(new Location.WholeFile(SourceFile.of("db/blob.sql", "")), "binary file");

        new MavenLogReporter(log).write(report(List.of(), List.of(p)));

        assertThat(log.at("ERROR")).containsExactly("db/blob.sql: error[input] binary file");
        assertThat(log.at("INFO")).containsExactly("migralint: 1 input problem in 1 file");
    }

    @Test
    void aRangePastTheEndOfTheTextStillPrintsAndControlCharactersAreReplaced() {
        Finding f = finding("r", Severity.WARNING, new Location.Span(FILE, new TextRange(500, 600)), "bad\u001b[31m",
                null, List.of(), null);

        new MavenLogReporter(log).write(report(List.of(f), List.of()));

        assertThat(log.at("WARN")).containsExactly("db/V1__init.sql:3:1: warning[r] bad\uFFFD[31m");
    }
}
