package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.DataType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a foreign key column's type with the type of the column it references, the way the
 * database and its planner see them. Types fall into families: the integers (compared by width, and
 * in MySQL by signedness), the floats (by width), exact numerics (MySQL also compares precision and
 * scale), character strings of any length (PostgreSQL compares varchar(50) with varchar(100) or text
 * without a cast), binary strings, and one family per other known type (uuid, date, timestamptz...).
 * A type this class does not know (a domain, an enum, an extension's type) is only equal to itself.
 * Shared by the rules that compare a foreign key with its target.
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /** How two types relate. */
    public enum Match {
        SAME,
        /** Both integers, or both floats, of different widths. */
        DIFFERENT_WIDTH,
        /** MySQL: one integer is UNSIGNED and the other is not. */
        DIFFERENT_SIGN,
        /** MySQL: decimals of different precision or scale. */
        DIFFERENT_PRECISION,
        DIFFERENT_FAMILY,
        /** At least one type is unknown here and the names differ: no verdict. */
        UNKNOWN
    }

    private static final Map<String, Integer> INTEGER_BYTES = Map.of(
            "tinyint", 1, "smallint", 2, "mediumint", 3, "integer", 4, "bigint", 8);
    private static final Map<String, Integer> FLOAT_BYTES = Map.of("real", 4, "double precision", 8);
    private static final Set<String> CHARACTER = Set.of("varchar", "char", "text", "tinytext", "mediumtext",
            "longtext", "string");
    private static final Set<String> BINARY = Set.of("bytea", "binary", "varbinary", "blob", "tinyblob", "mediumblob",
            "longblob");
    private static final Set<String> OTHER_KNOWN = Set.of("uuid", "boolean", "date", "time", "timetz", "timestamp",
            "timestamptz", "datetime", "year", "interval", "json", "jsonb", "inet", "cidr", "macaddr", "macaddr8",
            "money", "bit", "varbit", "xml", "oid", "citext");

    public static Match compare(DataType referencing, DataType referenced, Dialect dialect) {
        String a = family(referencing);
        String b = family(referenced);
        if (a == null || b == null) {
            return referencing.name().equals(referenced.name()) && referencing.array() == referenced.array()
                    ? Match.SAME : Match.UNKNOWN;
        }
        if (!a.equals(b) || referencing.array() != referenced.array()) {
            return Match.DIFFERENT_FAMILY;
        }
        String name = referencing.name();
        if (a.equals("integer")) {
            if (!INTEGER_BYTES.get(name).equals(INTEGER_BYTES.get(referenced.name()))) {
                return Match.DIFFERENT_WIDTH;
            }
            return dialect == Dialect.MYSQL && unsigned(referencing) != unsigned(referenced)
                    ? Match.DIFFERENT_SIGN : Match.SAME;
        }
        if (a.equals("float")) {
            return name.equals(referenced.name()) ? Match.SAME : Match.DIFFERENT_WIDTH;
        }
        if (a.equals("numeric") && dialect == Dialect.MYSQL && !referencing.args().equals(referenced.args())) {
            return Match.DIFFERENT_PRECISION;
        }
        return Match.SAME;
    }

    /** The family of a known type, null for a type this class does not know. */
    private static String family(DataType t) {
        String n = t.name();
        if (INTEGER_BYTES.containsKey(n)) {
            return "integer";
        }
        if (FLOAT_BYTES.containsKey(n)) {
            return "float";
        }
        if (n.equals("numeric")) {
            return "numeric";
        }
        if (CHARACTER.contains(n)) {
            return "character";
        }
        if (BINARY.contains(n)) {
            return "binary";
        }
        return OTHER_KNOWN.contains(n) ? n : null;
    }

    /** MySQL's UNSIGNED lives only in the written text; SERIAL is BIGINT UNSIGNED. */
    private static boolean unsigned(DataType t) {
        String text = t.text().toLowerCase(Locale.ROOT);
        return text.contains("unsigned") || text.equals("serial");
    }

    /** The type as messages show it: canonical name, arguments, UNSIGNED (MySQL) and array brackets. */
    public static String label(DataType t, Dialect dialect) {
        StringBuilder sb = new StringBuilder(t.name());
        if (!t.args().isEmpty() && !INTEGER_BYTES.containsKey(t.name())) {
            sb.append('(').append(String.join(",", t.args())).append(')');
        }
        if (dialect == Dialect.MYSQL && INTEGER_BYTES.containsKey(t.name()) && unsigned(t)) {
            sb.append(" unsigned");
        }
        if (t.array()) {
            sb.append("[]");
        }
        return sb.toString();
    }
}
