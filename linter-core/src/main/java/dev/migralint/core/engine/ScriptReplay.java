package dev.migralint.core.engine;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.query.SchemaTimeline;
import dev.migralint.core.schema.Replay;
import dev.migralint.core.schema.ReplayContext;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.SchemaReplayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A script's statements replayed one after another before any rule runs (replay needs none): the
 * schema before and after each statement, what replay noted on each, and the schemas that a query's
 * timeline adds after the script's earlier changes. With all of it known up front, a script's
 * queries can be validated while the rules run ({@link ValidateAhead}).
 */
final class ScriptReplay {
    /** {@code schemas[i]} stands before statement {@code i}; the last one after the script. */
    private final Schema[] schemas;
    private final List<List<ReplayNote>> notes;
    private final List<SchemaTimeline.Step> steps = new ArrayList<>();
    /** How many of {@link #steps} come before statement {@code i}. */
    private final int[] stepsBefore;

    ScriptReplay(SchemaReplayer replayer, Schema before, List<List<SchemaChange>> changes, ReplayContext context,
                 DynamicSql dynamicSql, String migration) {
        int n = changes.size();
        schemas = new Schema[n + 1];
        notes = new ArrayList<>(n);
        stepsBefore = new int[n];
        Schema schema = before;
        for (int i = 0; i < n; i++) {
            schemas[i] = schema;
            stepsBefore[i] = steps.size();
            List<ReplayNote> noted = new ArrayList<>();
            for (SchemaChange c : changes.get(i)) {
                Replay r = replayer.apply(schema, c, context);
                schema = r.schema();
                noted.addAll(r.notes());
            }
            Set<String> unseen = dynamicSql.namedBy(i);
            if (!unseen.isEmpty()) {
                schema = replayer.dynamicallyChanged(schema, unseen);
            }
            notes.add(noted);
            if (schema != schemas[i] && migration != null) {
                steps.add(new SchemaTimeline.Step(migration, schema));
            }
        }
        schemas[n] = schema;
    }

    Schema before(int i) {
        return schemas[i];
    }

    Schema after(int i) {
        return schemas[i + 1];
    }

    Schema end() {
        return schemas[schemas.length - 1];
    }

    List<ReplayNote> notes(int i) {
        return notes.get(i);
    }

    /** The schema after each earlier statement of the script that changed it. */
    List<SchemaTimeline.Step> stepsBefore(int i) {
        return steps.subList(0, stepsBefore[i]);
    }
}
