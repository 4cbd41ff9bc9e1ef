package dev.migralint.core.rule;

import dev.migralint.core.diag.Severity;

/**
 * A {@code migralint-ignore} comment that suppresses nothing or names an unknown rule. The engine
 * reports it after applying suppressions; this class gives the finding its identity and
 * documentation. Built in: every registry has it.
 */
@RuleInfo(id = UnusedSuppression.ID, category = Category.META, severity = Severity.WARNING,
        summary = "A migralint-ignore comment suppresses no finding or names an unknown rule")
public final class UnusedSuppression implements Rule {
    public static final String ID = "unused-suppression";
}
