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
import java.util.List;
import java.util.Set;

/**
 * A column named as a point in time ({@code created_at}, {@code due_date}, {@code posted_on}) held in
 * a string type sorts as text, accepts '2024-02-30', and needs parsing for every date calculation.
 * A 4-byte integer holding Unix seconds overflows on 2038-01-19. A bigint of epoch seconds or
 * milliseconds is a deliberate and common choice (the corpus has it in harbor and conductor) and is
 * left alone. For {@code _on}, the word before must read as a participle ({@code published_on}), so
 * {@code depends_on} or {@code based_on} are not taken for dates.
 */
@RuleInfo(id = "temporal-as-text", category = Category.TYPES, severity = Severity.WARNING,
        summary = "Store dates and times in a date or timestamp type, not as text or a 4-byte integer")
public final class TemporalAsText implements ColumnRule {
    private static final Set<String> STRING_TYPES = Set.of("text", "varchar", "char", "tinytext", "mediumtext",
            "longtext", "citext", "string");
    private static final Set<String> NOT_PARTICIPLES = Set.of("based", "focused", "turned", "switched", "signed",
            "logged", "keyed");

    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        if (type.array() || !temporalName(column.name())) {
            return;
        }
        boolean string = STRING_TYPES.contains(type.name());
        boolean int32 = type.name().equals("integer") || type.name().equals("serial");
        if (!string && !int32) {
            return;
        }
        String message = string
                ? "Column " + c.label() + " is named as a date or time but is " + type.text()
                        + ", which accepts any text and sorts as text"
                : "Column " + c.label() + " is named as a date or time but is " + type.text()
                        + ": Unix seconds in a 4-byte integer overflow on 2038-01-19";
        boolean dateOnly = column.name().toLowerCase().endsWith("date") || column.name().toLowerCase().endsWith("_on");
        String better = ctx.dialect() == Dialect.MYSQL
                ? (dateOnly ? "date" : "datetime(6) (or timestamp)")
                : (dateOnly ? "date" : "timestamptz");
        ctx.report(column.typeRange(), message).help("Use " + better
                + (string ? "" : ", or bigint if it must stay an epoch number"));
    }

    static boolean temporalName(String name) {
        List<String> words = NameWords.of(name);
        if (words.size() < 2) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String before = words.get(words.size() - 2);
        if (last.equals("at") || last.equals("date")) {
            return true;
        }
        return last.equals("on") && before.endsWith("ed") && !NOT_PARTICIPLES.contains(before);
    }
}
