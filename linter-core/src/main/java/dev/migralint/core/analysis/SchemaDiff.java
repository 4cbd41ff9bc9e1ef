package dev.migralint.core.analysis;

import dev.migralint.core.change.DataType;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.EnumType;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint;
import dev.migralint.core.schema.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What differs between two schemas, as a database engineer would check that a down undid its up:
 * tables, materialized views, views and enum types by name; a table's columns by name (not order),
 * with type and nullability; its constraints and explicit indexes by what they enforce or cover, not
 * by name, so names PostgreSQL makes up (orders_pkey, orders_email_key, orders_email_idx) and a
 * recreated index under another name are no difference. Column defaults are not compared (the same
 * default is written many ways), nor is PostgreSQL's varchar without a length told from text. A
 * table whose columns are not all known is compared by name only.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The {@link Difference#problem()} of an object that is in the actual schema only. */
    public static final String LEFT_OVER = "is left over";

    /** One difference: {@code object} names it, {@code problem} says how {@code actual} differs. */
    public record Difference(String object, String problem) {
        @Override
        public String toString() {
            return object + " " + problem;
        }
    }

    /** How {@code actual} differs from {@code expected}, in schema order: what is left over, lost or changed. */
    public static List<Difference> between(Schema expected, Schema actual) {
        List<Difference> out = new ArrayList<>();
        Map<ObjectName, Table> expectedTables = byName(persistent(expected), Table::name);
        Map<ObjectName, Table> actualTables = byName(persistent(actual), Table::name);
        named(out, expectedTables, actualTables, t -> kind(t) + " " + label(t.name()));
        for (Map.Entry<ObjectName, Table> e : expectedTables.entrySet()) {
            Table after = actualTables.get(e.getKey());
            // Replay shares unchanged tables between schemas: the same object has no differences, and
            // most tables of a long history are unchanged by any one migration.
            if (after != null && after != e.getValue()) {
                table(out, e.getValue(), after);
            }
        }
        named(out, byName(expected.views(), View::name), byName(actual.views(), View::name),
                v -> "view " + label(v.name()));
        Map<ObjectName, EnumType> expectedEnums = byName(expected.enums(), EnumType::name);
        Map<ObjectName, EnumType> actualEnums = byName(actual.enums(), EnumType::name);
        named(out, expectedEnums, actualEnums, t -> "type " + label(t.name()));
        for (Map.Entry<ObjectName, EnumType> e : expectedEnums.entrySet()) {
            EnumType after = actualEnums.get(e.getKey());
            if (after != null && !after.labels().equals(e.getValue().labels())) {
                out.add(new Difference("type " + label(e.getKey()), "has labels " + after.labels()
                        + ", was " + e.getValue().labels()));
            }
        }
        return out;
    }

    private static <T> void named(List<Difference> out, Map<ObjectName, T> expected, Map<ObjectName, T> actual,
                                  Function<T, String> describe) {
        expected.forEach((name, o) -> {
            if (!actual.containsKey(name)) {
                out.add(new Difference(describe.apply(o), "is missing"));
            }
        });
        actual.forEach((name, o) -> {
            if (!expected.containsKey(name)) {
                out.add(new Difference(describe.apply(o), LEFT_OVER));
            }
        });
    }

    private static void table(List<Difference> out, Table expected, Table actual) {
        String t = label(expected.name());
        if (expected.columnsKnown() && actual.columnsKnown()) {
            for (Column c : expected.columns()) {
                Optional<Column> now = actual.column(c.name());
                if (now.isEmpty()) {
                    out.add(new Difference("column " + t + "." + c.name(), "is missing"));
                } else {
                    column(out, t, c, now.get());
                }
            }
            for (Column c : actual.columns()) {
                if (expected.column(c.name()).isEmpty()) {
                    out.add(new Difference("column " + t + "." + c.name(), LEFT_OVER));
                }
            }
        }
        multiset(out, t, constraintShapes(expected), constraintShapes(actual));
        multiset(out, t, indexShapes(expected), indexShapes(actual));
    }

    private static void column(List<Difference> out, String table, Column expected, Column actual) {
        String label = "column " + table + "." + expected.name();
        if (!sameType(expected.type(), actual.type())) {
            out.add(new Difference(label, "is " + actual.type().text() + ", was " + expected.type().text()));
        }
        if (expected.notNull() != actual.notNull()) {
            out.add(new Difference(label, actual.notNull() ? "is NOT NULL, was nullable" : "is nullable, was NOT NULL"));
        }
    }

    /** Same type; PostgreSQL's varchar without a length is text by another name. */
    private static boolean sameType(DataType a, DataType b) {
        return family(a).equals(family(b)) && a.args().equals(b.args()) && a.array() == b.array();
    }

    private static String family(DataType t) {
        return t.name().equals("varchar") && t.args().isEmpty() ? "text" : t.name();
    }

    /** Shapes present a different number of times on each side. */
    private static void multiset(List<Difference> out, String table, Map<String, Integer> expected,
                                 Map<String, Integer> actual) {
        expected.forEach((shape, n) -> {
            if (actual.getOrDefault(shape, 0) < n) {
                out.add(new Difference(shape + " on " + table, "is missing"));
            }
        });
        actual.forEach((shape, n) -> {
            if (expected.getOrDefault(shape, 0) < n) {
                out.add(new Difference(shape + " on " + table, LEFT_OVER));
            }
        });
    }

    private static Map<String, Integer> constraintShapes(Table t) {
        Map<String, Integer> shapes = new LinkedHashMap<>();
        for (TableConstraint c : t.constraints()) {
            String shape = constraintShape(c);
            if (shape != null) {
                shapes.merge(shape, 1, Integer::sum);
            }
        }
        return shapes;
    }

    private static String constraintShape(TableConstraint c) {
        if (c instanceof TableConstraint.PrimaryKey pk) {
            return "primary key (" + String.join(", ", pk.columns()) + ")";
        }
        if (c instanceof TableConstraint.UniqueKey u) {
            return "unique constraint (" + String.join(", ", u.columns()) + ")";
        }
        if (c instanceof TableConstraint.ForeignKey fk) {
            return "foreign key (" + String.join(", ", fk.columns()) + ") -> " + label(fk.refTable());
        }
        if (c instanceof TableConstraint.CheckConstraint check) {
            return "check (" + check.expression() + ")";
        }
        return null;
    }

    private static Map<String, Integer> indexShapes(Table t) {
        Map<String, Integer> shapes = new LinkedHashMap<>();
        for (Index i : t.indexes()) {
            if (i.kind() == Index.IndexKind.EXPLICIT) {
                shapes.merge(indexShape(i), 1, Integer::sum);
            }
        }
        return shapes;
    }

    private static String indexShape(Index i) {
        List<String> keys = new ArrayList<>();
        i.keys().forEach(k -> keys.add((k.column() != null ? k.column() : k.expression()) + (k.descending() ? " DESC" : "")));
        return (i.unique() ? "unique index" : "index") + " (" + String.join(", ", keys) + ")"
                + (i.method() == null || i.method().equals("btree") ? "" : " using " + i.method())
                + (i.predicate() == null ? "" : " where " + i.predicate());
    }

    /** Tables and materialized views; temporary tables end with their session. */
    private static List<Table> persistent(Schema schema) {
        return schema.relationsWithIndexes().stream().filter(t -> !t.temporary()).toList();
    }

    private static String kind(Table t) {
        return t.kind() == Table.Kind.MATERIALIZED_VIEW ? "materialized view" : "table";
    }

    private static String label(ObjectName name) {
        return name.schema() == null || name.schema().equals("public") ? name.name() : name.qualified();
    }

    private static <T> Map<ObjectName, T> byName(Collection<T> items, Function<T, ObjectName> name) {
        Map<ObjectName, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }
}
