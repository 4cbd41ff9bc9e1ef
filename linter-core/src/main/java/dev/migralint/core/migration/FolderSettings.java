package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import java.util.List;

/**
 * What config says about one {@code migrations} entry: the layout to read it with, its dialect, and
 * {@code order}, sub-paths or globs in replay order for a plain folder (files no pattern matches follow
 * in natural order). Null and empty mean "detect" and "natural order".
 */
public record FolderSettings(Layout layout, Dialect dialect, List<String> order) {
    public static final FolderSettings NONE = new FolderSettings(null, null, List.of());

    public FolderSettings {
        order = order == null ? List.of() : List.copyOf(order);
    }

    public FolderSettings withoutDialect() {
        return new FolderSettings(layout, null, order);
    }
}
