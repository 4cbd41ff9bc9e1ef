package dev.migralint.core.schema;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.List;

/** Test support: SQL text replayed through the whole front end onto a schema. */
record Replayed(Schema schema, List<ReplayNote> notes) {

    static Replayed pg(String sql) {
        return replay(Schema.empty(Dialect.POSTGRESQL), sql);
    }

    static Replayed mysql(String sql) {
        return replay(Schema.empty(Dialect.MYSQL), sql);
    }

    static Replayed replay(Schema start, String sql) {
        Dialect dialect = start.dialect();
        SourceFile file = SourceFile.of("test.sql", sql);
        StatementParser parser = new StatementParser(dialect);
        SchemaReplayer replayer = new SchemaReplayer();
        ReplayContext context = new ReplayContext(file);
        Schema schema = start;
        List<ReplayNote> notes = new ArrayList<>();
        for (ScriptStatement s : Splitter.split(file, Lexer.lex(sql, LexOptions.of(dialect)))) {
            List<SchemaChange> changes = parser.parse(s).changes();
            Replay r = replayer.applyAll(schema, changes, context);
            schema = r.schema();
            notes.addAll(r.notes());
        }
        return new Replayed(schema, notes);
    }

    Replayed then(String sql) {
        Replayed next = replay(schema, sql);
        List<ReplayNote> all = new ArrayList<>(notes);
        all.addAll(next.notes());
        return new Replayed(next.schema(), all);
    }

    Table table(String name) {
        return schema.relation(ObjectName.parse(name, schema.dialect())).orElseThrow(
                () -> new AssertionError("no table " + name + "; tables: " + schema.tables()));
    }

    List<String> indexNames(String table) {
        return table(table).indexes().stream().map(Index::name).toList();
    }

    List<String> columnNames(String table) {
        return table(table).columns().stream().map(Column::name).toList();
    }

    List<ReplayNote.Kind> noteKinds() {
        return notes.stream().map(ReplayNote::kind).toList();
    }
}
