package dev.migralint.core.engine;

import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What replaying a migration chain gave: the schema after each migration replayed, in chain order
 * ({@code steps} may stop before the chain's end), the changes replay refused (as the database would
 * have: an unknown table, a duplicate name), and counts of how the statements were understood.
 * Schemas share what did not change, so keeping one per migration is cheap.
 */
public record SchemaHistory(MigrationChain chain, List<Step> steps, Schema initial, List<ReplayNote> notes,
                            RunStats stats) {

    /** A migration and the schema its up script left. */
    public record Step(Migration migration, Schema after) {
        public Step {
            Objects.requireNonNull(migration);
            Objects.requireNonNull(after);
        }
    }

    public SchemaHistory {
        Objects.requireNonNull(chain);
        Objects.requireNonNull(initial);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** The schema after the last migration replayed: the empty schema when none was. */
    public Schema schema() {
        return steps.isEmpty() ? initial : steps.get(steps.size() - 1).after();
    }

    /** The last migration replayed, if any. */
    public Optional<Migration> last() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1).migration());
    }

    /** The step of the migration with that version (see {@link SchemaBuilder#matches}). */
    public Optional<Step> at(String version) {
        return steps.stream().filter(s -> SchemaBuilder.matches(s.migration(), version)).findFirst();
    }

    public Layout layout() {
        return chain.layout();
    }
}
