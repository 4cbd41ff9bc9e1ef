package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;

/**
 * A rule enabled for this run, with its configured severity and its bound options record. The
 * metadata is read once here: the engine asks for it per rule and statement, and a rule's
 * {@link Rule#meta()} goes through a class-value look-up each time.
 */
record ActiveRule(Rule rule, RuleMeta meta, Severity severity, Record options) {
    ActiveRule(Rule rule, Severity severity, Record options) {
        this(rule, rule.meta(), severity, options);
    }

    static ActiveRule find(java.util.List<ActiveRule> rules, String id) {
        for (ActiveRule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    String id() {
        return meta.id();
    }

    boolean appliesTo(Dialect dialect) {
        return meta.appliesTo(dialect);
    }

    /** The metadata as this run applies it: reporters show the configured severity as the default. */
    RuleMeta effectiveMeta() {
        return meta.withSeverity(severity);
    }
}
