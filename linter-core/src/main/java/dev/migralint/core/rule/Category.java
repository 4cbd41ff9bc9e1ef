package dev.migralint.core.rule;

import java.util.Locale;

/** Rule categories, as the catalogue groups them. */
public enum Category {
    META, LOCKING, COMPATIBILITY, REVERSIBILITY, INTEGRITY, INDEXING, TYPES, CONVENTIONS, QUERY, N_PLUS_ONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
