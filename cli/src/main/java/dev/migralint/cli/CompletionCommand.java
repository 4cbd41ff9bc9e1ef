package dev.migralint.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migralint completion}: the bash (and zsh) completion script picocli generates from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = {"Print a completion script for bash and zsh.",
            "bash: source <(migralint completion)   zsh: autoload -U +X bashcompinit && bashcompinit;"
                    + " source <(migralint completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("migralint", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
