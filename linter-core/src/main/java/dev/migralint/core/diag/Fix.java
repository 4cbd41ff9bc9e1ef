package dev.migralint.core.diag;

import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A mechanical fix: text edits in the finding's file, applied together. */
public record Fix(String description, List<Edit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }

    /** A fix of one edit that inserts {@code text} at {@code offset}. */
    public static Fix insert(String description, int offset, String text) {
        return new Fix(description, List.of(new Edit(new TextRange(offset, offset), text)));
    }

    /** Replace {@code range} with {@code replacement}; an empty range inserts. */
    public record Edit(TextRange range, String replacement) {
    }

    /**
     * {@code text} with every edit applied, as an editor or the fix command applies them. Insertions at
     * the same offset keep their order, and an insertion at the start of a replaced range goes before
     * the replacement. Throws {@link IllegalStateException} when two edits overlap, since no tool could
     * apply both, and {@link IllegalArgumentException} when an edit lies outside the text.
     */
    public static String apply(String text, List<Edit> edits) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        // Applied from the end of the text backwards, so earlier offsets stay valid.
        order.sort(Comparator.comparingInt((Integer i) -> edits.get(i).range().start())
                .thenComparingInt(i -> edits.get(i).range().end())
                .thenComparingInt(i -> i).reversed());
        StringBuilder sb = new StringBuilder(text);
        int limit = text.length();
        for (int i : order) {
            Edit e = edits.get(i);
            if (e.range().end() > text.length()) {
                throw new IllegalArgumentException("fix edit " + e.range() + " lies outside a text of "
                        + text.length() + " characters");
            }
            if (e.range().end() > limit) {
                throw new IllegalStateException("overlapping fix edits at offset " + e.range().start());
            }
            sb.replace(e.range().start(), e.range().end(), e.replacement());
            limit = e.range().start();
        }
        return sb.toString();
    }
}
