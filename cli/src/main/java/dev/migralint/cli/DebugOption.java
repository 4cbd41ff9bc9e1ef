package dev.migralint.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --debug}, mixed into every command: stack traces and run statistics on standard error. It
 * may be given before the command ({@code migralint --debug check}) or after it.
 */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces of errors and run statistics to standard error.")
    boolean enabled;

    /** Whether --debug was given anywhere on the command line that {@code spec} is part of. */
    static boolean requested(CommandSpec spec) {
        return requested(spec.root().commandLine().getParseResult());
    }

    static boolean requested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
