package dev.migralint.core.rule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a rule's configured options onto its options record: defaults from each component's
 * {@link Option}, then the configured values, converted by the component's type. Everything a user can
 * get wrong (an unknown name, {@code max: lots}, a value the record's constructor refuses) becomes an
 * {@link InvalidOptionException} naming the option and what it accepts; the config loader adds file
 * and line, so a bad option stops the run before any rule runs.
 */
public final class RuleOptions {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        ObjectNode values = NODES.objectNode();
        for (RecordComponent c : type.getRecordComponents()) {
            String name = RuleOption.configName(c.getName());
            byName.put(name, c);
            values.set(c.getName(), fromText(c, c.getAnnotation(Option.class).defaultValue()));
        }
        for (Map.Entry<String, JsonNode> e : configured.entrySet()) {
            RecordComponent c = byName.get(e.getKey());
            if (c == null) {
                throw new InvalidOptionException(e.getKey(), "unknown option '" + e.getKey() + "' for rule " + meta.id()
                        + (byName.isEmpty() ? " (it has no options)" : " (known: " + String.join(", ", byName.keySet()) + ")"));
            }
            JsonNode v = e.getValue();
            values.set(c.getName(), v != null && v.isTextual() ? fromText(c, v.textValue()) : v);
        }
        try {
            return MAPPER.treeToValue(values, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidOptionException invalid) {
                throw invalid;
            }
            throw new InvalidOptionException(meta.id(), "invalid options for rule " + meta.id() + ": "
                    + (e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage()));
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            RecordComponent c = field == null ? null
                    : Arrays.stream(type.getRecordComponents()).filter(r -> r.getName().equals(field)).findFirst().orElse(null);
            if (c == null) {
                throw new InvalidOptionException(meta.id(), "invalid options for rule " + meta.id() + ": "
                        + e.getOriginalMessage());
            }
            String name = RuleOption.configName(c.getName());
            throw new InvalidOptionException(name, "option " + name + " of rule " + meta.id() + ": "
                    + shown(values.get(c.getName())) + " is not " + RuleOption.allowed(c)
                    + " (default: " + c.getAnnotation(Option.class).defaultValue() + ")");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidOptionException(meta.id(), "invalid options for rule " + meta.id() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** A value written as text, read for the component's type: lists split at commas. */
    private static JsonNode fromText(RecordComponent c, String text) {
        if (List.class.isAssignableFrom(c.getType())) {
            ArrayNode list = NODES.arrayNode();
            Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
            return list;
        }
        return NODES.textNode(text.trim());
    }

    private static String shown(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isArray()) {
            return "[" + java.util.stream.StreamSupport.stream(v.spliterator(), false).map(RuleOptions::shown)
                    .collect(Collectors.joining(", ")) + "]";
        }
        return v.isTextual() ? "'" + v.textValue() + "'" : v.toString();
    }
}
