package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether changing a column from one type to another can lose data or fail on data that fits the old
 * type: a smaller integer, a shorter string, fewer digits or decimals, a float of less precision, a
 * timestamp that loses its time zone, time of day or fractional seconds. Only pairs within one
 * family are judged; a change across families (text to integer, say) is not narrowing here, and an
 * unknown type is never narrowing. Arrays are compared like their elements.
 */
public final class TypeNarrowing {
    private TypeNarrowing() {
    }

    /**
     * What can go wrong: {@code loss} says it in words ("values above 2147483647 do not fit");
     * {@code violation} is a SQL condition on the column, written with {@code %s} for the column
     * name, that finds the rows that would not survive, or null when there is no simple one.
     */
    public record Narrowing(String loss, String violation) {
        /** The violation condition for {@code column}, or null. */
        public String violationFor(String column) {
            return violation == null ? null : violation.replace("%s", column);
        }
    }

    private static final Map<String, Integer> INTEGER_BYTES = Map.of(
            "tinyint", 1, "smallint", 2, "mediumint", 3, "integer", 4, "bigint", 8);
    private static final Map<String, Integer> FLOAT_BYTES = Map.of("real", 4, "double precision", 8);
    /** Digits each integer type can need, for a change to numeric(p, s). */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of(
            "tinyint", 3, "smallint", 5, "mediumint", 8, "integer", 10, "bigint", 19);
    /** MySQL's text types by their byte limits. */
    private static final Map<String, Long> MYSQL_TEXT_BYTES = Map.of(
            "tinytext", 255L, "text", 65_535L, "mediumtext", 16_777_215L, "longtext", 4_294_967_295L);
    private static final List<String> WITH_TIME = List.of("timestamptz", "timestamp", "datetime");

    public static Optional<Narrowing> of(DataType from, DataType to, Dialect dialect) {
        if (from.array() != to.array()) {
            return Optional.empty();
        }
        String a = from.name();
        String b = to.name();
        if (INTEGER_BYTES.containsKey(a) && INTEGER_BYTES.containsKey(b)) {
            return integers(from, to, dialect);
        }
        if (INTEGER_DIGITS.containsKey(a) && b.equals("numeric")) {
            Integer p = intArg(to, 0);
            int s = intArg(to, 1) == null ? 0 : intArg(to, 1);
            if (p != null && p - s < INTEGER_DIGITS.get(a)) {
                return Optional.of(new Narrowing(a + " values with more than " + (p - s)
                        + " digits do not fit in " + to.text(), "abs(%s) >= 1e" + (p - s)));
            }
            return Optional.empty();
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            return numerics(from, to);
        }
        if (FLOAT_BYTES.containsKey(a) && FLOAT_BYTES.containsKey(b)) {
            return FLOAT_BYTES.get(b) < FLOAT_BYTES.get(a)
                    ? Optional.of(new Narrowing("values are rounded to about 6 significant digits", null))
                    : Optional.empty();
        }
        if (isString(a, dialect) && isString(b, dialect)) {
            return strings(from, to, dialect);
        }
        if (WITH_TIME.contains(a) && (WITH_TIME.contains(b) || b.equals("date"))) {
            return times(from, to, dialect);
        }
        if ((a.equals("time") || a.equals("timetz")) && (b.equals("time") || b.equals("timetz"))) {
            return fractionCut(from, to);
        }
        return Optional.empty();
    }

    private static Optional<Narrowing> integers(DataType from, DataType to, Dialect dialect) {
        int fromBytes = INTEGER_BYTES.get(from.name());
        int toBytes = INTEGER_BYTES.get(to.name());
        boolean fromUnsigned = dialect == Dialect.MYSQL && unsigned(from);
        boolean toUnsigned = dialect == Dialect.MYSQL && unsigned(to);
        if (toBytes < fromBytes || (toBytes == fromBytes && fromUnsigned && !toUnsigned)) {
            String max = max(toBytes, toUnsigned);
            return Optional.of(new Narrowing("values above " + max + " do not fit in " + to.text(),
                    toUnsigned ? "%s > " + max : "%s NOT BETWEEN " + min(toBytes) + " AND " + max));
        }
        if (!fromUnsigned && toUnsigned) {
            return Optional.of(new Narrowing("negative values do not fit in " + to.text(), "%s < 0"));
        }
        return Optional.empty();
    }

    private static String max(int bytes, boolean unsigned) {
        return switch (bytes) {
            case 1 -> unsigned ? "255" : "127";
            case 2 -> unsigned ? "65535" : "32767";
            case 3 -> unsigned ? "16777215" : "8388607";
            case 4 -> unsigned ? "4294967295" : "2147483647";
            default -> unsigned ? "18446744073709551615" : "9223372036854775807";
        };
    }

    private static String min(int bytes) {
        return switch (bytes) {
            case 1 -> "-128";
            case 2 -> "-32768";
            case 3 -> "-8388608";
            case 4 -> "-2147483648";
            default -> "-9223372036854775808";
        };
    }

    private static Optional<Narrowing> numerics(DataType from, DataType to) {
        Integer toP = intArg(to, 0);
        if (toP == null) {
            return Optional.empty();
        }
        int toS = intArg(to, 1) == null ? 0 : intArg(to, 1);
        Integer fromP = intArg(from, 0);
        if (fromP == null) {
            return Optional.of(new Narrowing("numeric values with more than " + (toP - toS) + " digits before the "
                    + "point no longer fit, and more than " + toS + " decimals are rounded", "abs(%s) >= 1e" + (toP - toS)));
        }
        int fromS = intArg(from, 1) == null ? 0 : intArg(from, 1);
        if (toP - toS < fromP - fromS) {
            return Optional.of(new Narrowing("values with more than " + (toP - toS) + " digits before the point "
                    + "do not fit in " + to.text(), "abs(%s) >= 1e" + (toP - toS)));
        }
        if (toS < fromS) {
            return Optional.of(new Narrowing("decimals beyond the " + toS + (toS == 1 ? "st" : "th")
                    + " are rounded away", null));
        }
        return Optional.empty();
    }

    private static boolean isString(String name, Dialect dialect) {
        return name.equals("varchar") || name.equals("char") || name.equals("text")
                || (dialect == Dialect.MYSQL && MYSQL_TEXT_BYTES.containsKey(name));
    }

    /** A string type's limit in characters (MySQL text types: bytes), or null when it has none. */
    private static Long limit(DataType t, Dialect dialect) {
        String n = t.name();
        if (n.equals("varchar") || n.equals("char")) {
            Integer len = intArg(t, 0);
            return len == null ? (n.equals("char") ? Long.valueOf(1) : null) : Long.valueOf(len);
        }
        if (dialect == Dialect.MYSQL) {
            return MYSQL_TEXT_BYTES.get(n);
        }
        return null;
    }

    private static Optional<Narrowing> strings(DataType from, DataType to, Dialect dialect) {
        Long fromLimit = limit(from, dialect);
        Long toLimit = limit(to, dialect);
        if (toLimit == null || (fromLimit != null && toLimit >= fromLimit)) {
            return Optional.empty();
        }
        String length = dialect == Dialect.MYSQL ? "char_length(%s)" : "length(%s)";
        String unit = dialect == Dialect.MYSQL && MYSQL_TEXT_BYTES.containsKey(to.name()) ? " bytes" : " characters";
        return Optional.of(new Narrowing("values longer than " + toLimit + unit + " do not fit in " + to.text(),
                length + " > " + toLimit));
    }

    private static Optional<Narrowing> times(DataType from, DataType to, Dialect dialect) {
        String a = from.name();
        String b = to.name();
        if (b.equals("date")) {
            return Optional.of(new Narrowing("the time of day is dropped", dialect == Dialect.MYSQL
                    ? "TIME(%s) <> '00:00:00'" : "%s::time <> '00:00'"));
        }
        if (dialect == Dialect.MYSQL && a.equals("datetime") && b.equals("timestamp")) {
            return Optional.of(new Narrowing("values before 1970-01-01 or after 2038-01-19 do not fit in "
                    + to.text(), "%s NOT BETWEEN '1970-01-01 00:00:01' AND '2038-01-19 03:14:07'"));
        }
        if (a.equals("timestamptz") && !b.equals("timestamptz")) {
            return Optional.of(new Narrowing("the values become wall-clock times in the session's time zone and "
                    + "no longer identify an instant", null));
        }
        return fractionCut(from, to);
    }

    /** Fractional seconds cut: timestamp(6) -> timestamp(0); PostgreSQL's default is 6, MySQL's 0. */
    private static Optional<Narrowing> fractionCut(DataType from, DataType to) {
        Integer fromP = intArg(from, 0);
        Integer toP = intArg(to, 0);
        if (toP == null) {
            return Optional.empty();
        }
        int fromPrecision = fromP == null ? (from.name().equals("datetime") ? 0 : 6) : fromP;
        return toP < fromPrecision
                ? Optional.of(new Narrowing("fractional seconds beyond " + toP + " digits are rounded away", null))
                : Optional.empty();
    }

    private static boolean unsigned(DataType t) {
        return t.text().toLowerCase(Locale.ROOT).contains("unsigned");
    }

    private static Integer intArg(DataType t, int i) {
        if (t.args().size() <= i) {
            return null;
        }
        try {
            return Integer.valueOf(t.args().get(i).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
