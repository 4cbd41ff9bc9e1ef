package dev.migralint.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.input.InputException;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    /** One finding per DROP TABLE, so each statement of a test script is one finding. */
    static final class NoDrop implements ChangeRule<SchemaChange.DropTable> {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("no-drop", Category.REVERSIBILITY, Severity.WARNING, "Drops a table");
        }

        @Override
        public Class<SchemaChange.DropTable> changeType() {
            return SchemaChange.DropTable.class;
        }

        @Override
        public void check(SchemaChange.DropTable change, RuleContext ctx) {
            ctx.report(change, "drop " + change.tables().get(0));
        }
    }

    private static Rule meta(String id) {
        return Rule.of(RuleMeta.of(id, Category.META, Severity.WARNING, "Engine rule " + id));
    }

    private static final LintEngine ENGINE = new LintEngine(new RuleRegistry(List.of(new NoDrop(),
            meta("parse-error"), meta("unused-suppression"))));

    private static final String V1 = """
            DROP TABLE a;
            DROP TABLE b;
            """;

    @TempDir
    Path dir;

    private static Report lint(String text) {
        return ENGINE.lintSources(List.of(SourceFile.of("db/V1__drop.sql", text)), Config.defaults());
    }

    private static List<String> active(Report report) {
        return report.activeFindings().stream().map(Finding::message).toList();
    }

    @Test
    void findingsThatMovedToOtherLinesStayBaselined() {
        Baseline baseline = Baseline.of(lint(V1));

        Report shifted = baseline.apply(lint("-- a comment\n\n\nCREATE TABLE c (id int);\n" + V1.replace("\n", "\n\n")));

        assertThat(shifted.findings()).hasSize(2);
        assertThat(active(shifted)).isEmpty();
        assertThat(shifted.findings()).allSatisfy(f -> {
            assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.BASELINE);
            assertThat(f.suppression().justification()).isEqualTo(Baseline.JUSTIFICATION);
        });
    }

    @Test
    void aNewFindingIsReported() {
        Baseline baseline = Baseline.of(lint(V1));

        Report report = baseline.apply(lint(V1 + "DROP TABLE c;\n"));

        assertThat(active(report)).containsExactly("drop c");
    }

    @Test
    void anIdenticalStatementAddedAgainIsNew() {
        Baseline baseline = Baseline.of(lint(V1));

        Report report = baseline.apply(lint(V1 + "DROP TABLE a;\n"));

        assertThat(active(report)).containsExactly("drop a");
    }

    @Test
    void aFixedFindingDisappearsAndReRecordingDropsItsEntry() {
        Baseline baseline = Baseline.of(lint(V1));

        Report fixed = lint("DROP TABLE b;\n");
        Report applied = baseline.apply(fixed);

        assertThat(applied.findings()).extracting(Finding::message).containsExactly("drop b");
        assertThat(active(applied)).isEmpty();
        assertThat(baseline.unmatched(fixed)).extracting(Baseline.Entry::message).containsExactly("drop a");
        assertThat(Baseline.of(applied).entries()).extracting(Baseline.Entry::message).containsExactly("drop b");
    }

    @Test
    void anEditedStatementIsNew() {
        Baseline baseline = Baseline.of(lint(V1));

        Report report = baseline.apply(lint("DROP TABLE a CASCADE;\nDROP TABLE b;\n"));

        assertThat(active(report)).containsExactly("drop a");
    }

    @Test
    void inlineSuppressionsStayInlineAndAreNotRecorded() {
        String text = "-- migralint-ignore no-drop -- on purpose\nDROP TABLE a;\nDROP TABLE b;\n";
        Report report = lint(text);
        Baseline baseline = Baseline.of(report);
        assertThat(baseline.entries()).extracting(Baseline.Entry::message).containsExactly("drop b");

        // Even a baseline that lists the inline-suppressed finding does not relabel it.
        Baseline everything = new Baseline(Baseline.VERSION, report.findings().stream()
                .map(f -> new Baseline.Entry(f.fingerprint(), f.ruleId(), "x", f.message())).toList());
        Report applied = everything.apply(report);
        assertThat(applied.findings()).extracting(f -> f.suppression().kind())
                .containsExactly(Suppression.Kind.INLINE, Suppression.Kind.BASELINE);
    }

    @Test
    void writesSortedJsonThatReadsBackAndDoesNotChurnOnLineShifts() throws IOException {
        Path file = dir.resolve("sub/.migralint-baseline.json");
        Baseline baseline = Baseline.of(lint("DROP TABLE z;\nDROP TABLE a;\n"));
        baseline.write(file);

        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"version\": 1,\n  \"entries\": [\n").endsWith("}\n").doesNotContain("\r");
        assertThat(json).contains("\"ruleId\": \"no-drop\"", "\"file\": \"db/V1__drop.sql\"", "\"message\": \"drop z\"");
        assertThat(Baseline.read(file)).isEqualTo(baseline);

        StringWriter again = new StringWriter();
        Baseline.of(lint("\n\nDROP TABLE z;\n\nDROP TABLE a;\n")).write(again);
        assertThat(again.toString()).isEqualTo(json);
    }

    @Test
    void emptyBaselineWritesAnEmptyList() throws IOException {
        StringWriter out = new StringWriter();
        Baseline.of(lint("CREATE TABLE t (id int);\n")).write(out);
        assertThat(out.toString()).isEqualTo("{\n  \"version\": 1,\n  \"entries\": []\n}\n");
    }

    @Test
    void missingFileIsAnInputError() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Baseline.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessage("baseline file not found: " + missing + " (record one with `migralint baseline`)");
    }

    @Test
    void malformedFilesAreOneLineInputErrors() throws IOException {
        assertThat(readError("{\"version\": 1, \"entries\": [")).startsWith(dir.resolve("b.json") + ":1:")
                .contains("not a migralint baseline");
        assertThat(readError("[]")).endsWith("not a migralint baseline: expected a JSON object");
        assertThat(readError("")).endsWith("not a migralint baseline: expected a JSON object");
        assertThat(readError("{\"entries\": []}")).endsWith("no \"version\" number");
        assertThat(readError("{\"version\": 2, \"entries\": []}")).contains("unsupported baseline version 2");
        assertThat(readError("{\"version\": 1, \"entries\": [{\"ruleId\": \"x\"}]}")).endsWith("an entry has no fingerprint");
        assertThat(readError("{\"version\": 1, \"entries\": [null]}")).endsWith("an entry has no fingerprint");
        assertThat(readError("{\"version\": 1, \"entries\": {}}")).contains("not a migralint baseline");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"version\": 1, \"note\": \"x\", \"entries\": [{\"fingerprint\": \"f:1\", \"line\": 3}]}");
        assertThat(Baseline.read(file).entries()).extracting(Baseline.Entry::fingerprint).containsExactly("f:1");
    }

    @Test
    void configuredBaselineIsRelativeToTheConfigFilesFolder() {
        Config config = ConfigLoader.parse(dir.resolve("project/.migralint.yaml"), "baseline: lint/known.json\n");
        assertThat(Baseline.configured(config)).contains(dir.resolve("project/lint/known.json"));
        assertThat(Baseline.configured(Config.defaults())).isEmpty();
    }

    private String readError(String text) throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, text);
        try {
            Baseline.read(file);
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + text);
    }
}
