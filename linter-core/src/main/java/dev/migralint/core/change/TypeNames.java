package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical spellings of type names, one per type family, so rules and schema replay compare types
 * rather than spellings. The table is documented on {@link DataType}.
 */
public final class TypeNames {
    private TypeNames() {
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("serial4", "serial"),
            Map.entry("serial2", "smallserial"),
            Map.entry("serial8", "bigserial"),
            Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"),
            Map.entry("float4", "real"),
            Map.entry("float8", "double precision"),
            Map.entry("double", "double precision"),
            Map.entry("bool", "boolean"),
            Map.entry("character varying", "varchar"),
            Map.entry("char varying", "varchar"),
            Map.entry("nvarchar", "varchar"),
            Map.entry("nchar varying", "varchar"),
            Map.entry("national character varying", "varchar"),
            Map.entry("national char varying", "varchar"),
            Map.entry("character", "char"),
            Map.entry("bpchar", "char"),
            Map.entry("nchar", "char"),
            Map.entry("national character", "char"),
            Map.entry("national char", "char"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    /**
     * The canonical name for a type written as {@code written} (words separated by single spaces, any
     * case) with arguments {@code args}.
     */
    public static String canonical(String written, List<String> args, Dialect dialect) {
        String name = written.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        if (name.equals("float")) {
            return floatName(args, dialect);
        }
        if (name.equals("real") && dialect == Dialect.MYSQL) {
            // MySQL's REAL is DOUBLE unless the REAL_AS_FLOAT SQL mode is on.
            return "double precision";
        }
        return ALIASES.getOrDefault(name, name);
    }

    /**
     * FLOAT(p) is single precision up to p = 24 in both dialects; a bare FLOAT is double precision in
     * PostgreSQL but single precision in MySQL.
     */
    private static String floatName(List<String> args, Dialect dialect) {
        if (args.isEmpty()) {
            return dialect == Dialect.MYSQL ? "real" : "double precision";
        }
        if (args.size() > 1) {
            return "real"; // MySQL's deprecated FLOAT(M,D) is single precision
        }
        try {
            return Integer.parseInt(args.get(0).trim()) <= 24 ? "real" : "double precision";
        } catch (NumberFormatException e) {
            return "double precision";
        }
    }
}
