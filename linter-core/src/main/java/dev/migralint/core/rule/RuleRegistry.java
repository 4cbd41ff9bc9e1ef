package dev.migralint.core.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rules available to a run: the engine's own ({@link #builtIn()}) and, found by ServiceLoader, the
 * built-in rule catalogue and any rule jars on the class path.
 */
public final class RuleRegistry {
    private final Map<String, Rule> byId;

    public RuleRegistry(List<? extends Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.meta().id()));
        for (Rule r : sorted) {
            Rule previous = m.putIfAbsent(r.meta().id(), r);
            if (previous != null) {
                throw new IllegalStateException("two rules share the id " + r.meta().id() + ": "
                        + previous.getClass().getName() + " and " + r.getClass().getName());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    public static RuleRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> rules = new ArrayList<>(builtIn());
        ServiceLoader.load(Rule.class, loader).forEach(rules::add);
        return new RuleRegistry(rules);
    }

    /** The rules whose findings the engine itself produces: always there, whatever the class path. */
    public static List<Rule> builtIn() {
        return List.of(new ParseError(), new UnusedSuppression());
    }

    public List<Rule> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
