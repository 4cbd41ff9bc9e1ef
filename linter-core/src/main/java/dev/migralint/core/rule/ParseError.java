package dev.migralint.core.rule;

import dev.migralint.core.diag.Severity;

/**
 * A statement that nothing could read. The engine reports it while parsing; this class gives the
 * finding its identity and documentation. Built in: every registry has it.
 */
@RuleInfo(id = ParseError.ID, category = Category.META, severity = Severity.WARNING,
        summary = "A statement could not be parsed, so no other rule could check it")
public final class ParseError implements Rule {
    public static final String ID = "parse-error";
}
