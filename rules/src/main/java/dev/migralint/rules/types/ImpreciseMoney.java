package dev.migralint.rules.types;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.TableColumn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ColumnRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import java.util.Set;

/**
 * real and double precision are binary floating point: 0.1 has no exact value, and sums of prices
 * drift by fractions of a cent. PostgreSQL's money type has a fixed scale taken from lc_monetary,
 * so the same bytes read differently on a server with another locale, and it holds no currency.
 * A column is money-like when a word of its name is one of {@link #MONEY_WORDS}; a word such as
 * percent or rate says it is a ratio, which a float may hold.
 */
@RuleInfo(id = "imprecise-money", category = Category.TYPES, severity = Severity.WARNING,
        summary = "Store money in numeric (decimal) or integer minor units, not floating point")
public final class ImpreciseMoney implements ColumnRule {
    private static final Set<String> MONEY_WORDS = Set.of("price", "prices", "amount", "amounts", "cost", "costs",
            "total", "subtotal", "balance", "fee", "fees", "salary", "wage", "wages", "payment", "revenue", "tax",
            "discount", "refund", "budget", "charge", "invoice", "money", "income", "payout", "spend", "spent");
    private static final Set<String> RATIO_WORDS = Set.of("percent", "percentage", "pct", "ratio", "rate", "factor",
            "weight", "share", "count", "score");

    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        boolean pgMoney = ctx.dialect() == Dialect.POSTGRESQL && type.name().equals("money");
        boolean floating = type.name().equals("real") || type.name().equals("double precision");
        if (!pgMoney && !(floating && moneyLike(column.name()))) {
            return;
        }
        String message = pgMoney
                ? "Column " + c.label() + " is money, whose scale and symbol come from the server's lc_monetary setting"
                : "Column " + c.label() + " is " + type.text() + ", a binary floating-point type that cannot hold "
                        + "amounts such as 0.10 exactly";
        ctx.report(column.typeRange(), message).help("Use numeric with a fixed scale, e.g. numeric(12, 2), or an "
                + "integer of minor units (cents) in a column named so, e.g. " + column.name().toLowerCase() + "_cents bigint");
    }

    static boolean moneyLike(String name) {
        boolean money = false;
        for (String word : NameWords.of(name)) {
            if (RATIO_WORDS.contains(word)) {
                return false;
            }
            money |= MONEY_WORDS.contains(word);
        }
        return money;
    }
}
