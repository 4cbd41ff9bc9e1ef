package dev.migralint.core.engine;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.RuleMeta;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of a run. {@code findings} are sorted by file, offset and rule, suppressed ones included
 * (reporters that show only active findings filter them); {@code rules} are the rules that were
 * enabled, sorted by id, with their effective severity in {@code severities}; {@code baseDir} is the
 * directory file paths are relative to (SARIF's %SRCROOT%).
 */
public record Report(
        List<Finding> findings,
        List<InputProblem> problems,
        List<RuleMeta> rules,
        Path baseDir,
        RunStats stats) {

    public Report {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        rules = List.copyOf(rules);
    }

    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }
}
