package dev.migralint.testing;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the edits of findings' fixes to a file's text, as an editor or a fix command would. */
public final class FixApplier {
    private FixApplier() {
    }

    /** The text with every edit applied; throws when two edits overlap, since no tool could apply both. */
    public static String apply(String text, List<Finding> findings) {
        List<Fix.Edit> edits = new ArrayList<>();
        findings.stream().filter(f -> f.fix() != null).forEach(f -> edits.addAll(f.fix().edits()));
        edits.sort(Comparator.comparingInt((Fix.Edit e) -> e.range().start()).reversed());
        StringBuilder sb = new StringBuilder(text);
        int limit = text.length();
        for (Fix.Edit e : edits) {
            if (e.range().end() > limit) {
                throw new IllegalStateException("overlapping fix edits at offset " + e.range().start());
            }
            sb.replace(e.range().start(), e.range().end(), e.replacement());
            limit = e.range().start();
        }
        return sb.toString();
    }
}
