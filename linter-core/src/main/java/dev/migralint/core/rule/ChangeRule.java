package dev.migralint.core.rule;

import dev.migralint.core.change.SchemaChange;

/** Sees every schema change of one type, with the statement it came from in {@code ctx}. */
public interface ChangeRule<T extends SchemaChange> extends Rule {
    Class<T> changeType();

    void check(T change, RuleContext ctx);
}
