package dev.migralint.testing;

/**
 * One {@code -- expect: rule-id "fragment"} marker: a finding of {@code ruleId} must start on
 * {@code line} (1-based) of {@code file} (its display path), and its message must contain
 * {@code fragment} when one is given (null otherwise).
 */
public record Expectation(String file, int line, String ruleId, String fragment) {

    public boolean matches(String findingFile, int findingLine, String findingRule, String message) {
        return file.equals(findingFile) && line == findingLine && ruleId.equals(findingRule)
                && (fragment == null || message.contains(fragment));
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + ruleId + (fragment == null ? "" : " \"" + fragment + "\"");
    }
}
