package dev.migralint.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run takes from its surroundings: the working directory (config lookup and the base of
 * relative paths), the environment variables, and whether standard output is a terminal. Tests pass
 * their own so that a run never depends on the JVM's working directory or the build's console.
 */
public record Environment(Path workingDir, Map<String, String> variables, boolean stdoutIsTerminal) {
    public Environment {
        workingDir = workingDir.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    public static Environment current() {
        return new Environment(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null);
    }

    /** Colour on a terminal unless NO_COLOR is set to anything non-empty (no-color.org). */
    public boolean colorAllowed() {
        String noColor = variables.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
    }

    public Path resolve(Path p) {
        return workingDir.resolve(p).normalize();
    }
}
