package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static final Location FILE = new Location.WholeFile(SourceFile.of("V1__a.sql", "SELECT 1;"));

    private static Report with(InputProblem... problems) {
        return new Report(List.of(), List.of(problems), List.of(), Path.of("."), RunStats.EMPTY);
    }

    @Test
    void aFailedRuleIsABugAndWinsOverAnUnreadableFile() {
        InputProblem unreadable = new InputProblem(FILE, "file is not valid UTF-8; skipped");
        InputProblem failedRule = InputProblem.internal(FILE, "rule x failed here");

        assertThat(ExitCodes.of(with(), FailOn.WARNING)).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.of(with(unreadable), FailOn.WARNING)).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.of(with(unreadable, failedRule), FailOn.NEVER)).isEqualTo(ExitCodes.INTERNAL);
    }
}
