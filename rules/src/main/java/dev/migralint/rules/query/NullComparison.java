package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.TextRange;
import java.util.Set;

/**
 * {@code x = NULL}, {@code x <> NULL} and {@code x != NULL} yield NULL, never true, so a WHERE with
 * them matches no row. Assignments ({@code UPDATE ... SET x = NULL}, MySQL's ON DUPLICATE KEY
 * UPDATE, {@code SET var = NULL}) are not comparisons and are skipped, as are routine definitions
 * whose parameter defaults use {@code = NULL}.
 */
public final class NullComparison implements StatementRule {
    private static final RuleMeta META = RuleMeta.of("null-comparison", Category.QUERY, Severity.ERROR,
            "Comparing with = NULL or <> NULL is never true; use IS NULL or IS NOT NULL");

    private static final Set<String> OPERATORS = Set.of("=", "<>", "!=");
    private static final Set<String> ASSIGNMENT_CLAUSES = Set.of("set", "update");
    private static final Set<String> ASSIGNMENT_LIST_START = Set.of("set", "update", "session", "local", "global");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.parsed() instanceof ParsedStatement.Skipped) {
            return;
        }
        TokenClauses t = new TokenClauses(ctx.statement());
        if (definesRoutine(t)) {
            return;
        }
        for (int i = 0; i < t.size(); i++) {
            String op = t.text(i);
            if (!t.isOperator(i, op) || !OPERATORS.contains(op)) {
                continue;
            }
            boolean nullRight = t.word(i + 1).equals("null");
            boolean nullLeft = t.word(i - 1).equals("null");
            if ((!nullRight && !nullLeft) || isAssignment(t, i)) {
                continue;
            }
            int operandEnd = nullRight ? i - 1 : i + 1;
            String operand = nullRight ? operandText(t, operandEnd, ctx) : t.text(operandEnd);
            TextRange range = t.token(nullRight ? i : i - 1).range().union(t.token(nullRight ? i + 1 : i).range());
            String written = ctx.file().text(range);
            String test = op.equals("=") ? "IS NULL" : "IS NOT NULL";
            ctx.report(range, (operand.isEmpty() ? "" : operand + " ") + written
                            + " is never true: any comparison with NULL yields NULL")
                    .help("Use " + (operand.isEmpty() ? "" : operand + " ") + test);
        }
    }

    private static String operandText(TokenClauses t, int end, RuleContext ctx) {
        int start = t.referenceStart(end);
        if (start < 0 || t.isOperator(end, ")")) {
            return "";
        }
        return ctx.file().text(t.token(start).range().union(t.token(end).range()));
    }

    /** {@code SET a = NULL} or {@code , b = NULL} in an UPDATE's SET list is an assignment. */
    private static boolean isAssignment(TokenClauses t, int op) {
        if (!t.isOperator(op, "=") || !ASSIGNMENT_CLAUSES.contains(t.clause(op))) {
            return false;
        }
        int start = t.referenceStart(op - 1);
        return start > 0 && (ASSIGNMENT_LIST_START.contains(t.word(start - 1)) || t.isOperator(start - 1, ","));
    }

    private static boolean definesRoutine(TokenClauses t) {
        for (int i = 0; i < Math.min(t.size(), 6); i++) {
            String w = t.word(i);
            if (w.equals("function") || w.equals("procedure") || w.equals("trigger")) {
                return t.word(0).equals("create");
            }
        }
        return false;
    }
}
