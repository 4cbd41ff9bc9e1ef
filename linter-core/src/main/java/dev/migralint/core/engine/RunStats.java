package dev.migralint.core.engine;

/**
 * Counts for one run: files linted, and statements by how they were understood (parsed by
 * JSqlParser, recognized at token level, skipped as non-SQL, unparsed).
 */
public record RunStats(int files, int statements, int parsed, int recognized, int skipped, int unparsed) {
    public static final RunStats EMPTY = new RunStats(0, 0, 0, 0, 0, 0);

    public RunStats plus(RunStats o) {
        return new RunStats(files + o.files, statements + o.statements, parsed + o.parsed,
                recognized + o.recognized, skipped + o.skipped, unparsed + o.unparsed);
    }
}
