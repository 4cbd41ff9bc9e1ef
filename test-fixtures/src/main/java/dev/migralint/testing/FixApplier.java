package dev.migralint.testing;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import java.util.ArrayList;
import java.util.List;

/** Applies the edits of findings' fixes to a file's text, as an editor or a fix command would. */
public final class FixApplier {
    private FixApplier() {
    }

    /**
     * The text with every edit applied (see {@link Fix#apply}); throws when two edits overlap, since no
     * tool could apply both.
     */
    public static String apply(String text, List<Finding> findings) {
        List<Fix.Edit> edits = new ArrayList<>();
        findings.stream().filter(f -> f.fix() != null).forEach(f -> edits.addAll(f.fix().edits()));
        return Fix.apply(text, edits);
    }
}
