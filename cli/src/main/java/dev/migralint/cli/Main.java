package dev.migralint.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The jar's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Calcite logs through SLF4J, and the CLI ships no logging backend on purpose: without this,
        // SLF4J warns on standard error, in every run that validates a query, that it found none.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        // Straight to the file descriptor: System.out would swallow a write error and leave no reason.
        FailureRecordingStream stdout = new FailureRecordingStream(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, Environment.current(), stdout::reason);
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Environment.current());
    }

    /** Runs one command line; never throws and never exits the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Environment env) {
        return run(args, out, err, env, () -> null);
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter, Environment)}; a report that could not be written
     * in full to {@code out} (a full disk, a closed pipe) makes the exit code 2, since a CI step would
     * otherwise pass on a truncated report. {@code outFailure} gives the reason, when known.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Environment env, Supplier<String> outFailure) {
        int code = runCommand(args, out, err, env);
        out.flush();
        if (out.checkError()) {
            String reason = outFailure.get();
            err.println("migralint: cannot write to standard output" + (reason == null ? "" : ": " + reason));
            err.flush();
            return ExitCodes.USAGE;
        }
        return code;
    }

    private static int runCommand(String[] args, PrintWriter out, PrintWriter err, Environment env) {
        ExceptionMapper mapper = new ExceptionMapper(Arrays.asList(args));
        try {
            CommandLine cl = commandLine(env)
                    .setOut(out)
                    .setErr(err)
                    .setExecutionExceptionHandler(mapper)
                    .setParameterExceptionHandler(mapper);
            int code = cl.execute(args);
            out.flush();
            return code;
        } catch (Throwable t) {
            // What picocli lets through: Errors such as StackOverflowError, or a failure in a handler.
            out.flush();
            return ExceptionMapper.report(t, err, mapper.debugRequested(null));
        }
    }

    /**
     * Commands are instantiated here rather than by picocli's reflective factory: it keeps start-up
     * cheap and lets every command share the environment.
     */
    static CommandLine commandLine(Environment env) {
        CommandLine cl = new CommandLine(new MigralintCommand());
        cl.addSubcommand("check", new CheckCommand(env));
        cl.addSubcommand("fix", new FixCommand(env));
        cl.addSubcommand("baseline", new BaselineCommand(env));
        cl.addSubcommand("rules", new RulesCommand());
        cl.addSubcommand("explain", new ExplainCommand());
        cl.addSubcommand("schema", new SchemaCommand(env));
        cl.addSubcommand("init", new InitCommand(env));
        cl.addSubcommand("completion", new CompletionCommand());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                env.colorAllowed() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        return cl;
    }
}
