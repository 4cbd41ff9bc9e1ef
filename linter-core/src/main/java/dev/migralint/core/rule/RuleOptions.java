package dev.migralint.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a rule's configured options onto its options record: defaults from each component's
 * {@link Option}, then the configured values, converted by the component's type (whole numbers,
 * booleans, strings, enums, lists of strings). Everything a user can get wrong (an unknown name,
 * {@code max: lots}, a value the record's constructor refuses) becomes an {@link InvalidOptionException}
 * naming the option and what it accepts; the config loader adds file and line, so a bad option stops
 * the run before any rule runs. Done by hand rather than with a data binder: it runs for every enabled
 * rule on every run, and loading a binder would cost more start-up time than the lint of a small file.
 */
public final class RuleOptions {
    private RuleOptions() {
    }

    /** The rule's options with nothing configured. */
    public static Record defaults(RuleMeta meta) {
        return bind(meta, Map.of());
    }

    /**
     * {@code configured} maps option names as the config writes them to their values; a value given as
     * text (as in a fixture's {@code -- options: max=3} line) is read as the option's type.
     */
    public static Record bind(RuleMeta meta, Map<String, JsonNode> configured) {
        Class<? extends Record> type = meta.optionsType();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byName.put(RuleOption.configName(c.getName()), c);
        }
        for (String name : configured.keySet()) {
            if (!byName.containsKey(name)) {
                throw new InvalidOptionException(name, "unknown option '" + name + "' for rule " + meta.id()
                        + (byName.isEmpty() ? " (it has no options)" : " (known: " + String.join(", ", byName.keySet()) + ")"));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String name = RuleOption.configName(c.getName());
            JsonNode v = configured.get(name);
            types[i] = c.getType();
            values[i] = v == null ? fromText(meta, c, c.getAnnotation(Option.class).defaultValue())
                    : v.isTextual() ? fromText(meta, c, v.textValue()) : fromNode(meta, c, v);
        }
        try {
            Constructor<? extends Record> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidOptionException invalid) {
                throw invalid;
            }
            throw new InvalidOptionException(meta.id(), "invalid options for rule " + meta.id() + ": "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("options record " + type.getName() + " cannot be built", e);
        }
    }

    /** A value written as text, read for the component's type: lists split at commas. */
    private static Object fromText(RuleMeta meta, RecordComponent c, String text) {
        Class<?> t = c.getType();
        String s = text.trim();
        if (List.class.isAssignableFrom(t)) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            try {
                long n = Long.parseLong(s);
                return t == long.class || t == Long.class ? (Object) n : (Object) Math.toIntExact(n);
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(meta, c, "'" + text + "'");
            }
        }
        if (t == boolean.class || t == Boolean.class) {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
            throw invalid(meta, c, "'" + text + "'");
        }
        if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                if (constant.toString().replace('_', '-').equalsIgnoreCase(s.replace('_', '-'))) {
                    return constant;
                }
            }
            throw invalid(meta, c, "'" + text + "'");
        }
        return text;
    }

    /** A YAML number, boolean or list, checked against the component's type. */
    private static Object fromNode(RuleMeta meta, RecordComponent c, JsonNode v) {
        Class<?> t = c.getType();
        if (List.class.isAssignableFrom(t)) {
            if (!v.isArray()) {
                return fromText(meta, c, v.asText());
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    throw invalid(meta, c, shown(v));
                }
                items.add(item.asText());
            }
            return List.copyOf(items);
        }
        if ((t == int.class || t == Integer.class || t == long.class || t == Long.class) && !v.isIntegralNumber()) {
            throw invalid(meta, c, shown(v));
        }
        if ((t == boolean.class || t == Boolean.class) && !v.isBoolean()) {
            throw invalid(meta, c, shown(v));
        }
        if (!v.isValueNode()) {
            throw invalid(meta, c, shown(v));
        }
        return fromText(meta, c, v.asText());
    }

    private static InvalidOptionException invalid(RuleMeta meta, RecordComponent c, String shown) {
        String name = RuleOption.configName(c.getName());
        return new InvalidOptionException(name, "option " + name + " of rule " + meta.id() + ": " + shown + " is not "
                + RuleOption.allowed(c) + " (default: " + c.getAnnotation(Option.class).defaultValue() + ")");
    }

    private static String shown(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        return v.isTextual() ? "'" + v.textValue() + "'" : v.toString().toLowerCase(Locale.ROOT);
    }
}
