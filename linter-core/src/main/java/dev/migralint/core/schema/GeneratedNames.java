package dev.migralint.core.schema;

import dev.migralint.core.change.IndexColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names databases make up for unnamed indexes and constraints, reproduced so that a later
 * {@code DROP INDEX users_email_key} finds what replay created.
 *
 * <p>PostgreSQL joins table, columns and a label with underscores ({@code orders_customer_id_fkey},
 * {@code users_pkey}, {@code users_lower_idx}), trims the longer of the first two parts until the
 * name fits in 63 bytes, and appends 1, 2, ... to the label while the name is taken. MySQL names an
 * unnamed index after its first column ({@code email}, then {@code email_2}), foreign keys
 * {@code <table>_ibfk_<n>} and checks {@code <table>_chk_<n>}.
 */
final class GeneratedNames {
    private GeneratedNames() {
    }

    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier in bytes. */
    static final int MAX_BYTES = 63;

    /** PostgreSQL cuts every identifier longer than 63 bytes to 63 bytes (at a character boundary). */
    static String truncate(String identifier) {
        return identifier == null || bytes(identifier) <= MAX_BYTES ? identifier : clip(identifier, MAX_BYTES);
    }

    /** PostgreSQL's makeObjectName: name1[_name2][_label], trimmed to 63 bytes. */
    static String makeObjectName(String name1, String name2, String label) {
        int name1Bytes = bytes(name1);
        int name2Bytes = name2 == null ? 0 : bytes(name2);
        int overhead = (label == null ? 0 : bytes(label) + 1) + (name2 == null ? 0 : 1);
        int available = MAX_BYTES - overhead;
        while (name1Bytes + name2Bytes > available) {
            if (name1Bytes > name2Bytes) {
                name1Bytes--;
            } else {
                name2Bytes--;
            }
        }
        StringBuilder sb = new StringBuilder(clip(name1, name1Bytes));
        if (name2 != null) {
            sb.append('_').append(clip(name2, name2Bytes));
        }
        if (label != null) {
            sb.append('_').append(label);
        }
        return sb.toString();
    }

    /** PostgreSQL's ChooseRelationName / ChooseConstraintName: the first free name1_name2_label[N]. */
    static String choose(String name1, String name2, String label, Predicate<String> taken) {
        String candidate = makeObjectName(name1, name2, label);
        for (int pass = 1; taken.test(candidate); pass++) {
            candidate = makeObjectName(name1, name2, label + pass);
        }
        return candidate;
    }

    /**
     * PostgreSQL's ChooseIndexColumnNames: a column key is named after the column, an expression after
     * its function (lower(email) gives "lower") or "expr"; repeats get 1, 2, ... appended.
     */
    static List<String> indexColumnNames(List<IndexColumn> keys, List<String> include) {
        List<String> preliminary = new ArrayList<>();
        for (IndexColumn k : keys) {
            preliminary.add(k.column() != null ? k.column() : expressionName(k.expression()));
        }
        preliminary.addAll(include);
        List<String> result = new ArrayList<>();
        for (String original : preliminary) {
            String current = original;
            for (int i = 1; result.contains(current); i++) {
                String suffix = Integer.toString(i);
                current = clip(original, Math.min(bytes(original), MAX_BYTES - suffix.length())) + suffix;
            }
            result.add(current);
        }
        return result;
    }

    /** PostgreSQL's ChooseIndexNameAddition: the names joined by underscores (trimmed later). */
    static String nameAddition(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(n);
            if (bytes(sb.toString()) >= MAX_BYTES + 1) {
                break;
            }
        }
        return sb.toString();
    }

    private static final Pattern FUNCTION_CALL = Pattern.compile("^(?:[a-z_][a-z0-9_$]*\\.)?([a-z_][a-z0-9_$]*)\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_$]*$");
    private static final Pattern QUOTED = Pattern.compile("^\"((?:[^\"]|\"\")+)\"$");
    /** One or more casts: ::type, where a type is words with optional arguments and array brackets. */
    private static final Pattern CASTS = Pattern.compile("^(::[a-z_][a-z0-9_. ]*(\\([^()]*\\))?(\\[\\])*)+$");

    /** The name PostgreSQL's parser gives a cast's type (the last part of its internal name). */
    private static final java.util.Map<String, String> TYPE_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("int", "int4"), java.util.Map.entry("integer", "int4"),
            java.util.Map.entry("bigint", "int8"), java.util.Map.entry("smallint", "int2"),
            java.util.Map.entry("boolean", "bool"), java.util.Map.entry("real", "float4"),
            java.util.Map.entry("double precision", "float8"), java.util.Map.entry("float", "float8"),
            java.util.Map.entry("decimal", "numeric"), java.util.Map.entry("character varying", "varchar"),
            java.util.Map.entry("character", "bpchar"), java.util.Map.entry("char", "bpchar"),
            java.util.Map.entry("timestamp with time zone", "timestamptz"),
            java.util.Map.entry("timestamp without time zone", "timestamp"),
            java.util.Map.entry("time with time zone", "timetz"),
            java.util.Map.entry("time without time zone", "time"));

    /**
     * PostgreSQL's FigureColname for an index expression, on the translator's canonical text: a function
     * call gives the function's name, a column (possibly cast) the column's, a cast of anything else
     * the type's name, CASE "case", anything else (operators, literals) "expr".
     */
    static String expressionName(String expression) {
        String e = stripParens(expression == null ? "" : expression.trim());
        int cast = firstTopLevelCast(e);
        if (cast > 0 && CASTS.matcher(e.substring(cast)).matches()) {
            String operand = stripParens(e.substring(0, cast));
            String name = simpleName(operand);
            if (name == null) {
                name = callName(operand);
            }
            if (name != null) {
                return name;
            }
            String type = e.substring(e.lastIndexOf("::") + 2).replaceAll("\\(.*|\\[.*", "").trim();
            String mapped = TYPE_NAMES.getOrDefault(type, type);
            return mapped.substring(mapped.lastIndexOf('.') + 1);
        }
        String name = simpleName(e);
        if (name != null) {
            return name;
        }
        String call = callName(e);
        if (call != null) {
            return call;
        }
        if (e.startsWith("case ") && e.endsWith(" end")) {
            return "case";
        }
        return "expr";
    }

    /** Index of the first {@code ::} outside parentheses and strings with no space before it at top level, or -1. */
    private static int firstTopLevelCast(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i + 1 < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ' ') {
                return -1; // an operator binds looser than the cast: the whole is an operator expression
            } else if (depth == 0 && c == ':' && e.charAt(i + 1) == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String simpleName(String e) {
        if (IDENTIFIER.matcher(e).matches()) {
            return e;
        }
        Matcher q = QUOTED.matcher(e);
        if (q.matches()) {
            return q.group(1).replace("\"\"", "\"");
        }
        int dot = e.lastIndexOf('.');
        if (dot > 0 && IDENTIFIER.matcher(e.substring(dot + 1)).matches()
                && IDENTIFIER.matcher(e.substring(0, dot)).matches()) {
            return e.substring(dot + 1);
        }
        return null;
    }

    /** The function's name when {@code e} is one call: {@code f(...)} with its closing parenthesis last. */
    private static String callName(String e) {
        Matcher m = FUNCTION_CALL.matcher(e);
        if (!m.find() || closing(e, m.end() - 1) != e.length() - 1) {
            return null;
        }
        return m.group(1);
    }

    /** Removes parentheses that enclose the whole text. */
    static String stripParens(String e) {
        String s = e;
        while (s.startsWith("(") && closing(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1; quotes respected. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** MySQL: an unnamed index takes its first column's name (or "functional_index"), then _2, _3, ... */
    static String mysqlIndexName(List<IndexColumn> keys, Predicate<String> taken) {
        String base = keys.isEmpty() || keys.get(0).column() == null ? "functional_index" : keys.get(0).column();
        if (!taken.test(base) && !base.equalsIgnoreCase("primary")) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "_" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** MySQL: {@code <table>_ibfk_<n>} / {@code <table>_chk_<n>} with the first free n. */
    static String mysqlConstraintName(String table, String infix, Predicate<String> taken) {
        for (int n = 1; ; n++) {
            String candidate = table + "_" + infix + "_" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** The identifiers (unquoted, lower-case, or quoted as written) an expression's text mentions. */
    static List<String> identifiers(String expression) {
        List<String> out = new ArrayList<>();
        if (expression == null) {
            return out;
        }
        Matcher m = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)").matcher(expression);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1).replace("\"\"", "\""));
            } else if (m.group(2) != null) {
                int after = m.end();
                boolean call = after < expression.length() && expression.charAt(after) == '(';
                boolean cast = m.start() >= 2 && expression.startsWith("::", m.start() - 2);
                if (!call && !cast) {
                    out.add(m.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** {@code expression} with the identifier {@code from} (as a whole word, outside strings) renamed. */
    static String renameIdentifier(String expression, String from, String to) {
        if (expression == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*").matcher(expression);
        int last = 0;
        while (m.find()) {
            sb.append(expression, last, m.start());
            String token = m.group();
            String bare = token.startsWith("\"") ? token.substring(1, token.length() - 1).replace("\"\"", "\"")
                    : token.startsWith("'") ? null : token.toLowerCase(Locale.ROOT);
            boolean call = m.end() < expression.length() && expression.charAt(m.end()) == '(';
            sb.append(from.equals(bare) && !call ? quoteIfNeeded(to) : token);
            last = m.end();
        }
        sb.append(expression.substring(last));
        return sb.toString();
    }

    private static String quoteIfNeeded(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes that ends on a character. */
    private static String clip(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > maxBytes) {
                break;
            }
            used += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
