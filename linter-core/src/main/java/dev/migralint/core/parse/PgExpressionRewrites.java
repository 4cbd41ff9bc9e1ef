package dev.migralint.core.parse;

import dev.migralint.core.lex.Keywords;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Same-length rewrites of PostgreSQL expression syntax that JSqlParser lacks, for the retry after a
 * failed parse (see {@link ParseRewrites}). The rewritten text only has to parse: rules read tables,
 * columns, WHERE clauses and comparisons with NULL from the tree, none of which these touch.
 * <ul>
 *   <li>Operators JSqlParser does not know (geometric, range and text-search ones such as
 *       {@code &<}, {@code -|-}, {@code @?}, {@code <<=}, user-defined ones) read as {@code ||}
 *       between two operands and as a unary {@code +} before one.</li>
 *   <li>A typed literal {@code box '(1,1),(2,2)'} loses its type name when the type is one
 *       JSqlParser does not take before a string.</li>
 *   <li>{@code ORDER BY x USING >} loses its {@code USING >}; {@code f(VARIADIC arr)} its VARIADIC.</li>
 * </ul>
 */
final class PgExpressionRewrites {
    private PgExpressionRewrites() {
    }

    /** Operators JSqlParser 5 reads (checked one by one against its grammar), plus PostgreSQL's own punctuation. */
    private static final Set<String> KNOWN_OPERATORS = Set.of(
            "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "||", "&&", "|", "&", "^", "<<", ">>",
            "~", "~*", "!~", "!~*", "@>", "<@", "?", "?|", "?&", "->", "->>", "#>", "#>>", "@@", "<->", "<#>", "#-",
            "#", "&>", "?-", "~~", "!~~", "=~", "&&&", "=>", ":=");

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|?`";

    /** Type names PostgreSQL reads before a string literal and JSqlParser does not. */
    private static final Set<String> LITERAL_TYPES = Set.of(
            "box", "point", "line", "lseg", "path", "polygon", "circle", "json", "jsonb", "jsonpath", "inet", "cidr",
            "macaddr", "macaddr8", "int2", "int4", "int8", "float4", "float8", "numeric", "text", "bpchar",
            "bytea", "bool", "boolean", "tsvector", "tsquery", "uuid", "xml", "money", "name", "oid", "regclass",
            "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regconfig", "regnamespace", "regrole",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
            "int8multirange", "nummultirange", "datemultirange", "tsmultirange", "tstzmultirange", "bit", "varbit",
            "pg_lsn", "txid_snapshot", "pg_snapshot", "xid", "xid8", "cid", "tid", "aclitem", "char", "varchar",
            "smallint", "integer", "int", "bigint", "real", "float");

    /**
     * Calls whose arguments are clauses rather than expressions (PASSING, RETURNING, ON ERROR, COLUMNS,
     * NAME, MATCH), which JSqlParser lacks; none names a table a rule would look at.
     */
    private static final Set<String> SPECIAL_FUNCTIONS = Set.of(
            "json", "json_table", "json_query", "json_value", "json_exists", "json_object", "json_array",
            "json_objectagg", "json_arrayagg", "json_serialize", "json_scalar", "graph_table", "xmlpi", "xmltable",
            "xmlelement", "xmlroot", "xmlattributes", "xmlnamespaces", "xmlparse", "xmlforest", "xmlexists");

    /** Applies the rewrites to {@code out}, the statement text starting at file offset {@code base}. */
    static boolean apply(String source, List<Token> tokens, int base, char[] out) {
        boolean changed = false;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.OPERATOR && t.text(source).equals("*") && i > 1
                    && tokens.get(i - 1).end() == t.start() && tokens.get(i - 1).kind() == TokenKind.WORD
                    && (isWordAt(source, tokens, i - 2, "from") || isWordAt(source, tokens, i - 2, "join")
                    || isWordAt(source, tokens, i - 2, "only"))) {
                // FROM parent* : the table and its inheritance children, PostgreSQL's default anyway
                out[t.start() - base] = ' ';
                changed = true;
                i++;
                continue;
            }
            int close = t.kind() == TokenKind.WORD && SPECIAL_FUNCTIONS.contains(t.text(source).toLowerCase(Locale.ROOT))
                    ? closingParen(source, tokens, i + 1) : -1;
            if (close > 0) {
                // SQL/JSON, SQL/XML and graph queries: a plain call with no arguments, fn____()
                fill(out, t.start() - base, t.end() - base);
                "fn".getChars(0, 2, out, t.start() - base);
                for (int k = t.start() + 2; k < t.end(); k++) {
                    out[k - base] = '_';
                }
                fill(out, tokens.get(i + 1).end() - base, tokens.get(close).start() - base);
                changed = true;
                i = close + 1;
                continue;
            }
            if (isWordAt(source, tokens, i, "is") && (isWordAt(source, tokens, i + 1, "json")
                    || isWordAt(source, tokens, i + 1, "not") && isWordAt(source, tokens, i + 2, "json"))) {
                // x IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT] [WITH | WITHOUT UNIQUE [KEYS]]: IS [NOT] NULL
                int json = isWordAt(source, tokens, i + 1, "json") ? i + 1 : i + 2;
                int end = json + 1;
                for (String kind : List.of("value", "scalar", "array", "object")) {
                    end = isWordAt(source, tokens, end, kind) ? end + 1 : end;
                }
                if ((isWordAt(source, tokens, end, "with") || isWordAt(source, tokens, end, "without"))
                        && isWordAt(source, tokens, end + 1, "unique")) {
                    end = isWordAt(source, tokens, end + 2, "keys") ? end + 3 : end + 2;
                }
                fill(out, tokens.get(json).start() - base, tokens.get(end - 1).end() - base);
                "NULL".getChars(0, 4, out, tokens.get(json).start() - base);
                changed = true;
                i = end;
                continue;
            }
            if (isWordAt(source, tokens, i, "for") && isWordAt(source, tokens, i + 1, "portion")
                    && isWordAt(source, tokens, i + 2, "of") && i + 3 < tokens.size()) {
                // PostgreSQL 19's UPDATE/DELETE t FOR PORTION OF period FROM a TO b (or (range)) narrows
                // the change in time; the table and the WHERE rules read stay
                int end = closingParen(source, tokens, i + 4);
                end = end > 0 ? end + 1 : i + 4;
                while (end < tokens.size() && !isWordAt(source, tokens, end, "set") && !isWordAt(source, tokens, end, "where")
                        && !isWordAt(source, tokens, end, "as") && !isWordAt(source, tokens, end, "returning")
                        && !isWordAt(source, tokens, end, "using")) {
                    end++;
                }
                fill(out, t.start() - base, tokens.get(end - 1).end() - base);
                changed = true;
                i = end;
                continue;
            }
            if (isWordAt(source, tokens, i, "as") && (isWordAt(source, tokens, i + 1, "true")
                    || isWordAt(source, tokens, i + 1, "false"))) {
                // a column alias PostgreSQL allows after AS (SELECT ... AS true); the name is of no concern
                fill(out, t.start() - base, tokens.get(i + 1).end() - base);
                changed = true;
                i += 2;
                continue;
            }
            if (t.kind() == TokenKind.OPERATOR && isOperatorText(source, t)) {
                int j = operatorEnd(source, tokens, i);
                changed |= operator(source, tokens, i, j, base, out);
                i = j + 1;
                continue;
            }
            if (t.kind() == TokenKind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.STRING
                    && source.charAt(tokens.get(i + 1).start()) == '\''
                    && LITERAL_TYPES.contains(t.text(source).toLowerCase(Locale.ROOT)) && !afterAs(source, tokens, i)) {
                fill(out, t.start() - base, t.end() - base);
                changed = true;
            } else if (t.kind() == TokenKind.WORD && t.text(source).equalsIgnoreCase("using") && i + 1 < tokens.size()
                    && isOperatorText(source, tokens.get(i + 1)) && inOrderBy(source, tokens, i)) {
                int j = operatorEnd(source, tokens, i + 1);
                fill(out, t.start() - base, tokens.get(j).end() - base);
                changed = true;
                i = j + 1;
                continue;
            } else if (isWordAt(source, tokens, i, "variadic") && i > 0 && i + 1 < tokens.size()
                    && (tokens.get(i - 1).text(source).equals("(") || tokens.get(i - 1).text(source).equals(","))) {
                // f(VARIADIC arr) passes the array as the variadic parameter's values: a plain argument here
                fill(out, t.start() - base, t.end() - base);
                changed = true;
            } else if (isWordAt(source, tokens, i, "current") && isWordAt(source, tokens, i + 1, "of")
                    && isWordAt(source, tokens, i - 1, "where") && i + 2 < tokens.size()) {
                // WHERE CURRENT OF cursor changes the one row the cursor is on: a WHERE all the same
                fill(out, t.start() - base, tokens.get(i + 2).end() - base);
                "true".getChars(0, 4, out, t.start() - base);
                changed = true;
            }
            i++;
        }
        return changed;
    }

    /** The index of the ')' closing the '(' at token {@code open}, or -1 (also when {@code open} is no '('). */
    private static int closingParen(String source, List<Token> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).text(source).equals("(")) {
            return -1;
        }
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() == TokenKind.OPERATOR && t.text(source).equals("(")) {
                depth++;
            } else if (t.kind() == TokenKind.OPERATOR && t.text(source).equals(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isWordAt(String source, List<Token> tokens, int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == TokenKind.WORD
                && tokens.get(i).text(source).equalsIgnoreCase(word);
    }

    /** The index of the last token of the operator that starts at token {@code i}. */
    private static int operatorEnd(String source, List<Token> tokens, int i) {
        int j = i;
        while (j + 1 < tokens.size() && tokens.get(j + 1).start() == tokens.get(j).end()
                && continuesOperator(source, tokens.get(j), tokens.get(j + 1))) {
            j++;
        }
        return j;
    }

    /**
     * Whether {@code next}, touching {@code previous}, is more of the same operator. The lexer reads a
     * bare ? as a JDBC parameter: it belongs to the operator only in jsonpath's {@code @?}, so that
     * {@code a=?} keeps its parameter.
     */
    private static boolean continuesOperator(String source, Token previous, Token next) {
        if (next.kind() == TokenKind.PARAMETER) {
            return previous.text(source).equals("@") && next.text(source).equals("?");
        }
        return next.kind() == TokenKind.OPERATOR && isOperatorText(source, next);
    }

    /** The operator made of tokens {@code from..to} (adjacent), replaced when JSqlParser does not know it. */
    private static boolean operator(String source, List<Token> tokens, int from, int to, int base, char[] out) {
        int start = tokens.get(from).start();
        int end = tokens.get(to).end();
        String op = source.substring(start, end);
        // PostgreSQL's lexer: a multi-character operator ends in + or - only if it has one of ~!@#%^&|`?
        // in it, so a=-1 is = followed by a unary minus.
        while (op.length() > 1 && (op.endsWith("+") || op.endsWith("-")) && op.chars().noneMatch(c -> "~!@#%^&|`?".indexOf(c) >= 0)) {
            op = op.substring(0, op.length() - 1);
            end--;
        }
        if (KNOWN_OPERATORS.contains(op) || op.equals("*") || op.contains("/*") || op.contains("--")) {
            return false;
        }
        boolean binary = from > 0 && isOperand(source, tokens.get(from - 1));
        fill(out, start - base, end - base);
        if (binary && op.length() >= 2) {
            out[start - base] = '|';
            out[start - base + 1] = '|';
        } else {
            out[start - base] = '+';
        }
        return true;
    }

    private static boolean isOperatorText(String source, Token t) {
        if (t.kind() != TokenKind.OPERATOR) {
            return false;
        }
        for (int k = t.start(); k < t.end(); k++) {
            if (OPERATOR_CHARS.indexOf(source.charAt(k)) < 0) {
                return false;
            }
        }
        return t.end() > t.start();
    }

    /** Whether the token ends an operand, so that an operator after it is binary. */
    private static boolean isOperand(String source, Token t) {
        return switch (t.kind()) {
            case QUOTED_IDENTIFIER, STRING, DOLLAR_STRING, NUMBER, PARAMETER, PLACEHOLDER -> true;
            case WORD -> !Keywords.isReserved(t.text(source)) || t.text(source).equalsIgnoreCase("null")
                    || t.text(source).equalsIgnoreCase("true") || t.text(source).equalsIgnoreCase("false");
            case OPERATOR -> source.charAt(t.start()) == ')' || source.charAt(t.start()) == ']';
            default -> false;
        };
    }

    /** {@code AS text 'x'} does not occur; {@code x AS "int4" '...'} neither: only guard the alias form {@code AS name}. */
    private static boolean afterAs(String source, List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).kind() == TokenKind.WORD && tokens.get(i - 1).text(source).equalsIgnoreCase("as");
    }

    /** Whether a BY precedes {@code i} at the same bracket depth (ORDER BY, or an aggregate's ORDER BY). */
    private static boolean inOrderBy(String source, List<Token> tokens, int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.kind() == TokenKind.OPERATOR && source.charAt(t.start()) == ')') {
                depth++;
            } else if (t.kind() == TokenKind.OPERATOR && source.charAt(t.start()) == '(') {
                if (depth-- == 0) {
                    return false;
                }
            } else if (depth == 0 && t.kind() == TokenKind.WORD) {
                String w = t.text(source);
                if (w.equalsIgnoreCase("by")) {
                    return k > 0 && tokens.get(k - 1).text(source).equalsIgnoreCase("order");
                }
                if (w.equalsIgnoreCase("select") || w.equalsIgnoreCase("from") || w.equalsIgnoreCase("where")
                        || w.equalsIgnoreCase("join") || w.equalsIgnoreCase("on")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static void fill(char[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = ' ';
        }
    }
}
