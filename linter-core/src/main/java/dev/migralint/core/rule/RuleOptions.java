package dev.migralint.core.rule;

import java.util.List;
import java.util.Map;

/** A rule's options as configured, with defaults from its metadata. */
public final class RuleOptions {
    private final Map<String, String> values;

    public RuleOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static RuleOptions defaults(RuleMeta meta, Map<String, String> configured) {
        Map<String, String> merged = new java.util.HashMap<>();
        for (RuleOption o : meta.options()) {
            if (o.defaultValue() != null) {
                merged.put(o.name(), o.defaultValue());
            }
        }
        merged.putAll(configured);
        return new RuleOptions(merged);
    }

    public String get(String name) {
        return values.get(name);
    }

    public int getInt(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }

    public boolean getBoolean(String name, boolean fallback) {
        String v = values.get(name);
        return v == null ? fallback : Boolean.parseBoolean(v.trim());
    }

    public List<String> getList(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Map<String, String> asMap() {
        return values;
    }
}
