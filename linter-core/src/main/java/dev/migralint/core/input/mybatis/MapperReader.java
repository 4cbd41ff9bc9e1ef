package dev.migralint.core.input.mybatis;

import dev.migralint.core.input.mybatis.XmlTree.Element;
import dev.migralint.core.source.LineIndex;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a MyBatis mapper XML file into its statements, each expanded to a representative SQL
 * statement with positions mapped back to the XML (see {@link MapperStatement}), and its result maps.
 * Uses the JDK's StAX parser, not MyBatis: the SQL is only read, never run, and no Java types are needed.
 */
public final class MapperReader {
    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
    private static final Pattern MAPPER = Pattern.compile(
            "<!DOCTYPE\\s+mapper\\b|<mapper\\s[^>]*\\bnamespace\\s*=", Pattern.CASE_INSENSITIVE);

    private MapperReader() {
    }

    /** True when {@code text} is a MyBatis mapper: its DOCTYPE, or a {@code <mapper namespace=...>} root. */
    public static boolean isMapper(String text) {
        int head = Math.min(text.length(), 4096);
        return MAPPER.matcher(text.substring(0, head)).find();
    }

    public static Mapper read(SourceFile file) {
        return read(file, MapperFragments.NONE);
    }

    /** Reads {@code file}; an {@code <include>} of another mapper's fragment is looked up in {@code others}. */
    public static Mapper read(SourceFile file, MapperFragments others) {
        Element root;
        try {
            root = XmlTree.parse(file.text());
        } catch (XmlTree.Malformed e) {
            int at = offset(file, e.line, e.column);
            return new Mapper(file, null, List.of(), List.of(),
                    List.of(new Mapper.Problem(new TextRange(at, Math.min(at + 1, file.text().length())),
                            "Cannot read mapper XML: " + e.getMessage())));
        }
        String namespace = root.attribute("namespace");
        List<Mapper.Problem> problems = new ArrayList<>();
        SqlExpansion expansion = new SqlExpansion(namespace, fragments(root), others, problems);
        List<MapperStatement> statements = new ArrayList<>();
        List<ResultMap> resultMaps = new ArrayList<>();
        for (Element e : root.elements()) {
            TextRange tag = new TextRange(e.start(), e.end());
            if (STATEMENTS.contains(e.name()) && e.attribute("id") != null) {
                SqlExpansion.Sql sql = expansion.statement(e);
                if (sql != null) {
                    statements.add(new MapperStatement(namespace, e.attribute("id"), e.name(), sql.text(), sql.offsets(),
                            e.attribute("resultMap"), e.attribute("resultType"), tag));
                }
            } else if (e.name().equals("resultMap") && e.attribute("id") != null) {
                List<ResultMap.NestedSelect> nested = new ArrayList<>();
                nestedSelects(e, nested);
                resultMaps.add(new ResultMap(e.attribute("id"), e.attribute("extends"), tag, nested));
            }
        }
        return new Mapper(file, namespace, statements, resultMaps, problems);
    }

    /**
     * Where each element under a mapper's root (statements, result maps, fragments) is written, from
     * its start tag to its end tag; empty when the text is not well-formed XML.
     */
    public static List<TextRange> topLevelElements(String text) {
        Element root;
        try {
            root = XmlTree.parse(text);
        } catch (XmlTree.Malformed e) {
            return List.of();
        }
        List<TextRange> out = new ArrayList<>();
        for (Element e : root.elements()) {
            int close = text.charAt(e.end() - 2) == '/' ? -1 : text.indexOf("</" + e.name() + ">", e.end());
            int end = close < 0 ? e.end() : close + e.name().length() + 3;
            out.add(new TextRange(e.start(), end));
        }
        return out;
    }

    /** The {@code <sql>} fragments of a mapper, by id. */
    static Map<String, Element> fragments(Element root) {
        Map<String, Element> fragments = new HashMap<>();
        for (Element e : root.elements()) {
            if (e.name().equals("sql") && e.attribute("id") != null) {
                fragments.put(e.attribute("id"), e);
            }
        }
        return fragments;
    }

    private static void nestedSelects(Element e, List<ResultMap.NestedSelect> out) {
        for (Element child : e.elements()) {
            boolean loads = child.name().equals("association") || child.name().equals("collection");
            if (loads && child.attribute("select") != null && !child.attribute("select").isBlank()) {
                out.add(new ResultMap.NestedSelect(child.name(), child.attribute("property"), child.attribute("select"),
                        new TextRange(child.start(), child.end())));
            }
            nestedSelects(child, out);
        }
    }

    private static int offset(SourceFile file, int line, int column) {
        LineIndex index = LineIndex.of(file.text());
        int l = Math.min(Math.max(line, 1), index.lineCount());
        return Math.min(index.lineStart(l) + Math.max(column, 1) - 1, file.text().length());
    }
}
