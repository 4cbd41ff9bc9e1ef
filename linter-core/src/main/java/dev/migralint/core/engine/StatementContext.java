package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/** The context one rule sees for one statement; collects what the rule reports. */
final class StatementContext implements RuleContext {
    private final ParsedStatement parsed;
    private final List<SchemaChange> changes;
    private final Dialect dialect;
    private final int targetVersion;
    private final StatementFacts facts;
    private ActiveRule rule;
    private final List<Pending> pending = new ArrayList<>();

    StatementContext(ParsedStatement parsed, List<SchemaChange> changes, Dialect dialect, int targetVersion,
                     StatementFacts facts) {
        this.parsed = parsed;
        this.changes = changes;
        this.dialect = dialect;
        this.targetVersion = targetVersion;
        this.facts = facts;
    }

    /** Switches to the next rule; findings reported so far stay collected. */
    void use(ActiveRule next) {
        this.rule = next;
    }

    List<Finding> findings() {
        return pending.stream().map(Pending::build).toList();
    }

    @Override
    public SourceFile file() {
        return parsed.statement().file();
    }

    @Override
    public ScriptStatement statement() {
        return parsed.statement();
    }

    @Override
    public ParsedStatement parsed() {
        return parsed;
    }

    @Override
    public List<SchemaChange> changes() {
        return changes;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public int targetVersion() {
        return targetVersion;
    }

    @Override
    public StatementFacts facts() {
        return facts;
    }

    @Override
    public RuleOptions options() {
        return rule.options();
    }

    @Override
    public FindingBuilder report(TextRange range, String message) {
        Pending p = new Pending(rule, file(), clamp(range), message);
        pending.add(p);
        return p;
    }

    private TextRange clamp(TextRange r) {
        int len = file().text().length();
        return new TextRange(Math.min(r.start(), len), Math.min(r.end(), len));
    }

    private static final class Pending implements FindingBuilder {
        private final ActiveRule rule;
        private final SourceFile file;
        private final TextRange range;
        private final String message;
        private String help;
        private Fix fix;
        private final List<RelatedLocation> related = new ArrayList<>();

        Pending(ActiveRule rule, SourceFile file, TextRange range, String message) {
            this.rule = rule;
            this.file = file;
            this.range = range;
            this.message = message;
        }

        @Override
        public FindingBuilder help(String h) {
            this.help = h;
            return this;
        }

        @Override
        public FindingBuilder related(Location location, String msg) {
            related.add(new RelatedLocation(location, msg));
            return this;
        }

        @Override
        public FindingBuilder related(TextRange r, String msg) {
            return related(new Location.Span(file, r), msg);
        }

        @Override
        public FindingBuilder fix(Fix f) {
            this.fix = f;
            return this;
        }

        Finding build() {
            return new Finding(rule.id(), rule.severity(), message, new Location.Span(file, range), help, related,
                    fix, null, null);
        }
    }
}
