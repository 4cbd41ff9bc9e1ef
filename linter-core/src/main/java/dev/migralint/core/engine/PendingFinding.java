package dev.migralint.core.engine;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.lex.Token;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/** A finding a rule has reported and may still add detail to; built when the rule returns. */
final class PendingFinding implements FindingBuilder {
    private final ActiveRule rule;
    private final Location location;
    private final String message;
    /** The statement the finding is in, or null for rules that judge a whole migration or schema. */
    private final ScriptStatement statement;
    private String help;
    /** Non-null when the help is this lead followed by the statement (or helpScope) with the fix applied. */
    private String helpLead;
    private TextRange helpScope;
    private Fix fix;
    private final List<RelatedLocation> related = new ArrayList<>();

    PendingFinding(ActiveRule rule, Location location, String message, ScriptStatement statement) {
        this.rule = rule;
        this.location = location;
        this.message = message;
        this.statement = statement;
    }

    @Override
    public FindingBuilder help(String h) {
        this.help = h;
        this.helpLead = null;
        return this;
    }

    @Override
    public FindingBuilder helpShowingFix(String lead, Fix f) {
        return helpShowingFix(lead, f, null);
    }

    @Override
    public FindingBuilder helpShowingFix(String lead, Fix f, TextRange shown) {
        this.fix = f;
        this.helpLead = lead == null ? "" : lead;
        this.helpScope = shown;
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
        return new Finding(rule.id(), rule.severity(), message, location, helpLead == null ? help : fixedHelp(),
                related, fix, null, null);
    }

    private String fixedHelp() {
        String text = location.file().text();
        if (fix.edits().isEmpty()) {
            return helpLead.strip();
        }
        List<Token> comments = statement == null ? List.of() : statement.tokens();
        if (helpScope != null) {
            return helpLead + FixPreview.of(text, helpScope, comments, fix, false);
        }
        if (statement != null) {
            return helpLead + FixPreview.of(text, statement.range(), comments, fix, true);
        }
        TextRange edited = fix.edits().stream().map(Fix.Edit::range).reduce(TextRange::union).orElseThrow();
        return helpLead + FixPreview.of(text, FixPreview.lines(text, edited), comments, fix, false);
    }
}
