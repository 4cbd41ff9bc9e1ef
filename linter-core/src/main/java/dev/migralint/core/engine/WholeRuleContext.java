package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The context of a rule that judges a whole migration or a whole chain's schema: one class serves
 * both, since they differ only in which schemas they expose. For a schema rule, {@link #schema()} is
 * the chain's final schema and the migration accessors are unused.
 */
final class WholeRuleContext implements SchemaContext, MigrationContext {
    private final Config config;
    private final MigrationChain chain;
    private final Migration migration;
    private final Schema before;
    private final Schema after;
    private final Schema afterDown;
    private final List<ReplayNote> downNotes;
    private final List<PendingFinding> pending = new ArrayList<>();
    private List<ReplayNote> chainNotes = List.of();
    private ActiveRule rule;

    private WholeRuleContext(Config config, MigrationChain chain, Migration migration, Schema before, Schema after,
                             Schema afterDown, List<ReplayNote> downNotes) {
        this.config = config;
        this.chain = chain;
        this.migration = migration;
        this.before = before;
        this.after = after;
        this.afterDown = afterDown;
        this.downNotes = List.copyOf(downNotes);
    }

    /** {@code notes}: what replaying the chain's up scripts ran into. */
    static WholeRuleContext forSchema(Config config, MigrationChain chain, Schema schema, List<ReplayNote> notes) {
        WholeRuleContext ctx = new WholeRuleContext(config, chain, null, null, schema, null, List.of());
        ctx.chainNotes = List.copyOf(notes);
        return ctx;
    }

    static WholeRuleContext forMigration(Config config, MigrationChain chain, Migration migration, Schema before,
                                         Schema after, Schema afterDown, List<ReplayNote> downNotes) {
        return new WholeRuleContext(config, chain, migration, before, after, afterDown, downNotes);
    }

    void use(ActiveRule next) {
        this.rule = next;
    }

    List<Finding> findings() {
        return pending.stream().map(PendingFinding::build).toList();
    }

    @Override
    public Schema schema() {
        return after;
    }

    @Override
    public Migration migration() {
        return migration;
    }

    @Override
    public MigrationChain chain() {
        return chain;
    }

    @Override
    public List<ReplayNote> replayNotes() {
        return chainNotes;
    }

    @Override
    public List<ReplayNote> downReplayNotes() {
        return downNotes;
    }

    @Override
    public Schema schemaBefore() {
        return before;
    }

    @Override
    public Schema schemaAfter() {
        return after;
    }

    @Override
    public Schema schemaAfterDown() {
        return afterDown;
    }

    @Override
    public Dialect dialect() {
        return config.dialect();
    }

    @Override
    public int targetVersion() {
        return config.targetVersion();
    }

    @Override
    public <T extends Record> T options(Class<T> type) {
        return type.cast(rule.options());
    }

    @Override
    public FindingBuilder report(Location location, String message) {
        PendingFinding p = new PendingFinding(rule, location, message, null);
        pending.add(p);
        return p;
    }
}
