package dev.migralint.core.rule;

/**
 * A lint rule. Implementations are stateless, registered in
 * {@code META-INF/services/dev.migralint.core.rule.Rule}, and subscribe to what they inspect through
 * one of the sub-interfaces. A rule that implements none of them is reported by the engine itself
 * (such as {@code parse-error}).
 */
public interface Rule {
    RuleMeta meta();
}
