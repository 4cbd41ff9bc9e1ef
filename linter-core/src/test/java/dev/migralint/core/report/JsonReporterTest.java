package dev.migralint.core.report;

import static dev.migralint.core.report.SampleReports.finding;
import static dev.migralint.core.report.SampleReports.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void columnsAreUtf16CodeUnitsAndEndIsExclusive() throws IOException {
        JsonNode prefersText = findingOf(render(SampleReports.full()), "prefer-text");
        // "/* 注文 🚀 */ ALTER TABLE orders ADD COLUMN note " is 47 UTF-16 units: the emoji is two.
        assertThat(prefersText.at("/start/line").asInt()).isEqualTo(1);
        assertThat(prefersText.at("/start/column").asInt()).isEqualTo(48);
        assertThat(prefersText.at("/start/offset").asInt()).isEqualTo(47);
        assertThat(prefersText.at("/end/column").asInt()).isEqualTo(48 + "varchar(20)".length());
        assertThat(prefersText.at("/end/offset").asInt()).isEqualTo(47 + "varchar(20)".length());
    }

    @Test
    void crlfCountsAsOneLineBreak() throws IOException {
        JsonNode fk = findingOf(render(SampleReports.full()), "require-not-valid-foreign-key");
        assertThat(fk.at("/start/line").asInt()).isEqualTo(2);
        assertThat(fk.at("/start/column").asInt()).isEqualTo(1);
        assertThat(fk.at("/end/line").asInt()).isEqualTo(5);
        assertThat(fk.at("/end/column").asInt()).isEqualTo("  REFERENCES customers (id)".length() + 1);
    }

    @Test
    void absentValuesAreExplicitNulls() throws IOException {
        JsonNode root = render(SampleReports.full());
        JsonNode wholeFile = findingOf(root, "missing-down-migration");
        assertThat(wholeFile.get("start").isNull()).isTrue();
        assertThat(wholeFile.get("end").isNull()).isTrue();
        assertThat(wholeFile.get("help").isNull()).isTrue();
        assertThat(wholeFile.get("fix").isNull()).isTrue();
        assertThat(wholeFile.get("suppression").isNull()).isTrue();
        assertThat(wholeFile.get("fingerprint").isNull()).isTrue();
        JsonNode problem = root.at("/problems/0");
        assertThat(problem.get("line").isNull()).isTrue();
        assertThat(problem.get("column").isNull()).isTrue();
    }

    @Test
    void suppressedFindingsAreIncludedAndFlagged() throws IOException {
        JsonNode root = render(SampleReports.full());
        JsonNode dropTable = findingOf(root, "drop-table");
        assertThat(dropTable.get("suppressed").asBoolean()).isTrue();
        assertThat(dropTable.at("/suppression/kind").asText()).isEqualTo("inline");
        assertThat(dropTable.at("/suppression/justification").asText()).isEqualTo("replaced by orders");
        assertThat(root.at("/summary/suppressed").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/warnings").asInt()).isEqualTo(5);
        assertThat(root.get("findings")).hasSize(9);
    }

    @Test
    void inputProblemWithAPositionHasLineAndColumn() throws IOException {
        SourceFile file = SourceFile.of("q.sql", "SELECT 1;\nSELECT \u0000;\n");
        Report report = new Report(List.of(), List.of(new InputProblem(
                new Location.Span(file, TextRange.of(17, 18)), "NUL byte")), List.of(), null, null);
        JsonNode problem = render(report).at("/problems/0");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isEqualTo(8);
        assertThat(render(report).at("/summary/files").asInt()).isZero();
    }

    @Test
    void writerIsLeftOpenForTheCaller() throws IOException {
        StringWriter target = new StringWriter();
        boolean[] closed = {false};
        FilterWriter out = new FilterWriter(target) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        SourceFile file = SourceFile.of("a.sql", "DROP TABLE t;");
        Report report = SampleReports.withFindings(
                List.of(finding("drop-table", Severity.WARNING, span(file, "DROP TABLE t"), "m")), List.of());
        new JsonReporter(SampleReports.OPTIONS).write(report, out);
        new SarifReporter(SampleReports.OPTIONS).write(report, out);
        assertThat(closed[0]).isFalse();
        assertThat(target.toString()).endsWith("}\n");
    }

    @Test
    void everyFieldIsDocumentedAndTheDocExampleHasTheSameShape() throws IOException {
        String doc = Files.readString(findDoc(), StandardCharsets.UTF_8);
        JsonNode output = render(SampleReports.full());
        Set<String> outputPaths = paths(output);
        for (String path : outputPaths) {
            assertThat(isDocumented(doc, path)).as("docs/json-format.md documents %s", path).isTrue();
        }
        Matcher example = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(example.find()).as("docs/json-format.md has a JSON example").isTrue();
        assertThat(paths(JSON.readTree(example.group(1)))).isEqualTo(outputPaths);
    }

    /**
     * The tables name a field by its path inside the object they describe, such as {@code fix.edits[].start}
     * in the findings table, or just {@code line} in the position table: any dotted suffix counts.
     */
    private static boolean isDocumented(String doc, String path) {
        String suffix = path;
        while (true) {
            if (doc.contains("| `" + suffix + "` |")) {
                return true;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return false;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    /** Every field as a dotted path, arrays as {@code []}: the shape of a document, not its values. */
    private static Set<String> paths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                collect(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", out);
            }
        }
    }

    private static Path findDoc() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/json-format.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/json-format.md not found above " + System.getProperty("user.dir"));
    }

    private static JsonNode findingOf(JsonNode root, String ruleId) {
        for (JsonNode f : root.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no finding of " + ruleId);
    }

    private static JsonNode render(Report report) throws IOException {
        return JSON.readTree(ReporterGoldenTest.render(Format.JSON, report));
    }
}
