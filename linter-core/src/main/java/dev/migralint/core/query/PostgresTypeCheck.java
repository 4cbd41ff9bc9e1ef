package dev.migralint.core.query;

import dev.migralint.core.change.DataType;
import dev.migralint.core.source.TextRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Finds, in a validated query, the expressions PostgreSQL rejects for their types. Only what the
 * server itself refuses, and only where both sides are certain: a column of a fully known table
 * (its replayed type) against a literal or another such column. A quoted literal has no type of its
 * own in PostgreSQL ("unknown") and takes the other side's, so {@code id = '1'} is fine and
 * {@code id = 'abc'} fails on the literal's input syntax; there is no implicit cast between numbers,
 * booleans and text, so {@code active = 1} and {@code name = 1} fail for want of an operator, as do
 * arithmetic on text and {@code lower()} of a number. Anything cast ({@code ::}) is left alone, as
 * are parameters, whose type the driver decides.
 */
final class PostgresTypeCheck {
    private enum Category { NUMBER, BOOLEAN, TEXT }

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint", "smallserial", "serial",
            "bigserial");
    private static final Map<String, String> DISPLAY = Map.of("smallserial", "smallint", "serial", "integer",
            "bigserial", "bigint", "varchar", "character varying", "char", "character");
    private static final Set<String> NUMBERS = Set.of("numeric", "real", "double precision");
    private static final Set<String> TEXTS = Set.of("text", "varchar", "char");
    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.GREATER_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_DISTINCT_FROM,
            SqlKind.IS_NOT_DISTINCT_FROM);
    private static final Set<SqlKind> ARITHMETIC = Set.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE,
            SqlKind.MOD);
    /** Functions PostgreSQL has only for strings (and bytea or bit, never for numbers or booleans). */
    private static final Set<String> STRING_FUNCTIONS = Set.of("lower", "upper", "initcap", "length", "char_length",
            "character_length", "btrim", "ltrim", "rtrim", "lpad", "rpad", "replace", "reverse", "substr", "substring",
            "strpos", "split_part", "md5", "ascii");
    /** Functions PostgreSQL has only for numbers (and intervals, money or dates for some: never for text or boolean). */
    private static final Set<String> NUMERIC_FUNCTIONS = Set.of("abs", "ceil", "ceiling", "floor", "round", "trunc",
            "sqrt", "cbrt", "sign", "exp", "ln", "log", "log10", "power", "mod", "sum", "avg", "div");
    /** An integer's input syntax: decimal, and from PostgreSQL 16 hexadecimal, octal, binary and underscores. */
    private static final Pattern INTEGER = Pattern.compile(
            "\\s*[+-]?(\\d(_?\\d)*|0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+)\\s*");
    private static final Pattern DECIMAL = Pattern.compile(
            "\\s*[+-]?((\\d(_?\\d)*)(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d+)?\\s*"
                    + "|\\s*[+-]?(?i:nan|inf|infinity)\\s*|" + INTEGER.pattern());

    private final SqlValidator validator;
    private final CalciteSql sql;
    private final List<TypeMismatch> out;

    PostgresTypeCheck(SqlValidator validator, CalciteSql sql, List<TypeMismatch> out) {
        this.validator = validator;
        this.sql = sql;
        this.out = out;
    }

    /** A side of an expression whose type is certain; {@code type} is PostgreSQL's name for it. */
    private record Operand(Category category, String type, String text, String literal, ResolvedColumn column) {
    }

    void query(SqlNode node) {
        if (node instanceof SqlSelect select) {
            select(select);
        } else if (node instanceof SqlUpdate update && update.getSourceSelect() != null) {
            select(update.getSourceSelect());
        } else if (node instanceof SqlDelete delete && delete.getSourceSelect() != null) {
            select(delete.getSourceSelect());
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(this::query);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(this::query);
        }
    }

    private void select(SqlSelect select) {
        expression(select.getSelectList(), validator.getSelectScope(select));
        from(select.getFrom());
        expression(select.getWhere(), validator.getWhereScope(select));
        expression(select.getGroup(), validator.getGroupScope(select));
        expression(select.getHaving(), validator.getHavingScope(select));
    }

    private void from(SqlNode from) {
        if (from instanceof SqlJoin join) {
            from(join.getLeft());
            from(join.getRight());
            expression(join.getCondition(), validator.getJoinScope(join));
        } else {
            query(from);
        }
    }

    private void expression(SqlNode node, SqlValidatorScope scope) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlSelect || scope == null) {
            query(node);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(n -> expression(n, scope));
        } else if (node instanceof SqlCall call) {
            check(call, scope);
            call.getOperandList().forEach(n -> expression(n, scope));
        }
    }

    private void check(SqlCall call, SqlValidatorScope scope) {
        SqlKind kind = call.getKind();
        List<SqlNode> operands = call.getOperandList();
        if (COMPARISONS.contains(kind) && operands.size() == 2) {
            compare(call, call.getOperator().getName(), operand(operands.get(0), scope), operand(operands.get(1), scope));
        } else if ((kind == SqlKind.IN || kind == SqlKind.NOT_IN) && operands.size() == 2
                && operands.get(1) instanceof SqlNodeList values) {
            Operand left = operand(operands.get(0), scope);
            values.forEach(v -> compare(v, "=", left, operand(v, scope)));
        } else if (kind == SqlKind.BETWEEN && operands.size() == 3) {
            Operand value = operand(operands.get(0), scope);
            compare(operands.get(1), ">=", value, operand(operands.get(1), scope));
            compare(operands.get(2), "<=", value, operand(operands.get(2), scope));
        } else if (ARITHMETIC.contains(kind) && operands.size() == 2) {
            arithmetic(call, operand(operands.get(0), scope), operand(operands.get(1), scope));
        } else if (kind == SqlKind.MINUS_PREFIX && operands.size() == 1) {
            Operand o = operand(operands.get(0), scope);
            if (o != null && o.column() != null && o.category() != Category.NUMBER) {
                report(call, "Negating " + o.type() + " column " + o.text(), "operator does not exist: - " + o.type(),
                        "Negate a number: cast the column if it holds numbers (" + o.text() + "::numeric)");
            }
        } else if (!operands.isEmpty()) {
            function(call, operand(operands.get(0), scope));
        }
    }

    private void compare(SqlNode at, String op, Operand a, Operand b) {
        if (a == null || b == null) {
            return;
        }
        if (a.column() == null) {
            Operand t = a;
            a = b;
            b = t;
            if (a.column() == null) {
                return;
            }
        }
        if (b.category() == null) {
            // a quoted literal takes the column's type: only its input syntax can fail
            if (!accepts(a, b.literal())) {
                report(at, "Comparing " + a.type() + " column " + a.text() + " with " + b.text(),
                        "invalid input syntax for type " + a.type() + ": \"" + b.literal() + "\"",
                        a.category() == Category.BOOLEAN ? "Compare with true or false: " + a.text() + " = true"
                                : "Compare with a number, unquoted: " + a.text() + " = 42");
            }
        } else if (a.category() != b.category()) {
            report(at, "Comparing " + a.type() + " column " + a.text() + " with " + b.type() + " " + b.text(),
                    "operator does not exist: " + a.type() + " " + op + " " + b.type(),
                    a.category() == Category.BOOLEAN ? "Compare with true or false: " + a.text() + " = true"
                            : a.category() == Category.TEXT && b.column() == null
                            ? "Quote the value, as the column holds text: " + a.text() + " = '" + b.text() + "'"
                            : "Compare values of one type, or cast one side explicitly (" + b.text() + "::" + a.type() + ")");
        }
    }

    private void arithmetic(SqlCall call, Operand a, Operand b) {
        if (a == null || b == null) {
            return;
        }
        String op = call.getOperator().getName();
        Operand bad = a.column() != null && a.category() != Category.NUMBER ? a
                : b.column() != null && b.category() != Category.NUMBER ? b : null;
        if (bad == null) {
            return;
        }
        String left = a.category() == null ? "unknown" : a.type();
        String right = b.category() == null ? "unknown" : b.type();
        report(call, "Arithmetic (" + op + ") on " + bad.type() + " column " + bad.text(),
                "operator does not exist: " + left + " " + op + " " + right,
                "Compute with numbers: cast the column if it holds numbers (" + bad.text() + "::numeric)");
    }

    private void function(SqlCall call, Operand first) {
        if (first == null || first.column() == null) {
            return;
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        boolean wrong = STRING_FUNCTIONS.contains(name) && first.category() != Category.TEXT
                || NUMERIC_FUNCTIONS.contains(name) && first.category() != Category.NUMBER;
        if (wrong) {
            report(call, name + "() of " + first.type() + " column " + first.text(),
                    "function " + name + "(" + first.type() + (call.operandCount() > 1 ? ", ..." : "") + ") does not exist",
                    "Apply it to a value of the type it takes, or cast the column (" + first.text() + "::"
                            + (STRING_FUNCTIONS.contains(name) ? "text" : "numeric") + ")");
        }
    }

    /** The node as an operand of certain type, or null. A quoted literal has a null category. */
    private Operand operand(SqlNode node, SqlValidatorScope scope) {
        if (node == null || castFollows(node)) {
            return null;
        }
        String text = written(node.getParserPosition());
        if (text == null) {
            return null;
        }
        if (node instanceof SqlIdentifier id) {
            ResolvedColumn c = ResolvedColumn.of(id, scope);
            if (c == null || c.column().type() == null || c.column().type().array()) {
                return null;
            }
            DataType t = c.column().type();
            Category category = INTEGERS.contains(t.name()) || NUMBERS.contains(t.name()) ? Category.NUMBER
                    : t.name().equals("boolean") ? Category.BOOLEAN : TEXTS.contains(t.name()) ? Category.TEXT : null;
            return category == null ? null
                    : new Operand(category, DISPLAY.getOrDefault(t.name(), t.name()), text, null, c);
        }
        if (node instanceof SqlNumericLiteral n) {
            return new Operand(Category.NUMBER, numberType(n.bigDecimalValue()), text, null, null);
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX
                && call.operand(0) instanceof SqlNumericLiteral n) {
            return new Operand(Category.NUMBER, numberType(n.bigDecimalValue()), text, null, null);
        }
        if (node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.BOOLEAN) {
            return new Operand(Category.BOOLEAN, "boolean", text, null, null);
        }
        // a parameter ($1, sqlc.arg(x)) is respelled as '' for Calcite: only a quoted literal as written counts
        if (node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.CHAR && text.startsWith("'")) {
            return new Operand(null, "unknown", text, l.getValueAs(String.class), null);
        }
        return null;
    }

    /** PostgreSQL's type for a numeric constant: integer, bigint, or numeric when it has a point or exponent. */
    private static String numberType(BigDecimal v) {
        if (v == null || v.scale() > 0) {
            return "numeric";
        }
        try {
            long l = v.longValueExact();
            return l == (int) l ? "integer" : "bigint";
        } catch (ArithmeticException e) {
            return "numeric"; // beyond bigint
        }
    }

    /** True when PostgreSQL reads {@code literal} as a value of the column's type. */
    private static boolean accepts(Operand column, String literal) {
        return switch (column.category()) {
            case TEXT -> true;
            case BOOLEAN -> isBoolean(literal);
            case NUMBER -> (INTEGERS.contains(column.column().column().type().name()) ? INTEGER : DECIMAL)
                    .matcher(literal).matches();
        };
    }

    /** boolin: any unique prefix of true, false, yes, no; on, off (at least two letters); 1, 0. */
    private static boolean isBoolean(String literal) {
        String s = literal.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return false;
        }
        return "true".startsWith(s) || "false".startsWith(s) || "yes".startsWith(s) || "no".startsWith(s)
                || s.equals("on") || s.equals("of") || s.equals("off") || s.equals("1") || s.equals("0");
    }

    /** True when the node is cast with {@code ::}, which the respelling blanked out for Calcite. */
    private boolean castFollows(SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        int at = sql.offsetOf(pos.getEndLineNum(), pos.getEndColumnNum()) + 1 - sql.offset();
        String original = sql.original();
        while (at >= 0 && at < original.length() && (Character.isWhitespace(original.charAt(at)) || original.charAt(at) == ')')) {
            at++;
        }
        return original.startsWith("::", at);
    }

    /**
     * The node's text as written, or null when its position is not in the statement: nodes Calcite makes
     * up carry no position (line 0), and a respelled placeholder can leave one outside the text.
     */
    private String written(SqlParserPos pos) {
        TextRange r = range(pos);
        if (r == null) {
            return null;
        }
        int start = r.start() - sql.offset();
        int end = Math.min(r.end() - sql.offset(), sql.original().length());
        return start < 0 || start > end ? null : sql.original().substring(start, end).strip();
    }

    /** The position as a range of the file, or null when it is not one. */
    private TextRange range(SqlParserPos pos) {
        if (pos.getLineNum() < 1 || pos.getColumnNum() < 1) {
            return null;
        }
        int start = sql.offsetOf(pos.getLineNum(), pos.getColumnNum());
        int end = sql.offsetOf(pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        return start < 0 || end < start ? null : new TextRange(start, end);
    }

    private void report(SqlNode at, String problem, String error, String help) {
        TextRange r = range(at.getParserPosition());
        if (r != null) { // a finding needs a place; a made-up node has none
            out.add(new TypeMismatch(r, problem, error, help));
        }
    }
}
