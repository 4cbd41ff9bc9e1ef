package dev.migralint.core.diag;

/** A file that could not be linted; the run goes on without it. */
public record InputProblem(Location location, String message) implements Diagnostic {
}
