package dev.migralint.core.engine;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Location;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.migration.TransactionMode;
import dev.migralint.core.rule.MigrationRule;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.query.SchemaTimeline;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lints one migration chain: each migration's up script in order from an empty schema, each down
 * against the schema its own up produced (pop's generated steps: at its point of the rollback of
 * their group; a down is never replayed forward), then the schema rules
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
        List<Migration> migrations = chain.migrations().subList(0, count);
        List<Step> group = new ArrayList<>();
        ReadAhead reading = new ReadAhead(scripts, config.dialect(), readingOrder(migrations, downs),
                scripts.readsQueryFacts());
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            TransactionMode mode = mode(m);
            // Migration tools give each migration a fresh session: a SET search_path or lock_timeout
            // in one does not carry into the next.
            schema = schema.newSession();
            QueryScope scope = new QueryScope(history(chain, schemas), name(m), false);
            ScriptLinter.Result up = scripts.lint(reading.take(m.up()), schema, mode, false, List.of(), List.of(),
                    scope);
            findings.addAll(up.findings());
            statements.addAll(up.statements());
            notes.addAll(up.notes());
            stats = stats.plus(up.stats());
            group.add(new Step(m, schema, up));
            schema = up.schemaAfter();
            schemas.add(schema);
            if (i + 1 == migrations.size() || !sameRollbackGroup(m, migrations.get(i + 1))) {
                Rollback rollback = rollBack(chain, group, downs, reading);
                findings.addAll(rollback.findings());
                statements.addAll(rollback.statements());
                stats = stats.plus(rollback.stats());
                group.clear();
            }
        }
        findings.addAll(schemaRules(chain, schema, notes));
        return new Result(findings, statements, schemas, notes, stats);
    }

    /** A migration whose up was replayed: the schema before it and the up's result. */
    private record Step(Migration migration, Schema before, ScriptLinter.Result up) {
    }

    private record Rollback(List<Finding> findings, List<ScriptStatement> statements, RunStats stats) {
    }

    /**
     * Lints the downs of a group of migrations in the order a full rollback of the group runs them,
     * last first, each against the schema the downs after it leave; then the migration rules, each
     * migration's down judged by whether the rollback from it on gets back to the schema before its
     * up. A group is one migration in every layout but pop's, whose generated steps share one
     * timestamp and whose downs undo the steps as a whole (Ory Kratos: the down of step 0 reverts
     * the up of the last step), so a single step's down only makes sense at its point of the group's
     * rollback.
     */
    private Rollback rollBack(MigrationChain chain, List<Step> group, boolean downs, ReadAhead reading) {
        List<Finding> findings = new ArrayList<>();
        List<ScriptStatement> statements = new ArrayList<>();
        RunStats stats = RunStats.EMPTY;
        // Indexed like the group; filled last first, as the rollback runs.
        List<Schema> afterDown = new ArrayList<>(Collections.nCopies(group.size(), null));
        List<List<ReplayNote>> downNotes = new ArrayList<>(Collections.nCopies(group.size(), List.of()));
        Schema state = group.get(group.size() - 1).up().schemaAfter();
        for (int j = group.size() - 1; j >= 0; j--) {
            Step step = group.get(j);
            if (!downs || step.migration().down() == null) {
                // No down to run: the rollback of the steps before this one starts from its up's schema.
                state = step.before();
                continue;
            }
            ScriptLinter.Result down = scripts.lint(reading.take(step.migration().down()), state, mode(step.migration()), true,
                    step.up().created(), step.up().addedColumns(), QueryScope.NONE);
            findings.addAll(down.findings());
            statements.addAll(down.statements());
            stats = stats.plus(down.stats());
            afterDown.set(j, down.schemaAfter());
            downNotes.set(j, down.notes());
            state = down.schemaAfter();
        }
        for (int j = 0; j < group.size(); j++) {
            Step step = group.get(j);
            findings.addAll(migrationRules(chain, step.migration(), step.before(), step.up().schemaAfter(), afterDown.get(j),
                    downNotes.get(j)));
        }
        return new Rollback(findings, statements, stats);
    }

    /**
     * The scripts in the order {@link #lint} takes them: each up, and after the last up of a rollback
     * group the group's downs, last first.
     */
    private static List<MigrationScript> readingOrder(List<Migration> migrations, boolean downs) {
        List<MigrationScript> order = new ArrayList<>();
        int groupStart = 0;
        for (int i = 0; i < migrations.size(); i++) {
            order.add(migrations.get(i).up());
            if (i + 1 == migrations.size() || !sameRollbackGroup(migrations.get(i), migrations.get(i + 1))) {
                for (int j = i; downs && j >= groupStart; j--) {
                    if (migrations.get(j).down() != null) {
                        order.add(migrations.get(j).down());
                    }
                }
                groupStart = i + 1;
            }
        }
        return order;
    }

    /**
     * Pop's generated steps of one change: versions of 20 digits whose first 14, the timestamp, agree,
     * or neighbours of the same name. One fizz change can give steps under several timestamps (Kratos'
     * add_verification_methods spans 130642 to 130646, its downs all under 130642); a group too large
     * still judges each down at its point of a full rollback, so erring that way is safe.
     */
    private static boolean sameRollbackGroup(Migration a, Migration b) {
        return a.layout() == Layout.POP && b.layout() == Layout.POP
                && a.version() != null && b.version() != null
                && a.version().length() == 20 && b.version().length() == 20
                && a.version().chars().allMatch(Character::isDigit) && b.version().chars().allMatch(Character::isDigit)
                && (a.version().regionMatches(0, b.version(), 0, 14) || a.description().equals(b.description()));
    }

    private TransactionMode mode(Migration m) {
        return m.transactionMode() == TransactionMode.NO_TRANSACTION
                && m.layout() == Layout.PLAIN && config.assumeInTransaction()
                ? TransactionMode.IN_TRANSACTION : m.transactionMode();
    }

    /**
     * Lints a query file's script on the schema the migrations end with ({@code history} their steps),
     * in a new session as an application's connection is.
     */
    Result lintQueries(MigrationScript script, Schema end, List<SchemaTimeline.Step> history) {
        ScriptLinter.Result r = scripts.lint(script, end.newSession(), TransactionMode.NO_TRANSACTION, false, List.of(),
                List.of(), new QueryScope(history, null, true));
        return new Result(r.findings(), r.statements(), List.of(), r.notes(), r.stats());
    }

    /** The schema after each migration so far, for queries to tell where a name they use went. */
    static List<SchemaTimeline.Step> history(MigrationChain chain, List<Schema> schemas) {
        List<SchemaTimeline.Step> steps = new ArrayList<>(schemas.size());
        for (int i = 0; i < schemas.size(); i++) {
            steps.add(new SchemaTimeline.Step(name(chain.migrations().get(i)), schemas.get(i)));
        }
        return steps;
    }

    /** A migration as messages name it: its file, and the changeset or section when a file holds several. */
    private static String name(Migration m) {
        String file = m.up().file().displayPath();
        return m.up().text().equals(m.up().file().text()) || m.version() == null ? file : file + " (" + m.version() + ")";
    }

    private List<Finding> migrationRules(MigrationChain chain, Migration migration, Schema before, Schema after,
                                         Schema afterDown, List<ReplayNote> downNotes) {
        WholeRuleContext ctx = WholeRuleContext.forMigration(config, chain, migration, before, after, afterDown,
                downNotes);
        Location where = new Location.WholeFile(migration.up().file());
        for (ActiveRule active : rules) {
            if (active.rule() instanceof MigrationRule rule && active.appliesTo(config.dialect())) {
                ctx.use(active);
                scripts.failures().guard(active, where, () -> rule.check(ctx));
            }
        }
        return ctx.findings();
    }

    private List<Finding> schemaRules(MigrationChain chain, Schema schema, List<ReplayNote> notes) {
        List<Migration> migrations = chain.migrations();
        if (migrations.isEmpty()) {
            return List.of();
        }
        WholeRuleContext ctx = WholeRuleContext.forSchema(config, chain, schema, notes);
        // a schema rule judges the chain's end: its failure is shown on the chain's last migration
        Location where = new Location.WholeFile(migrations.get(migrations.size() - 1).up().file());
        for (ActiveRule active : rules) {
            if (active.rule() instanceof SchemaRule rule && active.appliesTo(config.dialect())) {
                ctx.use(active);
                scripts.failures().guard(active, where, () -> rule.check(ctx));
            }
        }
        return ctx.findings();
    }
}
