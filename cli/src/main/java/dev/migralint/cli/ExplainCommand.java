package dev.migralint.cli;

import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleIdSuggestion;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.rules.docs.RuleDocs;
import java.io.PrintWriter;
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
                throw new UsageException("unknown rule '" + ruleId + "'" + RuleIdSuggestion.of(ruleId, registry)
                        + " (run `migralint rules` for the list)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        String text = page.get();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return ExitCodes.OK;
    }
}
