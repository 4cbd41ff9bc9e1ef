package dev.migralint.core.rule;

import dev.migralint.core.querylog.LogStatement;

/**
 * Reads query logs. A log may be far larger than memory, so the rule sees it as a stream: for each
 * log the engine asks for a {@link LogCheck}, feeds it every statement in log order, then finishes it.
 * The rule class stays stateless; what it remembers about a log lives in the check it returned.
 */
public interface QueryLogRule extends Rule {
    LogCheck start(QueryLogContext ctx);

    /** The state of one rule over one log. */
    interface LogCheck {
        void accept(LogStatement statement);

        /** The log has ended: report what is still open. */
        default void finish() {
        }
    }
}
