package dev.migralint.core.input.mybatis;

import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * A {@code <resultMap>}: its id, the id it {@code extends} (or null), where its start tag is
 * written, and the {@code <association>} and {@code <collection>} elements that load through a
 * nested {@code select=} (at any depth inside it).
 */
public record ResultMap(String id, String extendsId, TextRange element, List<NestedSelect> nestedSelects) {
    /** An association or collection loaded by running statement {@code select} once per parent row. */
    public record NestedSelect(String element, String property, String select, TextRange range) {
    }
}
