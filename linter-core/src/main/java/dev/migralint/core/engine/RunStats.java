package dev.migralint.core.engine;

/**
 * Counts for one run: files linted, and statements by how they were understood (parsed by
 * JSqlParser, recognized at token level, skipped as non-SQL, unparsed); of the queries a rule asked
 * to validate against the schema, how many Calcite validated and how many it could not read.
 */
public record RunStats(int files, int statements, int parsed, int recognized, int skipped, int unparsed,
                       int queriesValidated, int queriesNotValidated) {
    public static final RunStats EMPTY = new RunStats(0, 0, 0, 0, 0, 0);

    public RunStats(int files, int statements, int parsed, int recognized, int skipped, int unparsed) {
        this(files, statements, parsed, recognized, skipped, unparsed, 0, 0);
    }

    public RunStats plus(RunStats o) {
        return new RunStats(files + o.files, statements + o.statements, parsed + o.parsed,
                recognized + o.recognized, skipped + o.skipped, unparsed + o.unparsed,
                queriesValidated + o.queriesValidated, queriesNotValidated + o.queriesNotValidated);
    }
}
