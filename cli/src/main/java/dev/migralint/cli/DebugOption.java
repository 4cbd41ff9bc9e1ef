package dev.migralint.cli;

import picocli.CommandLine.Option;

/** {@code --debug}, mixed into every command: stack traces and run statistics on standard error. */
public final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces of errors and run statistics to standard error.")
    boolean enabled;

    public boolean enabled() {
        return enabled;
    }
}
