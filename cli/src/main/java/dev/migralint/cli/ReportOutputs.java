package dev.migralint.cli;

import dev.migralint.core.engine.Report;
import dev.migralint.core.report.Format;
import dev.migralint.core.report.ReportSummary;
import dev.migralint.core.report.Reporter;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.report.Reporters;
import dev.migralint.core.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;

/**
 * The reports of one {@code check}: {@code --format FORMAT[=FILE]}, repeatable, with {@code -o FILE}
 * standing for the file of the one format given without one. At most one report goes to standard
 * output; when none does, the summary line goes to standard error so that a CI log is never empty.
 */
final class ReportOutputs {
    /** One report: its format and its file, or null for standard output. */
    record Target(Format format, Path file) {
    }

    /** Parses {@code FORMAT} or {@code FORMAT=FILE}; a bad format lists the valid ones. */
    static final class TargetConverter implements ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            int eq = value.indexOf('=');
            String name = eq < 0 ? value : value.substring(0, eq);
            Format format = new OptionValues.FormatConverter().convert(name);
            if (eq >= 0 && eq == value.length() - 1) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' names no file after '='");
            }
            return new Target(format, eq < 0 ? null : Path.of(value.substring(eq + 1)));
        }
    }

    private final List<Target> targets;

    private ReportOutputs(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The targets of the command line; text to standard output when none is given. */
    static ReportOutputs of(List<Target> given, Path output) {
        List<Target> targets = new ArrayList<>(given.isEmpty() ? List.of(new Target(Format.TEXT, null)) : given);
        List<Target> toStdout = targets.stream().filter(t -> t.file() == null).toList();
        if (toStdout.size() > 1) {
            throw new UsageException("more than one report to standard output ("
                    + toStdout.stream().map(t -> t.format().id()).collect(Collectors.joining(", "))
                    + "): give the others a file, as --format FORMAT=FILE");
        }
        if (output != null) {
            if (toStdout.isEmpty()) {
                throw new UsageException("-o names a file, but every --format already has one");
            }
            targets.set(targets.indexOf(toStdout.get(0)), new Target(toStdout.get(0).format(), output));
        }
        return new ReportOutputs(targets);
    }

    /** Whether a text report goes to standard output (the only one that may be coloured). */
    boolean textToStdout() {
        return targets.stream().anyMatch(t -> t.file() == null && t.format() == Format.TEXT);
    }

    /** The files written, as given, for the summary. */
    List<Path> files() {
        return targets.stream().map(Target::file).filter(f -> f != null).toList();
    }

    /**
     * Writes every report. Each file is written in full before the next, so a failure names the file.
     * {@code quiet} drops the text report's summary line and the one on standard error that otherwise
     * follows when nothing went to standard output. SARIF names files from {@code sarifBase}, which
     * GitHub resolves against the repository root.
     */
    void write(Report report, ReporterOptions options, Path sarifBase, Environment env, PrintWriter out,
               PrintWriter err, boolean quiet) throws IOException {
        boolean stdoutUsed = false;
        for (Target t : targets) {
            ReporterOptions o = t.file() == null ? options
                    : new ReporterOptions(false, options.toolVersion(), options.docsBaseUri());
            Reporter reporter = t.format() == Format.TEXT ? new TextReporter(o, !quiet) : Reporters.create(t.format(), o);
            Report shown = t.format() == Format.SARIF
                    ? new Report(report.findings(), report.problems(), report.rules(), sarifBase, report.stats())
                    : report;
            if (t.file() == null) {
                reporter.write(shown, out);
                out.flush();
                stdoutUsed = true;
            } else {
                OutputFile.write(t.file(), env.resolve(t.file()), w -> reporter.write(shown, w));
            }
        }
        if (!quiet && !stdoutUsed) {
            err.println("migralint: " + ReportSummary.of(report) + "; " + (files().size() == 1 ? "report: " : "reports: ")
                    + files().stream().map(Path::toString).collect(Collectors.joining(", ")));
            err.flush();
        }
    }
}
