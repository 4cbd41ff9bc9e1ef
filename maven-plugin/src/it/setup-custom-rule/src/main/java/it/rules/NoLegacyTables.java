package it.rules;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.TextRange;
import java.util.Locale;

/** A project convention: no new objects named legacy_*. */
public final class NoLegacyTables implements StatementRule {
    private static final RuleMeta META = RuleMeta.of("no-legacy-tables", Category.CONVENTIONS, Severity.ERROR,
            "Names must not start with legacy_");
    private static final String PREFIX = "legacy_";

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        String text = ctx.statement().text().toLowerCase(Locale.ROOT);
        int at = text.indexOf(PREFIX);
        if (at >= 0) {
            int start = ctx.statement().range().start() + at;
            ctx.report(new TextRange(start, start + PREFIX.length()), "The name starts with legacy_")
                    .help("Pick a name without the legacy_ prefix");
        }
    }
}
