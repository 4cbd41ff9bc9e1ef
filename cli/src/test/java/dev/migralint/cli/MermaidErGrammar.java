package dev.migralint.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check of Mermaid {@code erDiagram} text against the part of Mermaid's grammar that migralint
 * writes, with the token rules of its Jison lexer ({@code erDiagram.jison}) narrowed to what Mermaid
 * 9 to 11 all accept: comments ({@code %%} lines, removed before parsing as Mermaid does), the
 * {@code erDiagram} header, entity blocks with attributes {@code type name [PK|FK|UK[, ...]] ["comment"]},
 * and relationships {@code a <card><line><card> b : "label"}. Returns one message per violation with
 * its line number; an empty list means the text conforms.
 */
final class MermaidErGrammar {
    /** A bare entity name: a word that older releases accept too. */
    private static final Pattern BARE_ENTITY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** The lexer's ENTITY_NAME: a quoted name without quotes, percent signs, backslashes or line breaks. */
    private static final Pattern QUOTED_ENTITY = Pattern.compile("\"[^\"%\\r\\n\\u000B\\x08\\\\]+\"");
    /** Attribute types and names: ATTRIBUTE_WORD as every release since 9 lexes it, without its extras. */
    private static final Pattern ATTRIBUTE_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(\\S+)\\s+(\\S+)(?:\\s+((?:PK|FK|UK)(?:\\s*,\\s*(?:PK|FK|UK))*))?(?:\\s+(\"[^\"]*\"))?");
    private static final Pattern RELATIONSHIP = Pattern.compile(
            "(\"[^\"]*\"|\\S+)\\s+(\\|o|\\|\\||}o|}\\|)(--|\\.\\.)(o\\||\\|\\||o\\{|\\|\\{)\\s+(\"[^\"]*\"|\\S+)\\s+:\\s+(\"[^\"]*\"|[A-Za-z_][\\w-]*)");
    /**
     * Words the lexer turns into other tokens outside entity blocks, whole and in any case (Jison adds
     * a word boundary after a literal that ends in a letter).
     */
    private static final Set<String> KEYWORDS = Set.of("erdiagram", "end", "one", "many", "to", "style", "class",
            "classdef", "subgraph", "u", "o");
    /** ATTRIBUTE_KEY is lexed before ATTRIBUTE_WORD, in any case, as a whole word. */
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("pk", "fk", "uk");

    private MermaidErGrammar() {
    }

    static List<String> violations(String text) {
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Set<String> entities = new HashSet<>();
        List<String[]> references = new ArrayList<>();
        boolean header = false;
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            int n = i + 1;
            if (line.contains("\r")) {
                errors.add(n + ": carriage return");
            }
            if (t.isEmpty() || (t.startsWith("%%") && !t.startsWith("%%{"))) {
                continue;
            }
            if (!header) {
                if (!t.equals("erDiagram")) {
                    errors.add(n + ": expected erDiagram, got " + t);
                }
                header = true;
                continue;
            }
            if (inBlock) {
                if (t.equals("}")) {
                    inBlock = false;
                } else {
                    attribute(t, n, errors);
                }
                continue;
            }
            if (t.endsWith("{")) {
                String name = t.substring(0, t.length() - 1).strip();
                entity(name, n, errors);
                entities.add(name);
                inBlock = true;
                continue;
            }
            Matcher m = RELATIONSHIP.matcher(t);
            if (!m.matches()) {
                errors.add(n + ": neither an entity block nor a relationship: " + t);
                continue;
            }
            entity(m.group(1), n, errors);
            entity(m.group(5), n, errors);
            references.add(new String[] {String.valueOf(n), m.group(1), m.group(5)});
        }
        if (!header) {
            errors.add("no erDiagram header");
        }
        if (inBlock) {
            errors.add("entity block not closed");
        }
        for (String[] r : references) {
            for (int k = 1; k <= 2; k++) {
                if (!entities.contains(r[k])) {
                    errors.add(r[0] + ": relationship names " + r[k] + ", which has no entity block");
                }
            }
        }
        return errors;
    }

    /** Splits text holding several diagrams, each after its {@code %%} heading line. */
    static List<String> diagrams(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("\n(?=%% )")) {
            out.add(part);
        }
        return out;
    }

    private static void entity(String name, int n, List<String> errors) {
        if (QUOTED_ENTITY.matcher(name).matches()) {
            return;
        }
        if (!BARE_ENTITY.matcher(name).matches()) {
            errors.add(n + ": entity name " + name + " must be a word or quoted");
        } else if (KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            errors.add(n + ": entity name " + name + " is a keyword; quote it");
        }
    }

    private static void attribute(String t, int n, List<String> errors) {
        Matcher m = ATTRIBUTE.matcher(t);
        if (!m.matches()) {
            errors.add(n + ": not an attribute (type name [keys] [\"comment\"]): " + t);
            return;
        }
        for (int g = 1; g <= 2; g++) {
            String word = m.group(g);
            if (!ATTRIBUTE_WORD.matcher(word).matches()) {
                errors.add(n + ": attribute " + (g == 1 ? "type " : "name ") + word + " is not a word");
            } else if (ATTRIBUTE_KEYS.contains(word.toLowerCase(Locale.ROOT))) {
                errors.add(n + ": attribute " + (g == 1 ? "type " : "name ") + word + " is a key keyword");
            }
        }
    }
}
