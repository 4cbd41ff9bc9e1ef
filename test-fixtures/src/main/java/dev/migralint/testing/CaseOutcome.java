package dev.migralint.testing;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import java.util.List;

/**
 * The comparison of one case's markers with its findings: markers no finding hit, and findings no
 * marker announced. {@code compared} are all findings of the rules the case checks;
 * {@code fixProblems} says how applying the rule's fixes missed the case's {@code .fixed.sql};
 * {@code ruleFailures} are rules that threw on the case, which the engine reports and goes on from,
 * so a case without a marker where one threw would pass unless they are counted.
 */
public record CaseOutcome(FixtureCase fixture, List<Expectation> missing, List<Finding> unexpected,
                          List<Finding> compared, List<String> fixProblems, List<String> ruleFailures) {
    public CaseOutcome {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        compared = List.copyOf(compared);
        fixProblems = List.copyOf(fixProblems);
        ruleFailures = List.copyOf(ruleFailures);
    }

    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty() && fixProblems.isEmpty() && ruleFailures.isEmpty();
    }

    static int line(Finding f) {
        return f.location() instanceof Location.Span s ? s.file().position(s.range().start()).line() : 1;
    }

    static String describe(Finding f) {
        return f.location().file().displayPath() + ":" + line(f) + ": " + f.ruleId() + ": " + f.message();
    }

    /** A failure message listing expected and actual findings with their lines. */
    public String describe() {
        StringBuilder sb = new StringBuilder("fixture " + fixture.id() + " does not match its markers\n");
        ruleFailures.forEach(p -> sb.append("  rule failed: ").append(p).append('\n'));
        fixProblems.forEach(p -> sb.append("  fix: ").append(p).append('\n'));
        if (!missing.isEmpty()) {
            sb.append("  expected but not reported:\n");
            missing.forEach(e -> sb.append("    ").append(e).append('\n'));
        }
        if (!unexpected.isEmpty()) {
            sb.append("  reported without a marker:\n");
            unexpected.forEach(f -> sb.append("    ").append(describe(f)).append('\n'));
        }
        sb.append("  all markers:\n");
        fixture.expectations().forEach(e -> sb.append("    ").append(e).append('\n'));
        if (fixture.expectations().isEmpty()) {
            sb.append("    (none: a clean case)\n");
        }
        sb.append("  all findings of ").append(fixture.comparedRules()).append(":\n");
        compared.forEach(f -> sb.append("    ").append(describe(f))
                .append(f.help() == null ? "" : "\n      help: " + f.help().replace("\n", "\n            "))
                .append('\n'));
        if (compared.isEmpty()) {
            sb.append("    (none)\n");
        }
        return sb.toString();
    }
}
