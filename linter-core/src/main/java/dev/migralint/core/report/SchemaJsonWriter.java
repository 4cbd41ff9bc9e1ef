package dev.migralint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import dev.migralint.core.engine.SchemaHistory;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.EnumType;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint;
import dev.migralint.core.schema.View;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The replayed schema as JSON, documented field by field in {@code docs/schema-format.md}. As with
 * the JSON report, field names are stable within a {@link #FORMAT_VERSION} and every documented field
 * is always present ({@code null} when it has no value).
 */
final class SchemaJsonWriter implements SchemaWriter {
    static final int FORMAT_VERSION = 1;

    private final String toolVersion;

    SchemaJsonWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(List<SchemaHistory> chains, Writer out) throws IOException {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "migralint");
        tool.put("version", toolVersion);
        ArrayNode array = root.putArray("chains");
        for (SchemaHistory h : chains) {
            array.add(chain(h));
        }
        JsonOutput.write(out, root);
    }

    private static ObjectNode chain(SchemaHistory h) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("chain", h.chain().displayRoot());
        node.put("layout", h.layout().id());
        node.put("dialect", h.schema().dialect().id());
        node.put("migrations", h.steps().size());
        Optional<Migration> last = h.last();
        if (last.isPresent()) {
            ObjectNode m = node.putObject("lastMigration");
            m.put("version", last.get().version());
            m.put("description", last.get().description());
            m.put("file", last.get().up().file().displayPath());
        } else {
            node.putNull("lastMigration");
        }
        node.set("schema", schema(h.schema()));
        return node;
    }

    private static ObjectNode schema(Schema schema) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        ArrayNode schemas = node.putArray("schemas");
        schema.schemaNames().stream().sorted().forEach(schemas::add);
        ArrayNode tables = node.putArray("tables");
        schema.tables().forEach(t -> tables.add(table(schema, t)));
        ArrayNode matViews = node.putArray("materializedViews");
        schema.materializedViews().forEach(t -> matViews.add(table(schema, t)));
        ArrayNode views = node.putArray("views");
        for (View v : schema.views()) {
            ObjectNode vn = views.addObject();
            name(vn, v.name());
            ArrayNode deps = vn.putArray("dependsOn");
            v.dependsOn().stream().sorted(Comparator.comparing(ObjectName::qualified))
                    .forEach(d -> name(deps.addObject(), d));
            definedAt(vn, v.definedAt());
        }
        ArrayNode enums = node.putArray("enums");
        for (EnumType e : schema.enums()) {
            ObjectNode en = enums.addObject();
            name(en, e.name());
            ArrayNode labels = en.putArray("labels");
            e.labels().forEach(labels::add);
            definedAt(en, e.definedAt());
        }
        return node;
    }

    private static ObjectNode table(Schema schema, Table t) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        name(node, t.name());
        node.put("temporary", t.temporary());
        node.put("columnsKnown", t.columnsKnown());
        ArrayNode columns = node.putArray("columns");
        for (Column c : t.columns()) {
            ObjectNode cn = columns.addObject();
            cn.put("name", SchemaDisplay.columnName(schema, c));
            cn.put("type", SchemaDisplay.type(c.type()));
            cn.put("typeAsWritten", c.type().text());
            cn.put("nullable", !c.notNull());
            cn.put("default", c.defaultExpression());
            cn.put("identity", c.identity());
            cn.put("generated", c.generated());
            definedAt(cn, c.definedAt());
        }
        if (t.primaryKey() == null) {
            node.putNull("primaryKey");
        } else {
            node.set("primaryKey", key(t.primaryKey().name(),
                    SchemaDisplay.columnNames(schema, t, t.primaryKey().columns()), t.primaryKey().definedAt()));
        }
        ArrayNode uniques = node.putArray("uniques");
        t.uniques().forEach(u -> uniques.add(key(u.name(), SchemaDisplay.columnNames(schema, t, u.columns()),
                u.definedAt())));
        ArrayNode fks = node.putArray("foreignKeys");
        for (TableConstraint.ForeignKey fk : t.foreignKeys()) {
            ObjectNode fn = fks.addObject();
            fn.put("name", fk.name());
            strings(fn.putArray("columns"), SchemaDisplay.columnNames(schema, t, fk.columns()));
            ObjectNode ref = fn.putObject("references");
            name(ref, SchemaDisplay.spelled(schema, fk.refTable()));
            strings(ref.putArray("columns"), SchemaDisplay.columnNames(schema,
                    schema.relation(fk.refTable()).orElse(null), fk.refColumns()));
            fn.put("onDelete", fk.onDelete());
            fn.put("onUpdate", fk.onUpdate());
            fn.put("validated", fk.validated());
            definedAt(fn, fk.definedAt());
        }
        ArrayNode checks = node.putArray("checks");
        for (TableConstraint.CheckConstraint c : t.checks()) {
            ObjectNode cn = checks.addObject();
            cn.put("name", c.name());
            cn.put("expression", c.expression());
            cn.put("validated", c.validated());
            definedAt(cn, c.definedAt());
        }
        ArrayNode exclusions = node.putArray("exclusions");
        for (TableConstraint.ExclusionConstraint x : t.exclusions()) {
            ObjectNode xn = exclusions.addObject();
            xn.put("name", x.name());
            definedAt(xn, x.definedAt());
        }
        ArrayNode indexes = node.putArray("indexes");
        t.indexes().forEach(i -> indexes.add(index(schema, t, i)));
        definedAt(node, t.definedAt());
        return node;
    }

    private static ObjectNode index(Schema schema, Table t, Index i) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("name", i.displayName());
        node.put("unique", i.unique());
        node.put("method", i.method());
        ArrayNode keys = node.putArray("columns");
        for (IndexColumn k : i.keys()) {
            ObjectNode kn = keys.addObject();
            kn.put("column", k.column() == null ? null : SchemaDisplay.columnNames(schema, t, List.of(k.column())).get(0));
            kn.put("expression", k.expression());
            kn.put("descending", k.descending());
        }
        strings(node.putArray("include"), SchemaDisplay.columnNames(schema, t, i.include()));
        node.put("predicate", i.predicate());
        node.put("origin", i.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        definedAt(node, i.definedAt());
        return node;
    }

    private static ObjectNode key(String name, List<String> columns, Location definedAt) {
        ObjectNode node = JsonOutput.MAPPER.createObjectNode();
        node.put("name", name);
        strings(node.putArray("columns"), columns);
        definedAt(node, definedAt);
        return node;
    }

    /** {@code schema} (null in MySQL) and {@code name}. */
    private static void name(ObjectNode node, ObjectName name) {
        node.put("schema", name.schema());
        // as written: MySQL keeps a table's case (ReleaseHistory), and on Linux servers it matters
        node.put("name", name.displayName());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** {@code definedAt}: file, line and column of the definition; line and column null for a whole file. */
    private static void definedAt(ObjectNode node, Location location) {
        if (location == null) {
            node.putNull("definedAt");
            return;
        }
        ObjectNode at = node.putObject("definedAt");
        at.put("file", location.file().displayPath());
        Optional<LineColumnSpan> span = LineColumnSpan.of(location);
        if (span.isPresent()) {
            at.put("line", span.get().start().line());
            at.put("column", span.get().start().column());
        } else {
            at.putNull("line");
            at.putNull("column");
        }
    }
}
