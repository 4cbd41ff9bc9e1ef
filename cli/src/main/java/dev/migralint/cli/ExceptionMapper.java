package dev.migralint.cli;

import dev.migralint.core.config.ConfigException;
import dev.migralint.core.input.InputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and an exit code. Errors the user can fix (bad
 * flags, config, input) are {@code migralint: error: ...} and exit 2; anything else is a bug, reported
 * as {@code migralint: internal error: ...} with exit 3. Stack traces only with {@code --debug}.
 */
final class ExceptionMapper implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final List<String> args;

    ExceptionMapper(List<String> args) {
        this.args = List.copyOf(args);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] ignored) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (debugRequested(null)) {
            ex.printStackTrace(err);
        }
        err.println("migralint: error: " + oneLine(ex.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        return report(ex, cmd.getErr(), debugRequested(parsed));
    }

    /** Also used by {@link Main} for what escapes picocli, such as an Error thrown in a command. */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        if (debug) {
            ex.printStackTrace(err);
        }
        int code;
        if (isUserError(ex)) {
            err.println("migralint: error: " + oneLine(ex.getMessage()));
            code = ExitCodes.USAGE;
        } else {
            err.println("migralint: internal error: " + oneLine(describe(ex))
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }

    private static boolean isUserError(Throwable ex) {
        return ex instanceof ConfigException || ex instanceof InputException || ex instanceof UsageException
                || ex instanceof ParameterException;
    }

    private static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + msg;
    }

    /** The --debug flag, from the parse result when there is one, else from the raw arguments. */
    boolean debugRequested(ParseResult parsed) {
        return DebugOption.requested(parsed) || args.contains("--debug");
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }
}
