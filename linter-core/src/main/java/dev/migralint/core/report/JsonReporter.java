package dev.migralint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine-readable report, documented field by field in {@code docs/json-format.md}. Field names
 * are stable within a {@link #FORMAT_VERSION}; adding a field does not change the version, renaming or
 * removing one does. Every documented field is always present ({@code null} when it has no value), so
 * consumers never need to test for a missing key.
 */
public final class JsonReporter implements Reporter {
    public static final int FORMAT_VERSION = 1;

    private final ReporterOptions options;

    public JsonReporter(ReporterOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "migralint");
        tool.put("version", options.toolVersion());
        summary(root.putObject("summary"), report);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            findings.add(finding(f));
        }
        ArrayNode problems = root.putArray("problems");
        for (InputProblem p : report.problems()) {
            problems.add(problem(p));
        }
        JsonOutput.write(out, root);
    }

    private static void summary(ObjectNode node, Report report) {
        RunStats stats = report.stats() == null ? RunStats.EMPTY : report.stats();
        node.put("errors", report.count(Severity.ERROR));
        node.put("warnings", report.count(Severity.WARNING));
        node.put("infos", report.count(Severity.INFO));
        node.put("suppressed", report.findings().stream().filter(Finding::suppressed).count());
        node.put("problems", report.problems().size());
        node.put("files", stats.files());
        node.put("statements", stats.statements());
        node.put("parsed", stats.parsed());
        node.put("recognized", stats.recognized());
        node.put("skipped", stats.skipped());
        node.put("unparsed", stats.unparsed());
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("ruleId", f.ruleId());
        node.put("severity", f.severity().id());
        node.put("message", f.message());
        node.put("help", f.help());
        location(node, f.location());
        ArrayNode related = node.putArray("related");
        for (RelatedLocation r : f.related()) {
            ObjectNode rn = related.addObject();
            location(rn, r.location());
            rn.put("message", r.message());
        }
        if (f.fix() == null) {
            node.putNull("fix");
        } else {
            node.set("fix", fix(f.fix(), f.location()));
        }
        node.put("suppressed", f.suppressed());
        Suppression s = f.suppression();
        if (s == null) {
            node.putNull("suppression");
        } else {
            ObjectNode sn = node.putObject("suppression");
            sn.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            sn.put("justification", s.justification());
        }
        node.put("fingerprint", f.fingerprint());
        node.set("properties", JsonOutput.MAPPER.valueToTree(f.properties()));
        return node;
    }

    private static ObjectNode fix(Fix fix, Location location) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("description", fix.description());
        ArrayNode edits = node.putArray("edits");
        for (Fix.Edit e : fix.edits()) {
            ObjectNode en = edits.addObject();
            LineColumnSpan span = LineColumnSpan.of(location.file(), e.range());
            en.set("start", position(span.start(), span.startOffset()));
            en.set("end", position(span.end(), span.endOffset()));
            en.put("replacement", e.replacement());
        }
        return node;
    }

    private static ObjectNode problem(InputProblem p) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("file", p.location().file().displayPath());
        Optional<LineColumnSpan> span = LineColumnSpan.of(p.location());
        if (span.isPresent()) {
            node.put("line", span.get().start().line());
            node.put("column", span.get().start().column());
        } else {
            node.putNull("line");
            node.putNull("column");
        }
        node.put("message", p.message());
        return node;
    }

    /** {@code file}, {@code start} and {@code end}; start and end are null for a whole-file location. */
    private static void location(ObjectNode node, Location location) {
        node.put("file", location.file().displayPath());
        Optional<LineColumnSpan> span = LineColumnSpan.of(location);
        if (span.isPresent()) {
            node.set("start", position(span.get().start(), span.get().startOffset()));
            node.set("end", position(span.get().end(), span.get().endOffset()));
        } else {
            node.putNull("start");
            node.putNull("end");
        }
    }

    private static ObjectNode position(Position p, int offset) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("line", p.line());
        node.put("column", p.column());
        node.put("offset", offset);
        return node;
    }
}
