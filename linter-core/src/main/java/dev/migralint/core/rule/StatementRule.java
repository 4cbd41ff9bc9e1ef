package dev.migralint.core.rule;

/** Sees every statement: parsed, recognized or not. Reads {@code ctx.parsed()} and {@code ctx.changes()}. */
public interface StatementRule extends Rule {
    void check(RuleContext ctx);
}
