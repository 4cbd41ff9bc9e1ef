package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;

/** A rule enabled for this run, with its configured severity and its bound options record. */
record ActiveRule(Rule rule, Severity severity, Record options) {
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

    boolean appliesTo(Dialect dialect) {
        return rule.meta().appliesTo(dialect);
    }

    /** The metadata as this run applies it: reporters show the configured severity as the default. */
    RuleMeta effectiveMeta() {
        return rule.meta().withSeverity(severity);
    }
}
