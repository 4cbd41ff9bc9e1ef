package dev.migralint.core.report;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Human-readable output: one block per active finding and per input problem, in report order, then a
 * summary line. Suppressed findings are counted, not shown. Lines end with LF on every platform.
 *
 * <pre>
 * db/V2__orders.sql:4:1: warning[require-concurrent-index] CREATE INDEX on orders blocks writes
 *   |
 * 4 | CREATE INDEX orders_customer_idx ON orders (customer_id);
 *   | ^^^^^^^^^^^^
 *   help: CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
 *   note: db/V1__init.sql:1:1: orders is created here
 * </pre>
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";
    private static final String BLUE = "\u001b[1;34m";
    private static final String INPUT_RULE = "input";

    private final boolean color;
    private final boolean summary;

    public TextReporter(ReporterOptions options) {
        this(options, true);
    }

    /** {@code summary} false leaves out the summary line, so that a clean run prints nothing ({@code --quiet}). */
    public TextReporter(ReporterOptions options, boolean summary) {
        this.color = options.color();
        this.summary = summary;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            if (!f.suppressed()) {
                writeDiagnostic(out, f.location(), f.severity(), f.ruleId(), f.message(), f.help(), f.related());
            }
        }
        for (InputProblem p : report.problems()) {
            writeDiagnostic(out, p.location(), Severity.ERROR, INPUT_RULE, p.message(), null, List.of());
        }
        if (summary) {
            out.write(paint(BOLD, summary(report)));
            out.write('\n');
        }
        out.flush();
    }

    private void writeDiagnostic(Writer out, Location location, Severity severity, String ruleId, String message,
            String help, List<RelatedLocation> related) throws IOException {
        String colour = colour(severity);
        Optional<LineColumnSpan> span = LineColumnSpan.of(location);
        StringBuilder sb = new StringBuilder();
        sb.append(paint(BOLD, where(location, span))).append(' ')
                .append(paint(colour, severity.id() + "[" + ruleId + "]")).append(' ')
                .append(ControlCharacters.escape(message)).append('\n');
        if (span.isPresent()) {
            CodeFrame frame = new CodeFrame(s -> paint(BLUE, s), s -> paint(colour, s));
            for (String line : frame.render(span.get())) {
                sb.append(line).append('\n');
            }
        }
        if (help != null && !help.isBlank()) {
            sb.append("  ").append(paint(CYAN, "help:")).append(' ')
                    .append(indentContinuation(ControlCharacters.escapeKeepingLineBreaks(help), "        ")).append('\n');
        }
        for (RelatedLocation r : related) {
            sb.append("  ").append(paint(BOLD, "note:")).append(' ')
                    .append(where(r.location(), LineColumnSpan.of(r.location()))).append(' ')
                    .append(ControlCharacters.escape(r.message())).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    /** {@code path:line:col:} for a span, {@code path:} for a whole file. */
    private static String where(Location location, Optional<LineColumnSpan> span) {
        String path = ControlCharacters.escape(location.file().displayPath());
        return span.map(s -> path + ":" + s.start().line() + ":" + s.start().column() + ":").orElse(path + ":");
    }

    /** The summary as a sentence: capitalized, with a period when nothing was found. */
    static String summary(Report report) {
        String line = ReportSummary.of(report);
        String sentence = Character.toUpperCase(line.charAt(0)) + line.substring(1);
        return line.startsWith("no problems") ? sentence + "." : sentence;
    }


    private static String colour(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
    }

    private String paint(String style, String s) {
        return color ? style + s + RESET : s;
    }

    /** Continuation lines of a multi-line text line up under its first line. */
    private static String indentContinuation(String s, String indent) {
        return s.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\n" + indent);
    }
}
