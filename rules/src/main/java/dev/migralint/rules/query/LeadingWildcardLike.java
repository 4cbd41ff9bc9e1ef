package dev.migralint.rules.query;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.QueryContext;
import dev.migralint.core.rule.QueryRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

/**
 * {@code LIKE '%x'} (and ILIKE) has no fixed prefix, so a B-tree index on the column cannot narrow
 * the search: every row is read and matched. A pattern that starts with a wildcard written as a
 * literal counts, also when it is built as {@code '%' || ?} or {@code CONCAT('%', ?)}; a pattern that
 * is wholly a parameter ({@code LIKE ?}) is not reported, as what it holds is not in view.
 */
@RuleInfo(id = "leading-wildcard-like", category = Category.QUERY, severity = Severity.INFO,
        summary = "LIKE with a leading wildcard cannot use a B-tree index")
public final class LeadingWildcardLike implements QueryRule {
    @Override
    public void check(QueryContext ctx) {
        for (LikeExpression like : ctx.nodes(LikeExpression.class)) {
            LikeExpression.KeyWord kw = like.getLikeKeyWord();
            if (like.isNot() || (kw != LikeExpression.KeyWord.LIKE && kw != LikeExpression.KeyWord.ILIKE)) {
                continue;
            }
            StringValue head = leadingLiteral(like.getRightExpression());
            if (head == null || head.getValue().isEmpty() || "%_".indexOf(head.getValue().charAt(0)) < 0) {
                continue;
            }
            String keyword = kw.name();
            ctx.report(like.getRightExpression(), keyword + " pattern " + ctx.text(ctx.range(like.getRightExpression()))
                            + " starts with a wildcard, so no B-tree index on "
                            + ctx.text(ctx.range(like.getLeftExpression())) + " can serve it: every row is scanned")
                    .help("Anchor the pattern at the start ('x%') if that is what is meant; for substring search "
                            + "in PostgreSQL create a trigram index (CREATE EXTENSION pg_trgm; CREATE INDEX ... "
                            + "USING gin (col gin_trgm_ops)), or use full-text search");
        }
    }

    /** The literal a pattern starts with, looking through concatenation; null when it starts otherwise. */
    private static StringValue leadingLiteral(Expression pattern) {
        if (pattern instanceof StringValue s) {
            return s;
        }
        if (pattern instanceof Concat c) {
            return leadingLiteral(c.getLeftExpression());
        }
        if (pattern instanceof Function f && f.getName() != null
                && f.getName().toLowerCase(Locale.ROOT).equals("concat") && f.getParameters() != null
                && !f.getParameters().isEmpty()) {
            List<?> params = f.getParameters();
            return params.get(0) instanceof Expression first ? leadingLiteral(first) : null;
        }
        return null;
    }
}
