package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.StatementFacts;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.List;

/** What a rule may see of the statement under inspection, and how it reports. */
public interface RuleContext {
    SourceFile file();

    ScriptStatement statement();

    ParsedStatement parsed();

    /** Every change the statement makes, in order; the DDL inside a DO block as changes of their own, each with its range. */
    List<SchemaChange> changes();

    Dialect dialect();

    /** Database major version the project targets (e.g. 15). */
    int targetVersion();

    StatementFacts facts();

    /** The schema as it stood before this statement: the chain's migrations so far, replayed. */
    Schema schemaBefore();

    /** The schema after this statement. */
    Schema schemaAfter();

    /** What replaying this statement's changes ran into (unknown tables, duplicates...). */
    List<ReplayNote> replayNotes();

    /** The rule's options, bound from the config onto the record its {@link RuleInfo} names. */
    <T extends Record> T options(Class<T> type);

    FindingBuilder report(TextRange range, String message);

    default FindingBuilder report(SchemaChange change, String message) {
        return report(change.range(), message);
    }

    /** The whole statement's range, terminator excluded. */
    default TextRange statementRange() {
        return statement().range();
    }

    /** Reports on the whole statement. */
    default FindingBuilder report(String message) {
        return report(statementRange(), message);
    }
}
