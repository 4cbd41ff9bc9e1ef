package dev.migralint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The runner's discovery and two-way matching, with a stand-in linter whose findings the test chooses. */
class FixtureRunnerTest {
    @TempDir
    Path root;

    private final List<Config> configs = new ArrayList<>();

    /** A linter that reports one finding of {@code rule} at every occurrence of {@code needle}. */
    private BiFunction<List<SourceFile>, Config, Report> reporting(String rule, String needle) {
        return (files, config) -> {
            configs.add(config);
            List<Finding> findings = new ArrayList<>();
            for (SourceFile f : files) {
                for (int i = f.text().indexOf(needle); i >= 0; i = f.text().indexOf(needle, i + 1)) {
                    findings.add(finding(rule, f, i, "found " + needle, null));
                }
            }
            return new Report(findings, List.of(), List.of(), root, RunStats.EMPTY);
        };
    }

    private static Finding finding(String rule, SourceFile f, int offset, String message, Suppression s) {
        return new Finding(rule, Severity.WARNING, message, new Location.Span(f, new TextRange(offset, offset + 1)),
                null, List.of(), null, s, null);
    }

    private Path write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void discoversFileAndFolderCasesInNaturalOrder() throws IOException {
        write("rule-a/example-bad.sql", "X; -- expect: rule-a\n");
        write("rule-a/chain/V10__b.sql", "Y;\n");
        write("rule-a/chain/V2__a.sql", "Y;\n");
        write("rule-a/example-bad.fixed.sql", "Y;\n");
        write("rule-b/example-good.sql", "Y;\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));

        List<FixtureCase> cases = runner.discover();

        assertThat(cases).extracting(FixtureCase::id)
                .containsExactly("rule-a/chain", "rule-a/example-bad", "rule-b/example-good");
        assertThat(cases.get(0).sources()).extracting(SourceFile::displayPath)
                .containsExactly("rule-a/chain/V2__a.sql", "rule-a/chain/V10__b.sql");
        assertThat(cases.get(1).hasMarkers()).isTrue();
        assertThat(cases.get(1).fixed()).hasFileName("example-bad.fixed.sql");
        assertThat(cases.get(2).hasMarkers()).isFalse();
    }

    @Test
    void passesWhenEveryMarkerIsHitAndEveryFindingMarked() throws IOException {
        write("rule-a/ok.sql", "Y;\nX; -- expect: rule-a \"found\"\nY;\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));
        CaseOutcome outcome = runner.run(runner.discover().get(0));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.compared()).hasSize(1);
    }

    @Test
    void aRuleThatThrewFailsACaseEvenWithoutMarkers() throws IOException {
        write("rule-a/ok.sql", "Y;\n");
        FixtureRunner runner = new FixtureRunner(root, (files, config) -> new Report(List.of(),
                List.of(InputProblem.internal(new Location.WholeFile(files.get(0)), "rule rule-a failed here")),
                List.of(), root, RunStats.EMPTY));
        FixtureCase c = runner.discover().get(0);

        assertThat(runner.run(c).passed()).isFalse();
        assertThatThrownBy(() -> runner.verify(c)).hasMessageContaining("rule failed: rule-a/ok.sql: rule rule-a failed here");
    }

    @Test
    void listsMissingAndUnexpectedFindingsWithLines() throws IOException {
        write("rule-a/bad.sql", "X;\nY; -- expect: rule-a\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));
        FixtureCase c = runner.discover().get(0);

        CaseOutcome outcome = runner.run(c);

        assertThat(outcome.missing()).containsExactly(new Expectation("rule-a/bad.sql", 2, "rule-a", null));
        assertThat(outcome.unexpected()).extracting(CaseOutcome::line).containsExactly(1);
        assertThatThrownBy(() -> runner.verify(c)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("expected but not reported:\n    rule-a/bad.sql:2: rule-a")
                .hasMessageContaining("reported without a marker:\n    rule-a/bad.sql:1: rule-a: found X");
    }

    @Test
    void aFragmentMustBeInTheMessage() throws IOException {
        write("rule-a/frag.sql", "X; -- expect: rule-a \"something else\"\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));
        assertThat(runner.run(runner.discover().get(0)).passed()).isFalse();
    }

    @Test
    void twoFindingsOnOneLineNeedTwoMarkers() throws IOException {
        write("rule-a/twice.sql", "X X; -- expect: rule-a\n");
        write("rule-b/twice.sql", "X X; -- expect: rule-b -- expect: rule-b\n");
        List<FixtureCase> cases = new FixtureRunner(root, reporting("rule-a", "X")).discover();
        assertThat(new FixtureRunner(root, reporting("rule-a", "X")).run(cases.get(0)).unexpected()).hasSize(1);
        assertThat(new FixtureRunner(root, reporting("rule-b", "X")).run(cases.get(1)).passed()).isTrue();
    }

    @Test
    void ignoresFindingsOfRulesTheCaseDoesNotCheck() throws IOException {
        write("rule-a/other.sql", "X;\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-z", "X"));
        assertThat(runner.run(runner.discover().get(0)).passed()).isTrue();
    }

    @Test
    void checksParseErrorsAlways() throws IOException {
        write("rule-a/broken.sql", "X;\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("parse-error", "X"));
        assertThat(runner.run(runner.discover().get(0)).unexpected()).extracting(Finding::ruleId)
                .containsExactly("parse-error");
    }

    @Test
    void ignoresSuppressedFindings() throws IOException {
        write("rule-a/suppressed.sql", "X;\n");
        BiFunction<List<SourceFile>, Config, Report> linter = (files, config) -> new Report(
                List.of(finding("rule-a", files.get(0), 0, "x",
                        new Suppression(Suppression.Kind.INLINE, null, new Location.WholeFile(files.get(0))))),
                List.of(), List.of(), root, RunStats.EMPTY);
        FixtureRunner runner = new FixtureRunner(root, linter);
        assertThat(runner.run(runner.discover().get(0)).passed()).isTrue();
    }

    @Test
    void buildsTheRunConfigurationFromTheOptionsLine() throws IOException {
        write("rule-a/opts.sql",
                "-- options: dialect=mysql target-version=8 assume-in-transaction=true max=3\nY; -- expect: rule-b\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));
        runner.run(runner.discover().get(0));

        Config config = configs.get(0);
        assertThat(config.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(config.targetVersion()).isEqualTo(8);
        assertThat(config.assumeInTransaction()).isTrue();
        assertThat(config.rule("rule-a").enabled()).isTrue();
        assertThat(config.rule("rule-a").options()).containsExactly(java.util.Map.entry("max", com.fasterxml.jackson.databind.node.TextNode.valueOf("3")));
        assertThat(config.rule("rule-b").enabled()).isTrue();
    }

    /** A linter that reports "X" with a fix replacing it by "Y". */
    private BiFunction<List<SourceFile>, Config, Report> fixingXToY() {
        return (files, config) -> {
            List<Finding> findings = new ArrayList<>();
            for (SourceFile f : files) {
                for (int i = f.text().indexOf('X'); i >= 0; i = f.text().indexOf('X', i + 1)) {
                    TextRange r = new TextRange(i, i + 1);
                    findings.add(new Finding("rule-a", Severity.WARNING, "x", new Location.Span(f, r), null, List.of(),
                            new Fix("X to Y", List.of(new Fix.Edit(r, "Y"))), null, null));
                }
            }
            return new Report(findings, List.of(), List.of(), root, RunStats.EMPTY);
        };
    }

    @Test
    void appliesFixesAndRelintsTheResult() throws IOException {
        write("rule-a/fix.sql", "X; -- expect: rule-a\nX; -- expect: rule-a\n");
        write("rule-a/fix.fixed.sql", "Y;\nY;\n");
        FixtureRunner runner = new FixtureRunner(root, fixingXToY());
        FixtureCase c = runner.discover().get(0);
        assertThat(c.fixed()).isNotNull();
        assertThat(runner.run(c).passed()).isTrue();
    }

    @Test
    void reportsAFixThatGivesOtherText() throws IOException {
        write("rule-a/fix.sql", "X; -- expect: rule-a\n");
        write("rule-a/fix.fixed.sql", "Z;\n");
        FixtureRunner runner = new FixtureRunner(root, fixingXToY());
        assertThat(runner.run(runner.discover().get(0)).fixProblems()).singleElement().asString()
                .contains("applying the fixes (markers taken out) gives\nY;");
    }

    @Test
    void reportsAFixThatLeavesTheFindingBehind() throws IOException {
        write("rule-a/fix.sql", "XX; -- expect: rule-a -- expect: rule-a\n");
        write("rule-a/fix.fixed.sql", "YX;\n");
        // the second edit is lost to an overlap-free but incomplete fix: only the first X gets one
        BiFunction<List<SourceFile>, Config, Report> firstOnly = (files, config) -> {
            SourceFile f = files.get(0);
            List<Finding> findings = new ArrayList<>();
            int i = f.text().indexOf('X');
            if (i >= 0) {
                TextRange r = new TextRange(i, i + 1);
                findings.add(new Finding("rule-a", Severity.WARNING, "x", new Location.Span(f, r), null, List.of(),
                        i == 0 ? new Fix("X to Y", List.of(new Fix.Edit(r, "Y"))) : null, null, null));
                findings.add(finding("rule-a", f, i, "x", null));
            }
            return new Report(findings, List.of(), List.of(), root, RunStats.EMPTY);
        };
        FixtureRunner runner = new FixtureRunner(root, firstOnly);
        assertThat(runner.run(runner.discover().get(0)).fixProblems()).anyMatch(p -> p.startsWith("after the fix:"));
    }

    @Test
    void aMarkerInTheFixedFileIsStale() throws IOException {
        write("rule-a/fix.sql", "X; -- expect: rule-a\n");
        write("rule-a/fix.fixed.sql", "Y; -- expect: rule-a\n");
        FixtureRunner runner = new FixtureRunner(root, fixingXToY());
        assertThat(runner.run(runner.discover().get(0)).fixProblems())
                .anyMatch(p -> p.startsWith("fix.fixed.sql:1 has a marker (rule-a)"))
                .anyMatch(p -> p.startsWith("applying the fixes (markers taken out) gives\nY;\n"));
    }

    @Test
    void aHelpFragmentMustBeInTheHelp() throws IOException {
        write("rule-a/help.sql", "X; -- expect: rule-a help=\"say \\\"Y\\\"\"\nX; -- expect: rule-a help=\"other\"\n");
        BiFunction<List<SourceFile>, Config, Report> linter = (files, config) -> {
            SourceFile f = files.get(0);
            List<Finding> findings = new ArrayList<>();
            for (int i = f.text().indexOf('X'); i >= 0; i = f.text().indexOf('X', i + 1)) {
                findings.add(new Finding("rule-a", Severity.WARNING, "x", new Location.Span(f, new TextRange(i, i + 1)),
                        "say \"Y\" instead", List.of(), null, null, null));
            }
            return new Report(findings, List.of(), List.of(), root, RunStats.EMPTY);
        };
        FixtureRunner runner = new FixtureRunner(root, linter);
        CaseOutcome outcome = runner.run(runner.discover().get(0));
        assertThat(outcome.missing()).singleElement().asString().isEqualTo("rule-a/help.sql:2: rule-a help=\"other\"");
        assertThat(outcome.describe()).contains("help: say \"Y\" instead");
    }

    @Test
    void aFixedFileWithoutItsCaseIsAnError() throws IOException {
        write("rule-a/orphan.fixed.sql", "Y;\n");
        FixtureRunner runner = new FixtureRunner(root, fixingXToY());
        assertThatThrownBy(runner::discover).hasMessageContaining("orphan.fixed.sql");
    }

    @Test
    void rejectsAnUnknownDialect() throws IOException {
        write("rule-a/dialect.sql", "-- options: dialect=oracle\nY;\n");
        FixtureRunner runner = new FixtureRunner(root, reporting("rule-a", "X"));
        FixtureCase c = runner.discover().get(0);
        assertThatThrownBy(() -> runner.run(c)).hasMessageContaining("unknown dialect oracle");
    }
}
