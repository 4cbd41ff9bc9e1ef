package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
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
    private final Schema schemaBefore;
    private final Schema schemaAfter;
    private final List<ReplayNote> replayNotes;
    private ActiveRule rule;
    private final List<PendingFinding> pending = new ArrayList<>();

    StatementContext(ParsedStatement parsed, List<SchemaChange> changes, Dialect dialect, int targetVersion,
                     StatementFacts facts, Schema schemaBefore, Schema schemaAfter, List<ReplayNote> replayNotes) {
        this.parsed = parsed;
        this.schemaBefore = schemaBefore;
        this.schemaAfter = schemaAfter;
        this.replayNotes = List.copyOf(replayNotes);
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
        return pending.stream().map(PendingFinding::build).toList();
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
    public Schema schemaBefore() {
        return schemaBefore;
    }

    @Override
    public Schema schemaAfter() {
        return schemaAfter;
    }

    @Override
    public List<ReplayNote> replayNotes() {
        return replayNotes;
    }

    @Override
    public <T extends Record> T options(Class<T> type) {
        return type.cast(rule.options());
    }

    @Override
    public FindingBuilder report(TextRange range, String message) {
        PendingFinding p = new PendingFinding(rule, new Location.Span(file(), clamp(range)), message, statement());
        pending.add(p);
        return p;
    }

    private TextRange clamp(TextRange r) {
        int len = file().text().length();
        return new TextRange(Math.min(r.start(), len), Math.min(r.end(), len));
    }
}
