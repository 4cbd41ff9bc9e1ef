package dev.migralint.rules.meta;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;

/**
 * A statement neither JSqlParser nor the token-level recognizer understood. The engine reports it
 * while parsing; this class gives the finding its identity, severity and documentation.
 */
public final class ParseError implements Rule {
    private static final RuleMeta META = RuleMeta.of("parse-error", Category.META, Severity.WARNING,
            "A statement could not be parsed, so no other rule could check it");

    @Override
    public RuleMeta meta() {
        return META;
    }
}
