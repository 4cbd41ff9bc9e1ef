package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import java.util.Set;
import net.sf.jsqlparser.statement.create.view.CreateView;

/**
 * {@code SELECT *} and {@code t.*} in a select list. Not {@code count(*)} and not
 * {@code EXISTS (SELECT * ...)}, where the star selects nothing. Views are included on purpose:
 * PostgreSQL and MySQL expand the star when the view is created, so the view silently keeps the old
 * column list after columns are added, and (in PostgreSQL) blocks dropping the columns it captured.
 */
@RuleInfo(id = "select-star", category = Category.QUERY, severity = Severity.INFO,
        summary = "SELECT * couples the query to the table's current column list")
public final class SelectStar implements StatementRule {
    private static final Set<String> LIST_START = Set.of("select", "distinct", "all");

    @Override
    public void check(RuleContext ctx) {
        if (ctx.parsed() instanceof ParsedStatement.Skipped) {
            return;
        }
        String view = ctx.parsed() instanceof ParsedStatement.Parsed p && p.ast() instanceof CreateView v
                ? v.getView().getFullyQualifiedName() : null;
        TokenClauses t = new TokenClauses(ctx.statement());
        for (int i = 0; i < t.size(); i++) {
            if (!t.isOperator(i, "*") || !t.clause(i).equals("select") || t.opener(i).equals("exists")) {
                continue;
            }
            int start = i;
            if (t.isOperator(i - 1, ".")) {
                start = t.referenceStart(i - 2);
                if (start < 0) {
                    continue;
                }
            }
            if (!LIST_START.contains(t.word(start - 1)) && !t.isOperator(start - 1, ",")) {
                continue; // a multiplication
            }
            String star = ctx.file().text(t.token(start).range().union(t.token(i).range()));
            String message = view != null
                    ? star + " in view " + view + " is expanded once, when the view is created: columns added "
                            + "later will not appear in it"
                    : star + " selects every column, so the result changes whenever the table's columns change";
            ctx.report(t.token(start).range().union(t.token(i).range()), message)
                    .help("List the columns the query needs by name");
        }
    }
}
