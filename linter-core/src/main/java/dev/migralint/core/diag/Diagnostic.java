package dev.migralint.core.diag;

/**
 * What a run reports: {@link Finding}s from rules, and {@link InputProblem}s for input that could not
 * be linted at all (unreadable, binary, not UTF-8). Configuration problems never reach a report: they
 * stop the run before it starts ({@code ConfigException}).
 */
public sealed interface Diagnostic permits Finding, InputProblem {
    Location location();

    String message();
}
