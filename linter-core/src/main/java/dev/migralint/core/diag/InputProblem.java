package dev.migralint.core.diag;

/**
 * A file that could not be linted; the run goes on without it. {@code internal} marks a failure of
 * migralint itself (a rule that threw) rather than of the input, which the exit code tells apart.
 */
public record InputProblem(Location location, String message, boolean internal) implements Diagnostic {
    public InputProblem(Location location, String message) {
        this(location, message, false);
    }

    public static InputProblem internal(Location location, String message) {
        return new InputProblem(location, message, true);
    }
}
