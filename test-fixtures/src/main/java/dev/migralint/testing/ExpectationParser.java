package dev.migralint.testing;

import dev.migralint.core.source.LineIndex;
import dev.migralint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test data written into a fixture file's comments:
 * <ul>
 *   <li>a first line {@code -- options: key=value key2=value2} (values without spaces);</li>
 *   <li>markers trailing the line where a finding starts, several per line allowed
 *       ({@code -- expect: a -- expect: b "x"}):
 *       <pre>
 *   -- expect: rule-id
 *   -- expect: rule-id "message fragment"
 *   -- expect: rule-id help="help fragment"
 *   -- expect: rule-id "message fragment" help="help fragment"
 *       </pre>
 *       The finding's message must contain the message fragment and its help the help fragment; pin a
 *       whole suggested statement by giving all of it ({@code help="CREATE INDEX CONCURRENTLY i ON t (c);"}).
 *       Inside the quotes, write {@code \"} for a double quote, {@code \\} for a backslash and
 *       {@code \n} for a line break of a help that spans lines
 *       ({@code help="CREATE INDEX CONCURRENTLY \"MyIdx\" ON \"Users\" (id);"}). Any other text after a
 *       marker is an error, so a misspelt {@code help=} cannot be ignored silently.</li>
 *   <li>in an XML file (a MyBatis mapper), both are written as XML comments:
 *       {@code <!-- expect: rule-id "fragment" -->}, {@code <!-- options: dialect=mysql -->}.</li>
 * </ul>
 * Lines are counted as {@link LineIndex} counts them (LF, CRLF and CR), so CRLF files work.
 */
public final class ExpectationParser {
    private static final Pattern OPTIONS = Pattern.compile("^--\\s*options:(.*)$");
    private static final Pattern OPTION = Pattern.compile("([A-Za-z0-9_.-]+)=(\\S+)");
    private static final Pattern MARKER_START = Pattern.compile("--\\s*expect:");
    private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern MARKER = Pattern.compile(
            "\\G\\s*--\\s*expect:\\s*([a-z0-9][a-z0-9-]*)(?:\\s+" + QUOTED + ")?(?:\\s+help=" + QUOTED + ")?\\s*");
    /** In XML (MyBatis mappers), where {@code --} cannot be written in a comment: {@code <!-- expect: ... -->}. */
    private static final Pattern XML_COMMENT = Pattern.compile("<!--\\s*((?:expect|options):.*?)\\s*-->");
    /** A marker with the blanks before it, to the end of its line. */
    private static final Pattern MARKER_TO_LINE_END = Pattern.compile("[ \\t]*--\\s*expect:[^\\r\\n]*");
    /** A marker in a SQL comment, not in an XML one (which must stay well-formed). */
    private static final Pattern SQL_MARKER_TO_LINE_END = Pattern.compile("(?<!<!)--\\s*expect:[^\\r\\n]*");

    private ExpectationParser() {
    }

    public static FixtureFile parse(SourceFile source) {
        return new FixtureFile(source, options(source.text()), expectations(source));
    }

    /** The options of a {@code -- options:} first line; empty when there is none. */
    public static Map<String, String> options(String text) {
        String first = fromXmlComment(text.lines().findFirst().orElse("").strip());
        Matcher m = OPTIONS.matcher(first);
        Map<String, String> options = new LinkedHashMap<>();
        if (m.matches()) {
            Matcher o = OPTION.matcher(m.group(1));
            while (o.find()) {
                options.put(o.group(1), o.group(2));
            }
            String rest = OPTION.matcher(m.group(1)).replaceAll("").strip();
            if (!rest.isEmpty()) {
                throw new IllegalArgumentException("options line has text that is not key=value: '" + rest + "'");
            }
        }
        return options;
    }

    public static List<Expectation> expectations(SourceFile source) {
        String text = source.text();
        LineIndex lines = LineIndex.of(text);
        List<Expectation> found = new ArrayList<>();
        for (int line = 1; line <= lines.lineCount(); line++) {
            String content = fromXmlComment(text.substring(lines.lineStart(line), lines.lineEnd(line, text)));
            Matcher start = MARKER_START.matcher(content);
            if (!start.find()) {
                continue;
            }
            Matcher m = MARKER.matcher(content);
            m.region(start.start(), content.length());
            int end = start.start();
            while (m.find()) {
                found.add(new Expectation(source.displayPath(), line, m.group(1), unescape(m.group(2)),
                        unescape(m.group(3))));
                end = m.end();
            }
            if (end == start.start()) {
                throw new IllegalArgumentException(source.displayPath() + ":" + line
                        + ": marker without a rule id; write -- expect: rule-id [\"fragment\"] [help=\"fragment\"]");
            }
            if (end < content.length()) {
                throw new IllegalArgumentException(source.displayPath() + ":" + line + ": marker text '"
                        + content.substring(end) + "' is not understood; write -- expect: rule-id [\"fragment\"] "
                        + "[help=\"fragment\"], with \\\" for a double quote inside a fragment");
            }
        }
        return found;
    }

    /** An XML comment holding a marker or options, rewritten as the SQL comment form. */
    private static String fromXmlComment(String line) {
        return XML_COMMENT.matcher(line).replaceAll("-- $1");
    }

    /**
     * The text with the words of every marker overwritten by spaces, an empty {@code --} comment left in
     * its place so that offsets and tokens stay as they were: what the linter reads. Markers are test
     * data; a rule that reads comments (a column's documentation) must not read them.
     */
    public static String blankMarkers(String text) {
        Matcher m = SQL_MARKER_TO_LINE_END.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start() + 2; i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    /** The text with every marker removed, with the blanks before it; line breaks and all else stay. */
    public static String withoutMarkers(String text) {
        return MARKER_TO_LINE_END.matcher(text).replaceAll("");
    }

    private static String unescape(String fragment) {
        if (fragment == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '\\' && i + 1 < fragment.length()) {
                char next = fragment.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
