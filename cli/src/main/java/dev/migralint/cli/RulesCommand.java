package dev.migralint.cli;

import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migralint rules}: every available rule as a table, grouped by category. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "List every rule: id, category, default severity, whether it is on by default, summary.")
final class RulesCommand implements Callable<Integer> {
    private static final String[] HEADER = {"ID", "CATEGORY", "SEVERITY", "DEFAULT", "SUMMARY"};

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        List<RuleMeta> rules = new ArrayList<>(RuleRegistry.load(RulesCommand.class.getClassLoader()).all()
                .stream().map(r -> r.meta()).toList());
        rules.sort(Comparator.comparing(RuleMeta::category).thenComparing(RuleMeta::id));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RuleMeta m : rules) {
            rows.add(new String[] {m.id(), m.category().id(), m.defaultSeverity().id(), m.defaultOn() ? "on" : "off",
                    m.summary()});
        }
        PrintWriter out = spec.commandLine().getOut();
        printTable(rows, out);
        out.printf("%n%d rules; `migralint explain <id>` shows a rule's page.%n", rules.size());
        out.flush();
        return ExitCodes.OK;
    }

    /** Columns padded to their widest cell; the last column is not padded. */
    static void printTable(List<String[]> rows, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int c = 0; c < columns - 1; c++) {
                line.append(row[c]).append(" ".repeat(width[c] - row[c].length() + 2));
            }
            line.append(row[columns - 1]);
            out.println(line.toString().stripTrailing());
        }
    }
}
