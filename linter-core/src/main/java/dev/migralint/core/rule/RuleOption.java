package dev.migralint.core.rule;

/** One configurable option of a rule: its name in config, default value as text, and what it does. */
public record RuleOption(String name, String defaultValue, String description) {
}
