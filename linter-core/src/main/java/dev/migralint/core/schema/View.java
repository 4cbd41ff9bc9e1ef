package dev.migralint.core.schema;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import java.util.Set;

/**
 * A view. {@code dependsOn} holds the resolved names of the tables and views its query reads, as far
 * as the translator could tell (what DROP ... CASCADE takes the view with).
 */
public record View(ObjectName name, Set<ObjectName> dependsOn, Location definedAt) {
    public View {
        dependsOn = Set.copyOf(dependsOn);
    }
}
