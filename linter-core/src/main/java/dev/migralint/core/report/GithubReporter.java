package dev.migralint.core.report;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub Actions workflow commands: the runner turns each line into an annotation on the pull
 * request, with no upload step. One command per active finding and per input problem:
 * <pre>
 * ::warning file=db/V2.sql,line=4,col=1,endLine=4,endColumn=12,title=migralint require-concurrent-index::message
 * </pre>
 * {@code endColumn} is the column of the last character (inclusive, as {@code endLine} is). GitHub
 * honours columns only when a range starts and ends on one line, so a multi-line range gives lines
 * alone. The help text follows the message on a new line.
 */
public final class GithubReporter implements Reporter {

    public GithubReporter(ReporterOptions options) {
        // Workflow commands have no presentation settings; the constructor keeps the reporters uniform.
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            if (f.suppressed()) {
                continue;
            }
            String message = f.help() == null || f.help().isBlank() ? f.message() : f.message() + "\nhelp: " + f.help();
            out.write(command(command(f.severity()), f.location(), "migralint " + f.ruleId(), message));
        }
        for (InputProblem p : report.problems()) {
            out.write(command("error", p.location(), "migralint input", p.message()));
        }
        out.flush();
    }

    private static String command(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    private static String command(String name, Location location, String title, String message) {
        List<String> props = new ArrayList<>();
        props.add("file=" + escapeProperty(location.file().displayPath()));
        Optional<LineColumnSpan> span = LineColumnSpan.of(location);
        if (span.isPresent()) {
            LineColumnSpan s = span.get();
            props.add("line=" + s.start().line());
            if (s.lastLine() == s.start().line()) {
                props.add("col=" + s.start().column());
                props.add("endLine=" + s.lastLine());
                props.add("endColumn=" + s.lastColumn());
            } else {
                props.add("endLine=" + s.lastLine());
            }
        }
        props.add("title=" + escapeProperty(title));
        return "::" + name + " " + String.join(",", props) + "::" + escapeData(message) + "\n";
    }

    /** The runner's escaping for a command's message. */
    static String escapeData(String s) {
        // Line breaks become the runner's escapes (it shows them as breaks); ESC, BEL and the like are made visible.
        String escaped = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        return ControlCharacters.escape(escaped);
    }

    /** Property values additionally escape the characters that separate properties. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
