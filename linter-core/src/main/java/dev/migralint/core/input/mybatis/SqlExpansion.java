package dev.migralint.core.input.mybatis;

import dev.migralint.core.input.mybatis.XmlTree.Element;
import dev.migralint.core.input.mybatis.XmlTree.Node;
import dev.migralint.core.input.mybatis.XmlTree.Text;
import dev.migralint.core.source.TextRange;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands a statement's dynamic SQL tags to one representative statement, keeping for each
 * character where it is written. Mirrors what MyBatis's own nodes do for one set of inputs in which
 * every {@code <if>} holds: {@code <where>} and {@code <set>} add their keyword and drop a leading
 * AND/OR or a trailing comma as {@code <trim>} does; {@code <choose>} takes its first {@code <when>};
 * {@code <foreach>} writes one item between its open and close; {@code <include>} inserts the
 * {@code <sql>} fragment with its {@code <property>} values substituted for {@code ${name}}; a
 * fragment of another mapper file is inserted too, its text pointing at the {@code <include>} tag,
 * since its own positions are in the other file.
 */
final class SqlExpansion {
    /** The expanded text and, per character, its offset in the XML file. */
    record Sql(String text, int[] offsets) {
    }

    private static final int MAX_INCLUDE_DEPTH = 16;
    /** After these words (or an operator), a {@code ${...}} stands for a name or an operand. */
    private static final Set<String> OPERAND_BEFORE = Set.of("by", "from", "join", "into", "update", "table", "select",
            "as", "in", "like", "and", "or", "where", "set", "on", "not", "then", "else", "when", "limit", "offset",
            "values", "distinct", "having", "exists", "is", "case", "between", "desc", "asc");

    private final String namespace;
    private final Map<String, Element> fragments;
    private final MapperFragments others;
    private final List<Mapper.Problem> problems;

    SqlExpansion(String namespace, Map<String, Element> fragments, MapperFragments others, List<Mapper.Problem> problems) {
        this.namespace = namespace;
        this.fragments = fragments;
        this.others = others;
        this.problems = problems;
    }

    /** The statement expanded, or null when nothing but substitutions is left to check (as {@code ${sql}}). */
    Sql statement(Element statement) {
        Out out = new Out();
        if (!expand(statement.children(), Map.of(), 0, out)) {
            return null;
        }
        String text = out.text();
        if (text.replace(MapperStatement.PLACEHOLDER, "").isBlank()) {
            return null;
        }
        return new Sql(text, out.offsets());
    }

    /** False when a fragment could not be included: the statement is then not checked. */
    private boolean expand(List<Node> nodes, Map<String, String> properties, int depth, Out out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                text(t, properties, out);
            } else if (node instanceof Element e && !element(e, properties, depth, out)) {
                return false;
            }
        }
        return true;
    }

    private boolean element(Element e, Map<String, String> properties, int depth, Out out) {
        switch (e.name()) {
            case "selectKey", "bind", "property" -> {
                return true;
            }
            case "where" -> {
                return trimmed(e, "WHERE", "", List.of("AND", "OR"), List.of(), properties, depth, out);
            }
            case "set" -> {
                return trimmed(e, "SET", "", List.of(","), List.of(","), properties, depth, out);
            }
            case "trim" -> {
                return trimmed(e, attr(e, "prefix"), attr(e, "suffix"), overrides(e.attribute("prefixOverrides")),
                        overrides(e.attribute("suffixOverrides")), properties, depth, out);
            }
            case "foreach" -> {
                out.append(" " + attr(e, "open"), e.start());
                boolean ok = expand(e.children(), properties, depth, out);
                out.append(attr(e, "close") + " ", e.start());
                return ok;
            }
            case "choose" -> {
                Element branch = e.elements().stream().filter(c -> c.name().equals("when")).findFirst()
                        .or(() -> e.elements().stream().filter(c -> c.name().equals("otherwise")).findFirst())
                        .orElse(null);
                return branch == null || expand(branch.children(), properties, depth, out);
            }
            case "include" -> {
                return include(e, properties, depth, out);
            }
            default -> {
                return expand(e.children(), properties, depth, out);
            }
        }
    }

    private boolean include(Element e, Map<String, String> properties, int depth, Out out) {
        String refid = substitute(attr(e, "refid"), properties);
        String local = namespace != null && refid.startsWith(namespace + ".") ? refid.substring(namespace.length() + 1)
                : refid;
        Element fragment = fragments.get(local);
        TextRange tag = new TextRange(e.start(), e.end());
        MapperFragments.Source other = fragment == null ? others.find(refid) : null;
        if (other != null && depth < MAX_INCLUDE_DEPTH) {
            return includeOther(e, other, refid.substring(other.namespace().length() + 1), properties, depth, out);
        }
        if (fragment == null || depth >= MAX_INCLUDE_DEPTH) {
            problems.add(new Mapper.Problem(tag, fragment == null
                    ? "<include refid=\"" + refid + "\"> names no <sql> fragment of this mapper or of the other mappers"
                            + " checked; the statement is not checked"
                    : "<include> nests deeper than " + MAX_INCLUDE_DEPTH + " levels; the statement is not checked"));
            return false;
        }
        Map<String, String> inner = new HashMap<>(properties);
        for (Element p : e.elements()) {
            if (p.name().equals("property") && p.attribute("name") != null) {
                inner.put(p.attribute("name"), substitute(attr(p, "value"), properties));
            }
        }
        return expand(fragment.children(), inner, depth + 1, out);
    }

    /**
     * Includes a fragment of another mapper, expanded in that mapper's namespace (its own includes are
     * relative to it); its text and problems point at the {@code <include>} tag of this file.
     */
    private boolean includeOther(Element e, MapperFragments.Source other, String id, Map<String, String> properties,
                                 int depth, Out out) {
        List<Mapper.Problem> theirs = new java.util.ArrayList<>();
        SqlExpansion there = new SqlExpansion(other.namespace(), other.fragments(), others, theirs);
        Element wrapper = new Element("include", Map.of("refid", id), e.children(), e.start(), e.end());
        Out body = new Out();
        boolean ok = there.include(wrapper, properties, depth, body);
        TextRange tag = new TextRange(e.start(), e.end());
        theirs.forEach(p -> problems.add(new Mapper.Problem(tag, p.message())));
        out.append(body.text(), e.start());
        return ok;
    }

    /** Expands {@code e} and writes it with MyBatis's trim semantics, or nothing when it is empty. */
    private boolean trimmed(Element e, String prefix, String suffix, List<String> prefixOverrides,
                            List<String> suffixOverrides, Map<String, String> properties, int depth, Out out) {
        Out body = new Out();
        if (!expand(e.children(), properties, depth, body)) {
            return false;
        }
        String text = body.text();
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return true;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (String o : prefixOverrides) {
            boolean word = Character.isLetter(o.charAt(0));
            if (upper.startsWith(o, start) && (!word || start + o.length() == end
                    || Character.isWhitespace(text.charAt(start + o.length())))) {
                start += o.length();
                break;
            }
        }
        for (String o : suffixOverrides) {
            if (end - o.length() >= start && upper.startsWith(o, end - o.length())) {
                end -= o.length();
                break;
            }
        }
        out.append(" " + prefix + " ", e.start());
        out.append(body, start, end);
        out.append(" " + suffix + " ", e.start());
        return true;
    }

    /** Character data with {@code #{...}} as {@code ?} and {@code ${...}} substituted. */
    private void text(Text t, Map<String, String> properties, Out out) {
        String s = t.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = (c == '#' || c == '$') && i + 1 < s.length() && s.charAt(i + 1) == '{' ? s.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c, t.offsets()[i]);
                i++;
                continue;
            }
            int at = t.offsets()[i];
            String name = s.substring(i + 2, close).trim();
            if (c == '#') {
                out.append("?", at);
            } else if (properties.containsKey(name)) {
                out.append(properties.get(name), at);
            } else {
                out.append(dollarStandIn(out.text()), at);
            }
            i = close + 1;
        }
    }

    /**
     * What a {@code ${...}} becomes: inside a string literal a letter; where an operand or a name is
     * expected (after an operator, a comma or a keyword such as FROM or BY) the placeholder; after a
     * complete operand nothing, as in RuoYi's {@code WHERE ... ${params.dataScope}}, which appends a
     * condition.
     */
    private static String dollarStandIn(String before) {
        long quotes = before.chars().filter(ch -> ch == '\'').count();
        if (quotes % 2 == 1) {
            return "x";
        }
        int end = before.length();
        while (end > 0 && Character.isWhitespace(before.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return "";
        }
        char last = before.charAt(end - 1);
        boolean operandEnd = Character.isLetterOrDigit(last) || "_')\"`?".indexOf(last) >= 0;
        if (!operandEnd) {
            return MapperStatement.PLACEHOLDER;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(before.charAt(start - 1)) || before.charAt(start - 1) == '_')) {
            start--;
        }
        String word = before.substring(start, end).toLowerCase(Locale.ROOT);
        return OPERAND_BEFORE.contains(word) ? " " + MapperStatement.PLACEHOLDER + " " : "";
    }

    private static String substitute(String value, Map<String, String> properties) {
        String result = value;
        for (Map.Entry<String, String> p : properties.entrySet()) {
            result = result.replace("${" + p.getKey() + "}", p.getValue());
        }
        return result;
    }

    private static String attr(Element e, String name) {
        String v = e.attribute(name);
        return v == null ? "" : v;
    }

    private static List<String> overrides(String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(attribute.split("\\|")).map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> o.toUpperCase(Locale.ROOT)).toList();
    }

    /** Text being built, with each character's offset in the XML file. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[64];

        void append(char c, int offset) {
            if (text.length() == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[text.length()] = offset;
            text.append(c);
        }

        void append(String s, int offset) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), offset);
            }
        }

        void append(Out other, int from, int to) {
            for (int i = from; i < to; i++) {
                append(other.text.charAt(i), other.offsets[i]);
            }
        }

        String text() {
            return text.toString();
        }

        int[] offsets() {
            return Arrays.copyOf(offsets, text.length());
        }
    }
}
