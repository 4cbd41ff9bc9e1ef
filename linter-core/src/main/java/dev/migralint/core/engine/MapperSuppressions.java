package dev.migralint.core.engine;

import dev.migralint.core.input.mybatis.MapperReader;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions in a MyBatis mapper: the directive of SQL files, written in an XML comment
 * ({@code <!-- migralint-ignore rule-id -->}) before an element under the root (a statement, a
 * result map) or inside it, or in a SQL comment inside the element's text. It covers the element it
 * stands in, else the next one; {@code migralint-ignore-file} covers the mapper. XML does not allow {@code --} inside a
 * comment, so a directive in an XML comment carries no reason.
 */
final class MapperSuppressions {
    private static final Pattern XML_COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final Pattern SQL_COMMENT = Pattern.compile("(?:--|/\\*)[ \\t]*migralint-ignore[^\\n]*");

    private MapperSuppressions() {
    }

    static boolean isMapper(SourceFile f) {
        return f.displayPath().toLowerCase(Locale.ROOT).endsWith(".xml") && MapperReader.isMapper(f.text());
    }

    static Suppressions parse(SourceFile file) {
        String text = file.text();
        List<TextRange> statements = MapperReader.topLevelElements(text);
        List<Suppressions.Directive> found = new ArrayList<>();
        List<TextRange> xmlComments = new ArrayList<>();
        Matcher m = XML_COMMENT.matcher(text);
        while (m.find()) {
            TextRange comment = new TextRange(m.start(), m.end());
            xmlComments.add(comment);
            // "<!--" becomes "--" one character further on: offsets in the SQL form are base + i
            add(found, Suppressions.directive("--" + m.group(1), m.start() + 2, comment, scope(statements, comment, true)));
        }
        m = SQL_COMMENT.matcher(text);
        while (m.find()) {
            TextRange at = new TextRange(m.start(), m.end());
            TextRange scope = scope(statements, at, false);
            if (scope == null || xmlComments.stream().anyMatch(c -> c.start() <= at.start() && at.start() < c.end())) {
                continue; // only a SQL comment in a statement's text is one
            }
            String c = m.group();
            int close = c.startsWith("/*") ? c.indexOf("*/") : -1;
            c = close >= 0 ? c.substring(0, close + 2) : c;
            add(found, Suppressions.directive(c, m.start(), new TextRange(m.start(), m.start() + c.length()), scope));
        }
        return Suppressions.of(file, found);
    }

    private static void add(List<Suppressions.Directive> found, Suppressions.Directive d) {
        if (d != null) {
            found.add(d);
        }
    }

    /** The element {@code at} stands in; else, when {@code orNext}, the next one; else null. */
    private static TextRange scope(List<TextRange> statements, TextRange at, boolean orNext) {
        for (TextRange s : statements) {
            if (s.start() <= at.start() && at.end() <= s.end()) {
                return s;
            }
            if (orNext && s.start() >= at.end()) {
                return s;
            }
        }
        return null;
    }
}
