package dev.migralint.core.report;

import dev.migralint.core.engine.SchemaHistory;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The replayed schema as a Mermaid {@code erDiagram}, one diagram per chain after a {@code %%} comment
 * naming it: an entity per table with its columns ({@code type name PK, FK, UK "comment"}) and a
 * relationship per foreign key, from the referencing table to the referenced one, labelled with the
 * key's columns.
 *
 * <p>What Mermaid's grammar accepts decides the spelling. An attribute's type and name are single
 * words that start with a letter (older Mermaid releases allow nothing else), so a type is shown as
 * its name's word characters ({@code varchar}, {@code double_precision}, {@code text_array}) and a
 * type with arguments in full ({@code varchar(255)}) in the comment; a name that is not such a word
 * is rewritten and its real spelling goes into the comment too. {@code PK}, {@code FK} and {@code UK} are keywords in any
 * case, so a column of that name gets a trailing underscore. An entity name that is not a plain word
 * (a schema-qualified name, a keyword such as {@code end} or {@code one}) is quoted.
 */
final class MermaidSchemaWriter implements SchemaWriter {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Keywords of the erDiagram grammar outside entity blocks (matched case-insensitively, as whole words). */
    private static final Set<String> ENTITY_KEYWORDS = Set.of("erdiagram", "end", "one", "many", "only", "zero",
            "to", "optionally", "style", "class", "classdef", "subgraph", "direction", "title", "acctitle",
            "accdescr", "u", "o");
    private static final Set<String> ATTRIBUTE_KEYWORDS = Set.of("pk", "fk", "uk");
    private static final String INDENT = "    ";

    @Override
    public void write(List<SchemaHistory> chains, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < chains.size(); i++) {
            if (i > 0) {
                s.append('\n');
            }
            diagram(chains.get(i), s);
        }
        out.write(s.toString());
        out.flush();
    }

    private static void diagram(SchemaHistory h, StringBuilder s) {
        Schema schema = h.schema();
        s.append("%% ").append(comment(SchemaDisplay.heading(h))).append('\n');
        s.append("erDiagram\n");
        for (Table t : schema.tables()) {
            s.append(INDENT).append(entity(SchemaDisplay.tableName(schema, t.name())));
            if (t.columns().isEmpty()) {
                s.append(" {\n").append(INDENT).append("}\n");
                continue;
            }
            s.append(" {\n");
            for (Column c : t.columns()) {
                attribute(schema, t, c, s);
            }
            s.append(INDENT).append("}\n");
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                relationship(schema, t, fk, s);
            }
        }
    }

    private static void attribute(Schema schema, Table t, Column c, StringBuilder s) {
        String fullType = SchemaDisplay.type(c.type());
        String type = typeWord(c.type().name(), c.type().array());
        String written = SchemaDisplay.columnName(schema, c);
        String name = attributeName(written);
        List<String> notes = new ArrayList<>();
        if (!name.equals(written)) {
            notes.add(written);
        }
        if (!c.type().args().isEmpty()) {
            notes.add(fullType);
        }
        s.append(INDENT).append(INDENT).append(type).append(' ').append(name);
        List<String> keys = SchemaDisplay.keys(t, c);
        if (!keys.isEmpty()) {
            s.append(' ').append(String.join(", ", keys));
        }
        if (!notes.isEmpty()) {
            s.append(" \"").append(comment(String.join(", ", notes))).append('"');
        }
        s.append('\n');
    }

    /**
     * {@code child }o..|| parent : "col"}: the child's end is zero-or-one when the key's columns are
     * unique in the child, else zero-or-more; the parent's end is exactly one when every key column
     * is NOT NULL, else zero-or-one; the line is solid (identifying) when the key is part of the
     * child's primary key, dashed otherwise.
     */
    private static void relationship(Schema schema, Table child, ForeignKey fk, StringBuilder s) {
        SchemaDisplay.Relationship r = SchemaDisplay.relationship(child, fk);
        s.append(INDENT).append(entity(SchemaDisplay.tableName(schema, child.name())))
                .append(' ').append(r.childUnique() ? "|o" : "}o")
                .append(r.identifying() ? "--" : "..")
                .append(r.required() ? "||" : "o|").append(' ')
                .append(entity(SchemaDisplay.tableName(schema, fk.refTable())))
                .append(" : \"").append(comment(String.join(", ", SchemaDisplay.columnNames(schema, child, fk.columns()))))
                .append("\"\n");
    }

    private static String entity(String name) {
        if (WORD.matcher(name).matches() && !ENTITY_KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        // A quoted entity name may hold anything but quotes, percent signs, backslashes and line breaks.
        return '"' + name.replaceAll("[\"%\\\\\\p{Cntrl}]", "_") + '"';
    }

    /** The type's name as one word: {@code double precision} -> {@code double_precision}, arrays end in {@code _array}. */
    static String typeWord(String typeName, boolean array) {
        String name = typeName;
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot < name.length() - 1) {
            name = name.substring(dot + 1);
        }
        String word = toWord(name, "type");
        return array ? word + "_array" : word;
    }

    static String attributeName(String column) {
        String word = toWord(column, "column");
        return ATTRIBUTE_KEYWORDS.contains(word.toLowerCase(Locale.ROOT)) ? word + "_" : word;
    }

    /** Non-word characters become {@code _} (runs of them one), and a word must start with a letter. */
    private static String toWord(String s, String prefix) {
        String word = s.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (word.isEmpty()) {
            return prefix;
        }
        return Character.isLetter(word.charAt(0)) ? word : prefix + "_" + word;
    }

    /** Text inside double quotes or after {@code %%}: no double quotes, no line breaks. */
    private static String comment(String text) {
        return text.replace('"', '\'').replaceAll("\\p{Cntrl}", " ");
    }
}
