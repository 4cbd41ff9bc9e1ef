package dev.migralint.core.rule;

import dev.migralint.core.querylog.LogFormat;
import dev.migralint.core.querylog.LogStatement;

/** What a {@link QueryLogRule} sees of the log it checks, and how it reports. */
public interface QueryLogContext {
    LogFormat format();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    /** Reports a finding on the log line where {@code at} starts. */
    LogFindingBuilder report(LogStatement at, String message);
}
