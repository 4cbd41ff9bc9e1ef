package dev.migralint.testing;

/**
 * One {@code -- expect: rule-id "fragment" help="help fragment"} marker: a finding of {@code ruleId}
 * must start on {@code line} (1-based) of {@code file} (its display path), its message must contain
 * {@code fragment} and its help must contain {@code help}, each when given (null otherwise).
 */
public record Expectation(String file, int line, String ruleId, String fragment, String help) {

    public Expectation(String file, int line, String ruleId, String fragment) {
        this(file, line, ruleId, fragment, null);
    }

    public boolean matches(String findingFile, int findingLine, String findingRule, String message, String findingHelp) {
        return file.equals(findingFile) && line == findingLine && ruleId.equals(findingRule)
                && (fragment == null || message.contains(fragment))
                && (help == null || findingHelp != null && findingHelp.contains(help));
    }

    /** True when the marker pins part of the message or help, so it picks its finding before a bare marker. */
    public boolean specific() {
        return fragment != null || help != null;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + ruleId + (fragment == null ? "" : " " + quoted(fragment))
                + (help == null ? "" : " help=" + quoted(help));
    }

    /** The fragment as a marker writes it: in double quotes, with {@code "}, {@code \} and line breaks escaped. */
    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
