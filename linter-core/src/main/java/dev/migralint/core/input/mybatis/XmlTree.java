package dev.migralint.core.input.mybatis;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A mapper file as a small tree whose text knows, character by character, where it is written in
 * the file. The JDK's StAX parser reads the structure (entities decoded, CDATA unwrapped); its own
 * locations are not exact enough for a caret, so each event is found again in the raw text by a
 * cursor that moves with the parser.
 */
final class XmlTree {
    sealed interface Node permits Element, Text {
    }

    /** An element: its name, attributes, children, and the offset of its {@code <}. */
    record Element(String name, Map<String, String> attributes, List<Node> children, int start, int end)
            implements Node {
        String attribute(String key) {
            return attributes.get(key);
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }
    }

    /** Character data as the parser decoded it, with each character's offset in the file. */
    record Text(String text, int[] offsets) implements Node {
    }

    /** Thrown for XML the parser rejects; {@code offset} is where, as near as the parser says. */
    static final class Malformed extends Exception {
        final int line;
        final int column;

        Malformed(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final String raw;
    private int pos;
    private boolean inCdata;

    private XmlTree(String raw) {
        this.raw = raw;
    }

    static Element parse(String raw) throws Malformed {
        return new XmlTree(raw).read();
    }

    private Element read() throws Malformed {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTD loading (mappers name mybatis.org's DTD; a lint run never goes to the network)
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        XMLStreamReader r = null;
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        boolean selfClosed = false;
        try {
            r = factory.createXMLStreamReader(new StringReader(raw));
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        int start = raw.indexOf("<" + qualified(r.getPrefix(), r.getLocalName()), pos);
                        pos = tagEnd(start);
                        selfClosed = raw.charAt(pos - 2) == '/';
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        Element e = new Element(r.getLocalName(), attrs, new ArrayList<>(), start, pos);
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().children().add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (!selfClosed) {
                            pos = tagEnd(raw.indexOf("</", pos));
                        }
                        selfClosed = false;
                        open.pop();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        selfClosed = false;
                        Text t = text(r.getText());
                        if (!open.isEmpty()) {
                            open.peek().children().add(t);
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        selfClosed = false;
                        pos = raw.indexOf("-->", raw.indexOf("<!--", pos)) + 3;
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> pos = raw.indexOf("?>", pos) + 2;
                    case XMLStreamConstants.DTD -> pos = doctypeEnd(raw.indexOf("<!DOCTYPE", pos));
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            throw new Malformed(e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""),
                    at == null ? 1 : at.getLineNumber(), at == null ? 1 : at.getColumnNumber());
        } finally {
            close(r);
        }
        if (root == null) {
            throw new Malformed("no root element", 1, 1);
        }
        return root;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** Decoded text mapped onto the raw characters it came from: entities, CDATA markers and CR LF. */
    private Text text(String decoded) {
        int[] offsets = new int[decoded.length()];
        int j = pos;
        for (int i = 0; i < decoded.length(); i++) {
            while (true) {
                if (!inCdata && raw.startsWith("<![CDATA[", j)) {
                    inCdata = true;
                    j += 9;
                } else if (inCdata && raw.startsWith("]]>", j)) {
                    inCdata = false;
                    j += 3;
                } else {
                    break;
                }
            }
            offsets[i] = Math.min(j, raw.length() - 1);
            if (j >= raw.length()) {
                continue;
            }
            char c = raw.charAt(j);
            if (!inCdata && c == '&') {
                int semi = raw.indexOf(';', j);
                j = semi < 0 ? j + 1 : semi + 1;
            } else if (c == '\r' && decoded.charAt(i) == '\n') {
                j += j + 1 < raw.length() && raw.charAt(j + 1) == '\n' ? 2 : 1;
            } else {
                j++;
            }
        }
        if (inCdata && raw.startsWith("]]>", j)) {
            inCdata = false;
            j += 3;
        }
        pos = j;
        return new Text(decoded, offsets);
    }

    /** The offset after the {@code >} that ends the tag starting at {@code start}, quotes respected. */
    private int tagEnd(int start) {
        return markupEnd(start, false);
    }

    /** As {@link #tagEnd}, an internal subset in brackets skipped. */
    private int doctypeEnd(int start) {
        return markupEnd(start, true);
    }

    private int markupEnd(int start, boolean brackets) {
        int depth = 0;
        char quote = 0;
        for (int i = Math.max(start, 0); i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (brackets && (c == '[' || c == ']')) {
                depth += c == '[' ? 1 : -1;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return raw.length();
    }

    private static void close(XMLStreamReader r) {
        if (r == null) {
            return;
        }
        try {
            r.close();
        } catch (XMLStreamException e) {
            // closing a reader over a string releases nothing that matters
        }
    }
}
