package dev.migralint.core.change;

import java.util.List;

/**
 * A column type. {@code name} is the canonical spelling of the type family, lower-case with single
 * spaces; {@code args} the arguments in parentheses as written ("255"; "10", "2"; an enum's quoted
 * labels); {@code array} is true for {@code []} or {@code ARRAY} types; {@code text} is the type as
 * written in the file, which is what messages show.
 *
 * <p>Canonical names (see {@link TypeNames}), everything else is the written name lower-cased:
 * <ul>
 *   <li>{@code integer} for int, int4, integer; {@code smallint} for int2; {@code bigint} for int8
 *       (MySQL's tinyint and mediumint stay as they are; signedness lives only in {@code text})</li>
 *   <li>{@code serial}, {@code smallserial}, {@code bigserial} for serial4, serial2, serial8</li>
 *   <li>{@code numeric} for decimal, dec, numeric</li>
 *   <li>{@code real} for float4 and FLOAT(1..24) (and MySQL's bare FLOAT); {@code double precision}
 *       for float8, double, FLOAT(25..53), PostgreSQL's bare FLOAT and MySQL's REAL</li>
 *   <li>{@code boolean} for bool</li>
 *   <li>{@code varchar} for character varying, char varying, nvarchar, national character varying</li>
 *   <li>{@code char} for character, bpchar, nchar, national char (PostgreSQL's one-byte
 *       {@code "char"} keeps its quotes)</li>
 *   <li>{@code timestamp} / {@code timestamptz} for timestamp without / with time zone;
 *       {@code time} / {@code timetz} likewise</li>
 *   <li>{@code varbit} for bit varying</li>
 *   <li>a {@code pg_catalog.} qualifier is dropped; other qualified names keep their schema</li>
 * </ul>
 */
public record DataType(String name, List<String> args, boolean array, String text) {
    public DataType {
        args = List.copyOf(args);
    }
}
