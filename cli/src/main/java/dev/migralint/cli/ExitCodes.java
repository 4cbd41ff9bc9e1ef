package dev.migralint.cli;

import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.Report;

/** The process exit codes of every command, in one place. */
public final class ExitCodes {
    /** Nothing at or above the fail-on severity. */
    public static final int OK = 0;
    /** Findings at or above the fail-on severity. */
    public static final int FINDINGS = 1;
    /** A usage, configuration or input error. */
    public static final int USAGE = 2;
    /** A bug in migralint. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    /**
     * Input problems win over findings: a file that could not be read may hide findings, so the run
     * cannot be called clean or merely failing. A rule that failed (a bug) wins over both.
     */
    public static int of(Report report, FailOn failOn) {
        if (report.problems().stream().anyMatch(InputProblem::internal)) {
            return INTERNAL;
        }
        if (!report.problems().isEmpty()) {
            return USAGE;
        }
        for (Finding f : report.findings()) {
            if (!f.suppressed() && failOn.fails(f.severity())) {
                return FINDINGS;
            }
        }
        return OK;
    }
}
