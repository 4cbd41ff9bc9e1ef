package dev.migralint.core.schema;

import dev.migralint.core.change.DataType;
import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.TableConstraint.CheckConstraint;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.core.schema.TableConstraint.UniqueKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One line per schema fact, {@code kind|table|name|fields...}, read from PostgreSQL's catalog or from
 * a replayed {@link Schema}, so the two can be compared line by line. Expression and predicate texts
 * are compared after a normalization that drops what PostgreSQL adds when it prints them (casts,
 * parentheses, spacing, case).
 */
final class CatalogLines {
    private CatalogLines() {
    }

    /** Lines from pg_catalog for the user schemas of the current database. */
    static final String CATALOG_QUERY = """
            WITH rel AS (
              SELECT c.oid, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                AND n.nspname NOT LIKE 'pg_temp%')
            SELECT 'T|' || name || '|' FROM rel WHERE relkind IN ('r', 'p')
            UNION ALL
            SELECT 'V|' || name || '|' FROM rel WHERE relkind = 'v'
            UNION ALL
            SELECT 'C|' || r.name || '|' || a.attname || '|'
                   || row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)::text || '|'
                   || format_type(a.atttypid, a.atttypmod) || '|' || a.attnotnull::text
            FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid
            WHERE r.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT CASE con.contype WHEN 'p' THEN 'P|' WHEN 'u' THEN 'U|' END || r.name || '|' || con.conname || '|'
                   || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(att, ord)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att)
            FROM pg_constraint con JOIN rel r ON r.oid = con.conrelid WHERE con.contype IN ('p', 'u')
            UNION ALL
            SELECT 'F|' || r.name || '|' || con.conname || '|'
                   || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(att, ord)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att) || '|'
                   || (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
                       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = con.confrelid) || '|'
                   || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(att, ord)
                       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.att) || '|'
                   || con.confdeltype::text || '|' || con.confupdtype::text || '|' || con.convalidated::text
            FROM pg_constraint con JOIN rel r ON r.oid = con.conrelid WHERE con.contype = 'f'
            UNION ALL
            SELECT 'K|' || r.name || '|' || con.conname || '|' || con.convalidated::text
            FROM pg_constraint con JOIN rel r ON r.oid = con.conrelid WHERE con.contype = 'c'
            UNION ALL
            SELECT 'I|' || r.name || '|' || ic.relname || '|' || i.indisunique::text
                   || CASE WHEN i.indnullsnotdistinct THEN ' nulls not distinct' ELSE '' END || '|' || am.amname || '|'
                   || (SELECT string_agg(replace(pg_get_indexdef(i.indexrelid, k, false), E'\\n', ' '), ' ¦ ' ORDER BY k)
                       FROM generate_series(1, i.indnkeyatts) k) || '|'
                   || coalesce((SELECT string_agg(pg_get_indexdef(i.indexrelid, k, false), ',' ORDER BY k)
                       FROM generate_series(i.indnkeyatts + 1, i.indnatts) k), '') || '|'
                   || coalesce(replace(pg_get_expr(i.indpred, i.indrelid, false), E'\\n', ' '), '')
            FROM pg_index i JOIN rel r ON r.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            UNION ALL
            SELECT 'E|' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || '|' || '|'
                   || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'e' AND n.nspname NOT IN ('pg_catalog', 'information_schema');
            """;

    /** Parses psql's output: one line per fact, normalized. */
    static Set<String> fromCatalog(String psqlOutput) {
        Set<String> lines = new TreeSet<>();
        for (String line : psqlOutput.split("\n")) {
            if (line.length() > 2 && line.charAt(1) == '|') {
                lines.add(normalize(line));
            }
        }
        return lines;
    }

    /** The same lines for a replayed schema. */
    static Set<String> fromSchema(Schema schema) {
        Set<String> lines = new TreeSet<>();
        for (Table t : schema.tables()) {
            if (t.temporary()) {
                continue;
            }
            String table = name(t.name());
            lines.add("T|" + table + "|");
            int position = 1;
            for (Column c : t.columns()) {
                lines.add("C|" + table + "|" + c.name() + "|" + position++ + "|" + formatType(c.type(), schema) + "|"
                        + c.notNull());
            }
            if (t.primaryKey() != null) {
                lines.add("P|" + table + "|" + t.primaryKey().name() + "|" + String.join(",", t.primaryKey().columns()));
            }
            for (UniqueKey u : t.uniques()) {
                lines.add("U|" + table + "|" + u.name() + "|" + String.join(",", u.columns()));
            }
            for (ForeignKey fk : t.foreignKeys()) {
                lines.add("F|" + table + "|" + fk.name() + "|" + String.join(",", fk.columns()) + "|" + name(fk.refTable())
                        + "|" + String.join(",", fk.refColumns()) + "|" + action(fk.onDelete()) + "|"
                        + action(fk.onUpdate()) + "|" + fk.validated());
            }
            for (CheckConstraint c : t.checks()) {
                lines.add("K|" + table + "|" + c.name() + "|" + c.validated());
            }
        }
        for (Table t : schema.relationsWithIndexes()) {
            if (t.temporary()) {
                continue;
            }
            for (Index i : t.indexes()) {
                String keys = i.keys().stream().map(CatalogLines::key).collect(Collectors.joining(" ¦ "));
                lines.add(normalize("I|" + name(t.name()) + "|" + i.name() + "|" + i.unique()
                        + (i.nullsNotDistinct() ? " nulls not distinct" : "") + "|"
                        + i.method() + "|" + keys + "|" + String.join(",", i.include()) + "|"
                        + (i.predicate() == null ? "" : i.predicate())));
            }
        }
        for (View v : schema.views()) {
            lines.add("V|" + name(v.name()) + "|");
        }
        for (EnumType e : schema.enums()) {
            lines.add("E|" + name(e.name()) + "||" + String.join(",", e.labels()));
        }
        return lines;
    }

    private static String key(IndexColumn k) {
        return k.column() != null ? k.column() : k.expression();
    }

    private static String name(ObjectName n) {
        return n.schema() + "." + n.name();
    }

    private static String action(String a) {
        return switch (a) {
            case "CASCADE" -> "c";
            case "RESTRICT" -> "r";
            case "SET NULL" -> "n";
            case "SET DEFAULT" -> "d";
            default -> "a";
        };
    }

    /** PostgreSQL's format_type for a replayed type. */
    static String formatType(DataType t, Schema schema) {
        String args = String.join(",", t.args().stream().map(String::trim).toList());
        String withArgs = args.isEmpty() ? "" : "(" + args + ")";
        String base = switch (t.name()) {
            case "varchar" -> "character varying" + withArgs;
            case "char" -> "character" + (args.isEmpty() ? "(1)" : withArgs);
            case "bit" -> "bit" + (args.isEmpty() ? "(1)" : withArgs);
            case "varbit" -> "bit varying" + withArgs;
            case "timestamp" -> "timestamp" + withArgs + " without time zone";
            case "timestamptz" -> "timestamp" + withArgs + " with time zone";
            case "time" -> "time" + withArgs + " without time zone";
            case "timetz" -> "time" + withArgs + " with time zone";
            case "integer", "bigint", "smallint", "real", "double precision", "text", "boolean", "date", "bytea",
                 "uuid", "json", "jsonb", "inet", "cidr", "money", "xml", "tsvector" -> t.name();
            default -> {
                ObjectName written = ObjectName.parse(t.name(), schema.dialect());
                ObjectName resolved = schema.enumType(written).map(EnumType::name).orElse(null);
                if (resolved != null) {
                    yield (resolved.schema().equals("public") ? resolved.name() : name(resolved)) + withArgs;
                }
                yield t.name() + withArgs;
            }
        };
        return base + (t.array() ? "[]" : "");
    }

    /** Lower-case, no quotes, casts, parentheses or spaces: what is left of an expression's meaning. */
    static String normalize(String line) {
        if (!line.startsWith("I|")) {
            return line.replace("\"", "");
        }
        String[] f = line.replace("\"", "").split("\\|", -1);
        for (int i = 5; i < f.length; i++) {
            f[i] = normalizeExpression(f[i]);
        }
        return String.join("|", f);
    }

    static String normalizeExpression(String e) {
        String s = e.toLowerCase(Locale.ROOT).replace("\"", "");
        s = s.replace("trim(both from ", "trim(").replace("public.", "");
        s = s.replaceAll("::[a-z_][a-z0-9_.]*( (varying|precision|without time zone|with time zone))?(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?", "");
        s = s.replaceAll("[()\\s]", "");
        return s;
    }

    /**
     * Pairs catalog and model lines by kind, table and name, and names what differs: a missing or extra
     * object, or the field where they disagree.
     */
    static Map<String, List<String>> differences(Set<String> catalog, Set<String> model) {
        Map<String, String> byKeyCatalog = keyed(catalog);
        Map<String, String> byKeyModel = keyed(model);
        Map<String, List<String>> classes = new TreeMap<>();
        for (Map.Entry<String, String> e : byKeyCatalog.entrySet()) {
            String m = byKeyModel.get(e.getKey());
            if (m == null) {
                classes.computeIfAbsent(kindName(e.getKey()) + " missing in model", k -> new ArrayList<>()).add(e.getValue());
            } else if (!m.equals(e.getValue())) {
                String[] a = e.getValue().split("\\|", -1);
                String[] b = m.split("\\|", -1);
                for (int i = 3; i < Math.max(a.length, b.length); i++) {
                    String x = i < a.length ? a[i] : "";
                    String y = i < b.length ? b[i] : "";
                    if (!x.equals(y)) {
                        classes.computeIfAbsent(kindName(e.getKey()) + " " + fieldName(a[0], i), k -> new ArrayList<>())
                                .add("db: " + e.getValue() + "   model: " + m);
                        break;
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : byKeyModel.entrySet()) {
            if (!byKeyCatalog.containsKey(e.getKey())) {
                classes.computeIfAbsent(kindName(e.getKey()) + " extra in model", k -> new ArrayList<>()).add(e.getValue());
            }
        }
        return classes;
    }

    private static Map<String, String> keyed(Set<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines) {
            String[] f = l.split("\\|", -1);
            out.put(f[0] + "|" + f[1] + "|" + (f.length > 2 ? f[2] : ""), l);
        }
        return out;
    }

    private static String kindName(String key) {
        return switch (key.charAt(0)) {
            case 'T' -> "table";
            case 'V' -> "view";
            case 'C' -> "column";
            case 'P' -> "primary key";
            case 'U' -> "unique";
            case 'F' -> "foreign key";
            case 'K' -> "check";
            case 'I' -> "index";
            case 'E' -> "enum";
            default -> key.substring(0, 1);
        };
    }

    private static String fieldName(String kind, int field) {
        String[] names = switch (kind) {
            case "C" -> new String[] {"position", "type", "not null"};
            case "P", "U" -> new String[] {"columns"};
            case "F" -> new String[] {"columns", "referenced table", "referenced columns", "on delete", "on update",
                "validated"};
            case "K" -> new String[] {"validated"};
            case "I" -> new String[] {"unique", "method", "keys", "include", "predicate"};
            case "E" -> new String[] {"labels"};
            default -> new String[0];
        };
        return field - 3 < names.length ? names[field - 3] : "field " + field;
    }
}
