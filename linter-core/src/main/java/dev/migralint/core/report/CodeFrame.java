package dev.migralint.core.report;

import dev.migralint.core.source.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The source lines under a diagnostic, with a line-number gutter and a caret underline, as rustc and
 * squawk print them. Carets are placed by terminal display column, not by UTF-16 column: tabs expand
 * to the next multiple of {@value #TAB_WIDTH} in the source line and the underline alike, East Asian
 * wide characters and emoji take two cells, combining marks none, so the carets stay under the text.
 */
final class CodeFrame {
    static final int TAB_WIDTH = 4;
    /** Source lines shown for a multi-line range; the rest is elided. */
    static final int MAX_LINES = 3;

    private final UnaryOperator<String> gutterStyle;
    private final UnaryOperator<String> caretStyle;

    /** The styles wrap the gutter and the carets (ANSI colours, or identity for plain text). */
    CodeFrame(UnaryOperator<String> gutterStyle, UnaryOperator<String> caretStyle) {
        this.gutterStyle = gutterStyle;
        this.caretStyle = caretStyle;
    }

    List<String> render(LineColumnSpan span) {
        String text = span.file().text();
        LineIndex lines = span.file().lines();
        int first = span.start().line();
        int last = span.lastLine();
        int shownLast = Math.min(last, first + MAX_LINES - 1);
        int width = Integer.toString(shownLast).length();
        String blankGutter = gutterStyle.apply(" ".repeat(width) + " |");

        List<String> out = new ArrayList<>();
        out.add(blankGutter);
        for (int line = first; line <= shownLast; line++) {
            int lineStart = lines.lineStart(line);
            int lineEnd = lines.lineEnd(line, text);
            Rendered rendered = renderLine(text, lineStart, lineEnd,
                    line == first ? span.startOffset() : -1,
                    line == first ? (first == last ? span.endOffset() : lineEnd) : -1);
            String number = " ".repeat(width - Integer.toString(line).length()) + line;
            out.add(stripTrailing(gutterStyle.apply(number + " |") + " " + rendered.text()));
            if (line == first) {
                int carets = Math.max(1, rendered.underlineEnd() - rendered.underlineStart());
                out.add(blankGutter + " " + " ".repeat(rendered.underlineStart())
                        + caretStyle.apply("^".repeat(carets)));
            }
        }
        if (shownLast < last) {
            out.add(blankGutter + " ...");
        }
        return out;
    }

    /** A source line as displayed, and the display columns the underline spans (0-based, end exclusive). */
    private record Rendered(String text, int underlineStart, int underlineEnd) {
    }

    private static Rendered renderLine(String text, int lineStart, int lineEnd, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int column = 0;
        int underlineStart = -1;
        int underlineEnd = -1;
        int offset = lineStart;
        while (offset < lineEnd) {
            int cp = text.codePointAt(offset);
            int units = Character.charCount(cp);
            if (underlineStart < 0 && from >= offset && from < offset + units) {
                underlineStart = column;
            }
            if (underlineEnd < 0 && to == offset) {
                underlineEnd = column;
            }
            int cells;
            if (cp == '\t') {
                cells = TAB_WIDTH - column % TAB_WIDTH;
                sb.append(" ".repeat(cells));
            } else if (Character.isISOControl(cp)) {
                // Never echo control characters (an ESC in a file could drive the terminal).
                cells = 1;
                sb.append('\uFFFD');
            } else {
                cells = cellWidth(cp);
                sb.appendCodePoint(cp);
            }
            column += cells;
            if (underlineEnd < 0 && to > offset && to < offset + units) {
                underlineEnd = column; // the range ends inside a surrogate pair: cover the whole character
            }
            offset += units;
        }
        if (underlineStart < 0) {
            underlineStart = column;
        }
        if (underlineEnd < 0) {
            underlineEnd = column;
        }
        return new Rendered(sb.toString(), underlineStart, Math.max(underlineStart, underlineEnd));
    }

    /** Terminal cells a code point occupies: a common approximation of Unicode East Asian Width. */
    static int cellWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
