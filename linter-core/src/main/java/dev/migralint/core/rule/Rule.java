package dev.migralint.core.rule;

/**
 * A lint rule. Implementations are stateless, carry their identity in a {@link RuleInfo} annotation,
 * are registered in {@code META-INF/services/dev.migralint.core.rule.Rule}, and subscribe to what they
 * inspect through one of the sub-interfaces. A rule that implements none of them is reported by the
 * engine itself (such as {@code parse-error}).
 */
public interface Rule {
    /** The metadata on the class's {@link RuleInfo}; override only for a rule that computes its identity. */
    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }

    /** A rule with this identity that checks nothing itself: for findings reported by other means (tests, tools). */
    static Rule of(RuleMeta meta) {
        return new Rule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }
        };
    }
}
