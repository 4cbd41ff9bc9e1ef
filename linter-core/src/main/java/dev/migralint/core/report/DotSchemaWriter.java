package dev.migralint.core.report;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.engine.SchemaHistory;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.EnumType;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.View;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The replayed schema as a Graphviz digraph: a node per table (an HTML-like table of its columns with
 * type, nullability and keys), view and enum type; an edge per foreign key from the referencing column
 * to the referenced one, with crow's-foot ends as in the Mermaid diagram; dashed edges from a view to
 * what it reads. Several chains become clusters of one graph, so {@code dot} draws one picture.
 */
final class DotSchemaWriter implements SchemaWriter {

    @Override
    public void write(List<SchemaHistory> chains, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("digraph schema {\n");
        s.append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12];\n");
        s.append("  node [shape=plain, fontname=\"Helvetica\", fontsize=10];\n");
        s.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        boolean clusters = chains.size() > 1;
        for (int i = 0; i < chains.size(); i++) {
            SchemaHistory h = chains.get(i);
            String prefix = clusters ? "c" + (i + 1) + ":" : "";
            String indent = clusters ? "    " : "  ";
            s.append('\n');
            if (clusters) {
                s.append("  subgraph ").append(quote("cluster_" + (i + 1))).append(" {\n");
                s.append("    label=").append(quote(SchemaDisplay.heading(h))).append(";\n");
            } else {
                s.append("  // ").append(SchemaDisplay.heading(h).replaceAll("\\p{Cntrl}", " ")).append('\n');
            }
            chain(h.schema(), prefix, indent, s);
            if (clusters) {
                s.append("  }\n");
            }
        }
        s.append("}\n");
        out.write(s.toString());
        out.flush();
    }

    private static void chain(Schema schema, String prefix, String indent, StringBuilder s) {
        for (Table t : schema.tables()) {
            s.append(indent).append(quote(prefix + t.name().qualified())).append(" [label=<\n");
            s.append(indent).append("  <table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
            s.append(indent).append("    <tr><td colspan=\"3\" bgcolor=\"#dde4ee\"><b>")
                    .append(html(SchemaDisplay.tableName(schema, t.name()))).append("</b></td></tr>\n");
            List<Column> columns = t.columns();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                s.append(indent).append("    <tr><td port=\"c").append(c).append("w\" align=\"left\">")
                        .append(html(SchemaDisplay.columnName(schema, col))).append("</td><td align=\"left\">")
                        .append(html(SchemaDisplay.type(schema, col.type()) + (col.notNull() ? " not null" : "")))
                        .append("</td><td port=\"c").append(c).append("e\" align=\"left\">")
                        .append(html(String.join(" ", SchemaDisplay.keys(t, col)))).append("</td></tr>\n");
            }
            if (!t.columnsKnown()) {
                s.append(indent).append("    <tr><td colspan=\"3\"><i>(more columns, not known)</i></td></tr>\n");
            }
            s.append(indent).append("  </table>>];\n");
        }
        for (View v : schema.views()) {
            s.append(indent).append(quote(prefix + v.name().qualified())).append(" [shape=box, style=\"rounded,dashed\", label=<<b>")
                    .append(html(SchemaDisplay.tableName(schema, v.name()))).append("</b><br/><i>view</i>>];\n");
        }
        for (EnumType e : schema.enums()) {
            s.append(indent).append(quote(prefix + e.name().qualified())).append(" [shape=note, label=<<b>")
                    .append(html(SchemaDisplay.tableName(schema, e.name()))).append("</b><br/><i>enum</i><br/>")
                    .append(html(String.join(" | ", e.labels()))).append(">];\n");
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                edge(schema, t, fk, prefix, indent, s);
            }
        }
        for (View v : schema.views()) {
            v.dependsOn().stream().sorted(Comparator.comparing(ObjectName::qualified)).forEach(d ->
                    s.append(indent).append(quote(prefix + v.name().qualified())).append(" -> ")
                            .append(quote(prefix + d.qualified())).append(" [style=dashed, arrowhead=empty];\n"));
        }
    }

    /**
     * From the referencing column to the referenced one (the first of each for a composite key, which
     * is then labelled with its columns). The tail is the child's end, the head the parent's, drawn as
     * in crow's-foot notation: {@code crowodot} zero or more, {@code teeodot} zero or one, {@code teetee}
     * exactly one.
     */
    private static void edge(Schema schema, Table child, ForeignKey fk, String prefix, String indent, StringBuilder s) {
        SchemaDisplay.Relationship r = SchemaDisplay.relationship(child, fk);
        Optional<Table> parent = schema.relation(fk.refTable());
        s.append(indent).append(quote(prefix + child.name().qualified())).append(port(child, fk.columns(), 'e'))
                .append(" -> ").append(quote(prefix + fk.refTable().qualified()))
                .append(parent.map(p -> port(p, fk.refColumns(), 'w')).orElse(""))
                .append(" [dir=both, arrowtail=").append(r.childUnique() ? "teeodot" : "crowodot")
                .append(", arrowhead=").append(r.required() ? "teetee" : "teeodot");
        if (!r.identifying()) {
            s.append(", style=dashed");
        }
        if (fk.columns().size() > 1) {
            s.append(", label=").append(quote(String.join(", ", SchemaDisplay.columnNames(schema, child, fk.columns()))));
        }
        s.append("];\n");
    }

    /**
     * The row of the first of {@code columns}: its last cell's east side ({@code side} e), where an
     * edge leaves the referencing table, or its first cell's west side ({@code side} w), where it
     * enters the referenced one, since tables are laid out left to right. Nothing when the table does
     * not have the column.
     */
    private static String port(Table t, List<String> columns, char side) {
        if (columns.isEmpty()) {
            return "";
        }
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(columns.get(0))) {
                return ":" + quote("c" + i + side) + ":" + side;
            }
        }
        return "";
    }

    /** A DOT quoted string. */
    static String quote(String s) {
        return '"' + ControlCharacters.escape(s).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Text inside an HTML-like label. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("\\p{Cntrl}", " ");
    }
}
