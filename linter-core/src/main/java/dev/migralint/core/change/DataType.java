package dev.migralint.core.change;

import java.util.List;

/**
 * A column type: {@code name} lower-cased with spacing normalized ("timestamp without time zone",
 * "character varying", "int"), {@code args} the numbers in parentheses, {@code array} for [] types.
 * {@code text} is the type as written in the file.
 */
public record DataType(String name, List<String> args, boolean array, String text) {
    public DataType {
        args = List.copyOf(args);
    }
}
