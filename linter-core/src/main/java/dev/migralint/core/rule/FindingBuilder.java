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

    default FindingBuilder related(RelatedLocation r) {
        return related(r.location(), r.message());
    }
}
