package dev.migralint.maven;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.report.ReportSummary;
import dev.migralint.core.source.Position;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * The console report, through Maven's log so that it lands in the build output at the level of each
 * finding's severity: one entry per active finding, {@code path:line:col: severity[rule-id] message},
 * with its help and related places on the following lines; input problems as errors; then a summary.
 * Paths are the report's display paths, relative to the project's base directory.
 */
final class MavenLogReporter {
    static final String INPUT_RULE = "input";

    private final Log log;

    MavenLogReporter(Log log) {
        this.log = log;
    }

    void write(Report report) {
        for (Finding f : report.findings()) {
            if (!f.suppressed()) {
                log(f.severity(), entry(f.location(), f.severity(), f.ruleId(), f.message(), f.help(), f.related()));
            }
        }
        for (InputProblem p : report.problems()) {
            log.error(entry(p.location(), Severity.ERROR, INPUT_RULE, p.message(), null, List.of()));
        }
        log.info("migralint: " + ReportSummary.of(report));
    }

    private void log(Severity severity, String text) {
        switch (severity) {
            case ERROR -> log.error(text);
            case WARNING -> log.warn(text);
            case INFO -> log.info(text);
        }
    }

    static String entry(Location location, Severity severity, String ruleId, String message, String help,
            List<RelatedLocation> related) {
        StringBuilder sb = new StringBuilder();
        sb.append(where(location)).append(' ').append(severity.id()).append('[').append(ruleId).append("] ")
                .append(clean(message));
        if (help != null && !help.isBlank()) {
            sb.append("\n  help: ").append(clean(help).replace("\n", "\n        "));
        }
        for (RelatedLocation r : related) {
            sb.append("\n  note: ").append(where(r.location())).append(' ').append(clean(r.message()));
        }
        return sb.toString();
    }

    /** {@code path:line:col:} for a span, {@code path:} for a whole file. */
    static String where(Location location) {
        String path = clean(location.file().displayPath());
        if (location instanceof Location.Span span) {
            // A range past the end of the text (a rule bug, or a file that changed) still prints.
            int offset = Math.min(span.range().start(), location.file().text().length());
            Position p = location.file().position(offset);
            return path + ":" + p.line() + ":" + p.column() + ":";
        }
        return path + ":";
    }


    /** Line breaks become one style, other control characters never reach the log. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
        }
        return sb.toString();
    }
}
