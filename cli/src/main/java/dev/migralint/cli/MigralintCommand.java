package dev.migralint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; it only dispatches to subcommands. */
@Command(name = "migralint", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Schema-aware static analysis for SQL files and database migrations.",
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error,"
                + " 3 internal error."})
final class MigralintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    /** No subcommand is a usage error: show what there is. */
    @Override
    public Integer call() {
        throw new UsageException("missing command: one of " + String.join(", ", spec.subcommands().keySet())
                + " (see 'migralint --help')");
    }
}
