package dev.migralint.core.report;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line count of a report that every human-facing output ends with:
 * {@code 1 error, 5 warnings, 1 info in 4 files (2 suppressed)}, or
 * {@code no problems found in 4 files}. Lower case, no final period: callers frame it.
 */
public final class ReportSummary {
    private ReportSummary() {
    }

    public static String of(Report report) {
        RunStats stats = report.stats() == null ? RunStats.EMPTY : report.stats();
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        long suppressed = report.findings().stream().filter(Finding::suppressed).count();
        int problems = report.problems().size();
        String files = plural(stats.files(), "file", "files");
        String suppressedNote = suppressed > 0 ? " (" + suppressed + " suppressed)" : "";
        if (errors + warnings + infos + problems == 0) {
            return "no problems found in " + files + suppressedNote;
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(plural(errors, "error", "errors"));
        }
        if (warnings > 0) {
            parts.add(plural(warnings, "warning", "warnings"));
        }
        if (infos > 0) {
            parts.add(infos + " info");
        }
        if (problems > 0) {
            parts.add(plural(problems, "input problem", "input problems"));
        }
        return String.join(", ", parts) + " in " + files + suppressedNote;
    }

    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
