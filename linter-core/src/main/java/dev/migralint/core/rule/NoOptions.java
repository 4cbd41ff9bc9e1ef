package dev.migralint.core.rule;

/** The options of a rule that has none. */
public record NoOptions() {
}
