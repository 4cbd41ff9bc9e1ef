package dev.migralint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the CLI through {@link Main#run}, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun in(Path workingDir, String... args) {
        return with(new Environment(workingDir, Map.of(), false), args);
    }

    static CliRun with(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The lines of standard error, without a trailing empty one. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
