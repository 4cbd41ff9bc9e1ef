package dev.migralint.rules.meta;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;

/**
 * A {@code migralint-ignore} comment that suppresses nothing or names an unknown rule. The engine
 * reports it after applying suppressions; this class gives the finding its identity and docs.
 */
public final class UnusedSuppression implements Rule {
    private static final RuleMeta META = RuleMeta.of("unused-suppression", Category.META, Severity.WARNING,
            "A migralint-ignore comment suppresses no finding or names an unknown rule");

    @Override
    public RuleMeta meta() {
        return META;
    }
}
