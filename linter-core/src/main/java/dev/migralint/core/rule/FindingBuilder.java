package dev.migralint.core.rule;

import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.source.TextRange;

/** Adds detail to a finding a rule has just reported; the engine completes it when the rule returns. */
public interface FindingBuilder {
    FindingBuilder help(String help);

    FindingBuilder related(Location location, String message);

    /** Related place in the same file. */
    FindingBuilder related(TextRange range, String message);

    FindingBuilder fix(Fix fix);

    /**
     * Offers {@code fix} and makes the help {@code lead} followed by the statement as it reads with the
     * fix applied. The engine computes that text from the source, so it keeps every clause, quote and
     * letter case the author wrote; a rule that corrects an existing statement uses this rather than
     * rebuilding the statement from the change model, which does not hold all of it. Comments inside
     * the statement are left out of the help. A later {@link #help(String)} replaces this help.
     */
    FindingBuilder helpShowingFix(String lead, Fix fix);

    /**
     * As {@link #helpShowingFix(String, Fix)}, but the help shows only {@code shown}, a part of the
     * statement such as a column definition, with the fix applied (widened to cover every edit).
     */
    FindingBuilder helpShowingFix(String lead, Fix fix, TextRange shown);

    default FindingBuilder related(RelatedLocation r) {
        return related(r.location(), r.message());
    }
}
