package dev.migralint.core.engine;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/** A finding a rule has reported and may still add detail to; built when the rule returns. */
final class PendingFinding implements FindingBuilder {
    private final ActiveRule rule;
    private final Location location;
    private final String message;
    private String help;
    private Fix fix;
    private final List<RelatedLocation> related = new ArrayList<>();

    PendingFinding(ActiveRule rule, Location location, String message) {
        this.rule = rule;
        this.location = location;
        this.message = message;
    }

    @Override
    public FindingBuilder help(String h) {
        this.help = h;
        return this;
    }

    @Override
    public FindingBuilder related(Location where, String msg) {
        related.add(new RelatedLocation(where, msg));
        return this;
    }

    @Override
    public FindingBuilder related(TextRange r, String msg) {
        return related(new Location.Span(location.file(), r), msg);
    }

    @Override
    public FindingBuilder fix(Fix f) {
        this.fix = f;
        return this;
    }

    Finding build() {
        return new Finding(rule.id(), rule.severity(), message, location, help, related, fix, null, null);
    }
}
