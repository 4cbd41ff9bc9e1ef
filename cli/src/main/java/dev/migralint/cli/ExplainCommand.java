package dev.migralint.cli;

import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.rules.docs.RuleDocs;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migralint explain <id>}: prints a rule's documentation page. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Print a rule's documentation page: the problem, the fix, and examples.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "RULE", description = "A rule id, as `migralint rules` lists them.")
    String ruleId;

    @Override
    public Integer call() {
        Optional<String> page = RuleDocs.page(ruleId);
        if (page.isEmpty()) {
            RuleRegistry registry = RuleRegistry.load(ExplainCommand.class.getClassLoader());
            if (registry.contains(ruleId)) {
                // A rule from a user's rule jar may ship without a page; its summary is all there is.
                Rule rule = registry.find(ruleId).orElseThrow();
                page = Optional.of("# " + ruleId + "\n\n" + rule.meta().summary() + ".\n");
            } else {
                throw new UsageException("unknown rule '" + ruleId + "'" + suggestion(registry)
                        + " (run `migralint rules` for the list)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        String text = page.get();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return ExitCodes.OK;
    }

    private String suggestion(RuleRegistry registry) {
        return registry.all().stream()
                .map(r -> r.meta().id())
                .filter(id -> editDistance(id, ruleId) <= Math.max(2, ruleId.length() / 4))
                .min(Comparator.comparingInt(id -> editDistance(id, ruleId)))
                .map(id -> "; did you mean '" + id + "'?")
                .orElse("");
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
