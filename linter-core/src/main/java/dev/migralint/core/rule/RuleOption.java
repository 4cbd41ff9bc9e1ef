package dev.migralint.core.rule;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One configurable option of a rule, as the config and the docs show it: its name in the config, its
 * default as written there, what it does, and the values it accepts.
 */
public record RuleOption(String name, String defaultValue, String description, String allowed) {

    /** {@code ignoreColumns} -> {@code ignore-columns}. */
    static String configName(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The values a component's type accepts, in words for error messages and docs. */
    static String allowed(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return Arrays.stream(t.getEnumConstants()).map(e -> e.toString().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ", "one of ", ""));
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list of " + (elementType(c) == String.class ? "strings" : "values")
                    + " (or one comma-separated string)";
        }
        return "a string";
    }

    static Type elementType(RecordComponent c) {
        return c.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
