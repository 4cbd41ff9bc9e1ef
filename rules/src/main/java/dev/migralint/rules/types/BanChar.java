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
import dev.migralint.rules.ObjectLabels;

/**
 * PostgreSQL's char(n) pads values with spaces to n characters and ignores trailing spaces when
 * comparing, is no faster than text or varchar, and a bare {@code char} is char(1). MySQL is left
 * alone: there CHAR is a reasonable fixed-width type for codes and hashes.
 */
@RuleInfo(id = "ban-char", category = Category.TYPES, severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL, summary = "Avoid char(n) in PostgreSQL: it pads with spaces and is no faster than text")
public final class BanChar implements ColumnRule {
    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        if (!type.name().equals("char")) {
            return;
        }
        String label = c.label();
        String length = type.args().isEmpty() ? null : type.args().get(0);
        String characters = "1".equals(length) ? "1 character" : length + " characters";
        // char(n)[] keeps its brackets in the advice: the column stays an array
        String brackets = type.array() ? "[]" : "";
        String message = length == null
                ? "Column " + label + " is " + type.text() + ", which is char(1): "
                        + (type.array() ? "each element holds a single character" : "it holds a single character")
                : "Column " + label + " is " + type.text() + ", which pads values with spaces to " + characters;
        String name = ObjectLabels.sql(column.name(), ctx.dialect());
        String help = length == null || type.array()
                ? "Use text" + brackets + " (or varchar(" + (length == null ? "n" : length) + ")" + brackets
                        + " with the length you need): " + name + " text" + brackets
                : "Use text or varchar(" + length + "); if values must be exactly " + characters + ", say so: "
                        + name + " text CHECK (char_length(" + name + ") = " + length + ")";
        ctx.report(column.typeRange(), message).help(help);
    }
}
