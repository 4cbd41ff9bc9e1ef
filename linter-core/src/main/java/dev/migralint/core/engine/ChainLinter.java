package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.MigrationContext;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.RuleOptions;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints one migration chain: each migration's up script in order from an empty schema, each down
 * against the schema its own up produced (a down is never replayed forward), then the schema rules
 * on the schema the chain ends with. With no rules it is the replay alone, which is how
 * {@link SchemaBuilder} gets the schema after each migration.
 */
final class ChainLinter {
    /**
     * Findings of one chain (in any order), every statement linted, the schema after each migration
     * replayed (in chain order), the changes replay refused, and counts.
     */
    record Result(List<Finding> findings, List<ScriptStatement> statements, List<Schema> schemas,
                  List<ReplayNote> notes, RunStats stats) {
    }

    private final Config config;
    private final List<ActiveRule> rules;
    private final ScriptLinter scripts;

    ChainLinter(Config config, List<ActiveRule> rules, ScriptLinter scripts) {
        this.config = config;
        this.rules = rules;
        this.scripts = scripts;
    }

    Result lint(MigrationChain chain) {
        return lint(chain, chain.migrations().size(), true);
    }

    /**
     * Lints the first {@code count} migrations of the chain, their down scripts only when
     * {@code downs}; the schema rules see the schema those migrations end with.
     */
    Result lint(MigrationChain chain, int count, boolean downs) {
        Schema schema = Schema.empty(config.dialect());
        List<Finding> findings = new ArrayList<>();
        List<ScriptStatement> statements = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>(count);
        List<ReplayNote> notes = new ArrayList<>();
        RunStats stats = RunStats.EMPTY;
        for (Migration m : chain.migrations().subList(0, count)) {
            TransactionMode mode = m.transactionMode() == TransactionMode.NO_TRANSACTION
                    && m.layout() == Layout.PLAIN && config.assumeInTransaction()
                    ? TransactionMode.IN_TRANSACTION : m.transactionMode();
            // Migration tools give each migration a fresh session: a SET search_path or lock_timeout
            // in one does not carry into the next.
            schema = schema.newSession();
            ScriptLinter.Result up = scripts.lint(m.up(), schema, mode, false, List.of());
            findings.addAll(up.findings());
            statements.addAll(up.statements());
            notes.addAll(up.notes());
            stats = stats.plus(up.stats());
            Schema afterDown = null;
            if (downs && m.down() != null) {
                List<ObjectName> createdByUp = up.created();
                ScriptLinter.Result down = scripts.lint(m.down(), up.schemaAfter(), mode, true, createdByUp);
                findings.addAll(down.findings());
                statements.addAll(down.statements());
                stats = stats.plus(down.stats());
                afterDown = down.schemaAfter();
            }
            findings.addAll(migrationRules(chain, m, schema, up.schemaAfter(), afterDown));
            schema = up.schemaAfter();
            schemas.add(schema);
        }
        findings.addAll(schemaRules(chain, schema));
        return new Result(findings, statements, schemas, notes, stats);
    }

    private List<Finding> migrationRules(MigrationChain chain, Migration migration, Schema before, Schema after,
                                         Schema afterDown) {
        List<PendingFinding> pending = new ArrayList<>();
        for (ActiveRule active : rules) {
            if (active.rule() instanceof MigrationRule rule) {
                rule.check(new MigrationContext() {
                    @Override
                    public Migration migration() {
                        return migration;
                    }

                    @Override
                    public MigrationChain chain() {
                        return chain;
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
                    public RuleOptions options() {
                        return active.options();
                    }

                    @Override
                    public FindingBuilder report(Location location, String message) {
                        PendingFinding p = new PendingFinding(active, location, message);
                        pending.add(p);
                        return p;
                    }
                });
            }
        }
        return pending.stream().map(PendingFinding::build).toList();
    }

    private List<Finding> schemaRules(MigrationChain chain, Schema schema) {
        List<PendingFinding> pending = new ArrayList<>();
        for (ActiveRule active : rules) {
            if (active.rule() instanceof SchemaRule rule) {
                rule.check(new SchemaContext() {
                    @Override
                    public Schema schema() {
                        return schema;
                    }

                    @Override
                    public MigrationChain chain() {
                        return chain;
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
                    public RuleOptions options() {
                        return active.options();
                    }

                    @Override
                    public FindingBuilder report(Location location, String message) {
                        PendingFinding p = new PendingFinding(active, location, message);
                        pending.add(p);
                        return p;
                    }
                });
            }
        }
        return pending.stream().map(PendingFinding::build).toList();
    }
}
