package dev.migralint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A GitLab Code Quality report: a JSON array of issues (the subset of the Code Climate issue format
 * that GitLab reads), one per active finding and per input problem. GitLab shows them in the merge
 * request widget and beside the diff, and tells new issues from old ones by {@code fingerprint}; the
 * findings' own fingerprints survive line shifts, so moving a statement does not make its finding new.
 * <pre>
 * {"description": "require-concurrent-index: CREATE INDEX ...", "check_name": "require-concurrent-index",
 *  "fingerprint": "3f1c...", "severity": "minor",
 *  "location": {"path": "db/V2.sql", "lines": {"begin": 4, "end": 4}}}
 * </pre>
 * Severities: error -> {@code major}, warning -> {@code minor}, info -> {@code info}, as ESLint's and
 * other linters' GitLab formatters map theirs, so migralint ranks alike in a widget shared with them;
 * {@code critical} and {@code blocker} are left to security scanners. Suppressed findings are left
 * out: Code Quality has no notion of a dismissed issue.
 */
public final class GitlabReporter implements Reporter {
    static final String INPUT_CHECK = "input";

    public GitlabReporter(ReporterOptions options) {
        // Code Quality reports carry no tool metadata; the constructor keeps the reporters uniform.
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ArrayNode issues = JsonOutput.MAPPER.createArrayNode();
        for (Finding f : report.findings()) {
            if (!f.suppressed()) {
                String identity = f.fingerprint() != null ? f.fingerprint()
                        : f.ruleId() + '\0' + f.location().file().displayPath() + '\0' + f.location().startOffset()
                                + '\0' + f.message();
                issues.add(issue(f.ruleId(), f.message(), severity(f.severity()), f.location(), identity));
            }
        }
        for (InputProblem p : report.problems()) {
            issues.add(issue(INPUT_CHECK, p.message(), severity(Severity.ERROR), p.location(),
                    INPUT_CHECK + '\0' + p.location().file().displayPath() + '\0' + p.message()));
        }
        JsonOutput.write(out, issues);
    }

    private static ObjectNode issue(String check, String message, String severity, Location location, String identity) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("description", check + ": " + message);
        node.put("check_name", check);
        node.put("fingerprint", hash(identity));
        node.put("severity", severity);
        ObjectNode where = node.putObject("location");
        where.put("path", location.file().displayPath());
        ObjectNode lines = where.putObject("lines");
        Optional<LineColumnSpan> span = LineColumnSpan.of(location);
        // GitLab needs a line; a whole-file diagnostic points at the first.
        lines.put("begin", span.map(s -> s.start().line()).orElse(1));
        lines.put("end", span.map(LineColumnSpan::lastLine).orElse(1));
        return node;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }

    /**
     * 32 hex digits, the shape GitLab's documentation shows (an MD5 hash), derived from the finding's
     * fingerprint so that it is just as stable. SHA-256 rather than MD5, which FIPS-mode JVMs refuse.
     */
    private static String hash(String identity) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
