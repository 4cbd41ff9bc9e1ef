package dev.migralint.core.engine;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOptions;

/** A rule enabled for this run, with its configured severity and options. */
record ActiveRule(Rule rule, Severity severity, RuleOptions options) {
    static ActiveRule find(java.util.List<ActiveRule> rules, String id) {
        for (ActiveRule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    String id() {
        return rule.meta().id();
    }

    /** The metadata as this run applies it: reporters show the configured severity as the default. */
    RuleMeta effectiveMeta() {
        RuleMeta m = rule.meta();
        return new RuleMeta(m.id(), m.category(), severity, m.summary(), m.since(), m.defaultOn(), m.options());
    }
}
