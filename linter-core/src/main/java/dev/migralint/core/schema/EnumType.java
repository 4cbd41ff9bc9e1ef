package dev.migralint.core.schema;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import java.util.List;

/** A PostgreSQL enum type with its labels in sort order. */
public record EnumType(ObjectName name, List<String> labels, Location definedAt) {
    public EnumType {
        labels = List.copyOf(labels);
    }
}
