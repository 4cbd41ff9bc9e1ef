package dev.migralint.core.query;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schemas a migration history went through, each after a migration (named as reports name it),
 * oldest first: where a name a query uses stopped existing. {@code current} is the schema the query
 * is judged against, which may hold a migration further than the last step (DML inside a migration
 * sees the statements before it); {@code currentMigration} names that migration, or is null.
 */
public record SchemaTimeline(List<Step> steps, Schema current, String currentMigration) {
    public record Step(String migration, Schema after) {
    }

    public SchemaTimeline {
        steps = List.copyOf(steps);
    }

    public static SchemaTimeline of(Schema current) {
        return new SchemaTimeline(List.of(), current, null);
    }

    /** What became of {@code column}, looked for in each of {@code tables} (as the query names them). */
    Optional<UnknownName.Gone> column(String column, List<ObjectName> tables) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Schema then = steps.get(i).after();
            for (ObjectName name : tables) {
                Optional<Table> t = then.relation(name);
                if (t.isPresent() && has(t.get(), column)) {
                    Schema next = i + 1 < steps.size() ? steps.get(i + 1).after() : current;
                    String by = i + 1 < steps.size() ? steps.get(i + 1).migration() : currentMigration;
                    if (by == null) {
                        return Optional.empty();
                    }
                    String renamed = next.relation(name).flatMap(n -> renamedColumn(t.get(), n)).orElse(null);
                    return Optional.of(new UnknownName.Gone(t.get().name().displayName(), by, renamed));
                }
            }
        }
        return Optional.empty();
    }

    /** This timeline with the schemas after earlier statements of the current migration as steps of it. */
    public SchemaTimeline withSteps(List<Step> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Step> all = new java.util.ArrayList<>(steps);
        all.addAll(more);
        return new SchemaTimeline(all, current, currentMigration);
    }

    /** What became of the table {@code name}. */
    Optional<UnknownName.Gone> table(ObjectName name) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Optional<Table> t = steps.get(i).after().relation(name);
            if (t.isPresent()) {
                Schema next = i + 1 < steps.size() ? steps.get(i + 1).after() : current;
                String by = i + 1 < steps.size() ? steps.get(i + 1).migration() : currentMigration;
                if (by == null) {
                    return Optional.empty();
                }
                Schema before = steps.get(i).after();
                String renamed = next.tables().stream()
                        .filter(n -> before.relation(n.name()).isEmpty() && sameColumns(n, t.get()))
                        .map(n -> n.name().displayName()).findFirst().orElse(null);
                return Optional.of(new UnknownName.Gone(t.get().name().displayName(), by, renamed));
            }
        }
        return Optional.empty();
    }

    private static boolean has(Table t, String column) {
        return t.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column));
    }

    /** The one column {@code after} has that {@code before} lacked, when the count is the same, as spelled. */
    private static Optional<String> renamedColumn(Table before, Table after) {
        if (before.columns().size() != after.columns().size()) {
            return Optional.empty();
        }
        Set<String> old = new HashSet<>();
        before.columns().forEach(c -> old.add(c.name()));
        List<String> added = after.columns().stream().filter(c -> !old.contains(c.name())).map(Column::displayName)
                .toList();
        return added.size() == 1 ? Optional.of(added.get(0)) : Optional.empty();
    }

    private static boolean sameColumns(Table a, Table b) {
        return a.columns().stream().map(Column::name).toList().equals(b.columns().stream().map(Column::name).toList());
    }
}
