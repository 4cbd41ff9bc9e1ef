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
 *   <li>markers trailing the line where a finding starts: {@code -- expect: rule-id} or
 *       {@code -- expect: rule-id "message fragment"}, several per line allowed
 *       ({@code -- expect: a -- expect: b "x"}).</li>
 * </ul>
 * Lines are counted as {@link LineIndex} counts them (LF, CRLF and CR), so CRLF files work.
 */
public final class ExpectationParser {
    private static final Pattern OPTIONS = Pattern.compile("^--\\s*options:(.*)$");
    private static final Pattern OPTION = Pattern.compile("([A-Za-z0-9_.-]+)=(\\S+)");
    private static final Pattern MARKER_START = Pattern.compile("--\\s*expect:");
    private static final Pattern MARKER = Pattern.compile(
            "expect:\\s*([a-z0-9][a-z0-9-]*)(?:\\s+\"([^\"]*)\")?");

    private ExpectationParser() {
    }

    public static FixtureFile parse(SourceFile source) {
        return new FixtureFile(source, options(source.text()), expectations(source));
    }

    /** The options of a {@code -- options:} first line; empty when there is none. */
    public static Map<String, String> options(String text) {
        String first = text.lines().findFirst().orElse("").strip();
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
            String content = text.substring(lines.lineStart(line), lines.lineEnd(line, text));
            Matcher start = MARKER_START.matcher(content);
            if (!start.find()) {
                continue;
            }
            Matcher m = MARKER.matcher(content);
            m.region(start.start(), content.length());
            boolean any = false;
            while (m.find()) {
                found.add(new Expectation(source.displayPath(), line, m.group(1), m.group(2)));
                any = true;
            }
            if (!any) {
                throw new IllegalArgumentException(source.displayPath() + ":" + line
                        + ": marker without a rule id; write -- expect: rule-id [\"fragment\"]");
            }
        }
        return found;
    }
}
