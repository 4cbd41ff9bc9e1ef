package dev.migralint.core.rule;

import dev.migralint.core.querylog.LogStatement;

/** Adds detail to a finding a {@link QueryLogRule} has just reported. */
public interface LogFindingBuilder {
    LogFindingBuilder help(String help);

    /** Another log line that explains the finding, such as the statement that started a run. */
    LogFindingBuilder related(LogStatement at, String message);

    /**
     * A machine-readable figure of the finding, such as a count; reporters that carry data (JSON,
     * SARIF) put it in the finding's {@code properties}. Values are strings, numbers or booleans.
     */
    LogFindingBuilder property(String name, Object value);
}
