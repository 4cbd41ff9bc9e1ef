package dev.migralint.rules.query;

import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.TextRange;
import java.util.List;
import java.util.Set;

/**
 * {@code x = NULL}, {@code x <> NULL} and {@code x != NULL} yield NULL, never true, so a WHERE with
 * them matches no row. Assignments ({@code UPDATE ... SET x = NULL}, MySQL's ON DUPLICATE KEY
 * UPDATE, {@code SET var = NULL}) are not comparisons and are skipped, as are routine parameter
 * defaults ({@code CREATE FUNCTION f(a int = NULL)}).
 */
@RuleInfo(id = "null-comparison", category = Category.QUERY, severity = Severity.ERROR,
        summary = "Comparing with = NULL or <> NULL is never true; use IS NULL or IS NOT NULL")
public final class NullComparison implements StatementRule {
    private static final Set<String> OPERATORS = Set.of("=", "<>", "!=");
    private static final Set<String> ASSIGNMENT_CLAUSES = Set.of("set", "update");
    private static final Set<String> ASSIGNMENT_LIST_START = Set.of("set", "update", "session", "local", "global");

    @Override
    public void check(RuleContext ctx) {
        if (ctx.parsed() instanceof ParsedStatement.Skipped) {
            return;
        }
        TokenClauses t = new TokenClauses(ctx.statement());
        int[] parameters = routineParameters(t);
        for (int i = 0; i < t.size(); i++) {
            if (i > parameters[0] && i < parameters[1]) {
                continue; // CREATE FUNCTION f(a int = NULL): a parameter default, not a comparison
            }
            String op = t.text(i);
            if (!t.isOperator(i, op) || !OPERATORS.contains(op)) {
                continue;
            }
            boolean nullRight = t.word(i + 1).equals("null");
            boolean nullLeft = t.word(i - 1).equals("null");
            if ((!nullRight && !nullLeft) || isAssignment(t, i)) {
                continue;
            }
            TextRange range = t.token(nullRight ? i : i - 1).range().union(t.token(nullRight ? i + 1 : i).range());
            String written = ctx.file().text(range);
            String operand = nullRight ? operandText(t, i - 1, ctx) : t.isIdentifier(i + 1) ? t.text(i + 1) : "";
            String comparison = operand.isEmpty() ? written : nullRight ? operand + " " + written : written + " " + operand;
            String test = op.equals("=") ? "IS NULL" : "IS NOT NULL";
            FindingBuilder finding = ctx.report(range, comparison + " is never true: any comparison with NULL yields NULL")
                    .help("Use " + (operand.isEmpty() ? "" : operand + " ") + test);
            if (nullRight) {
                finding.fix(new Fix("Replace " + written + " with " + test, List.of(new Fix.Edit(range, test))));
            }
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

    /** The parentheses of a CREATE FUNCTION / PROCEDURE parameter list, or {-1, -1}. */
    private static int[] routineParameters(TokenClauses t) {
        if (!t.word(0).equals("create")) {
            return new int[] {-1, -1};
        }
        for (int i = 1; i < Math.min(t.size(), 6); i++) {
            if (t.word(i).equals("function") || t.word(i).equals("procedure")) {
                for (int j = i + 1; j < t.size(); j++) {
                    if (t.isOperator(j, "(")) {
                        return new int[] {j, t.partner(j) < 0 ? t.size() : t.partner(j)};
                    }
                }
            }
        }
        return new int[] {-1, -1};
    }
}
