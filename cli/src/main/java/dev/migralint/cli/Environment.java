package dev.migralint.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run takes from its surroundings: the working directory (config lookup and the base of
 * relative paths), the environment variables, whether standard output is a terminal, and standard
 * input ({@code check -}). Tests pass their own so that a run never depends on the JVM's working
 * directory, the build's console or its input.
 */
public record Environment(Path workingDir, Map<String, String> variables, boolean stdoutIsTerminal, InputStream stdin) {
    public Environment {
        workingDir = workingDir.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
        stdin = stdin == null ? InputStream.nullInputStream() : stdin;
    }

    /** An environment with empty standard input. */
    public Environment(Path workingDir, Map<String, String> variables, boolean stdoutIsTerminal) {
        this(workingDir, variables, stdoutIsTerminal, null);
    }

    public static Environment current() {
        return new Environment(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null, System.in);
    }

    /**
     * Colour when {@code --color} is not given: FORCE_COLOR set to anything but empty or 0 turns it on
     * (force-color.org), else NO_COLOR set to anything non-empty turns it off (no-color.org), else a
     * terminal decides.
     */
    public boolean colorAllowed() {
        String force = variables.get("FORCE_COLOR");
        if (force != null && !force.isEmpty() && !force.equals("0")) {
            return true;
        }
        String noColor = variables.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
    }

    public Path resolve(Path p) {
        return workingDir.resolve(p).normalize();
    }
}
