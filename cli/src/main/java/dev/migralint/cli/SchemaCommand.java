package dev.migralint.cli;

import dev.migralint.core.config.Config;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.engine.SchemaBuilder;
import dev.migralint.core.engine.SchemaHistory;
import dev.migralint.core.migration.Migration;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.report.SchemaFormat;
import dev.migralint.core.report.SchemaWriter;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.source.Position;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code migralint schema}: replays the migration chains under the given paths, as {@code check}
 * does but without rules, and prints the schema each ends with (or has after {@code --at VERSION}).
 * Statements that could not be parsed and changes the database would have refused are warnings on
 * standard error: the schema printed lacks what they would have done.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Print the schema that replaying the migrations gives: JSON, a Mermaid ER diagram"
                + " or a Graphviz graph.")
final class SchemaCommand implements Callable<Integer> {
    /** How many refused changes are listed before the rest are only counted. */
    private static final int NOTES_SHOWN = 10;

    private final Environment env;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    DebugOption debug;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Migration folders and SQL files (default: the config's migrations, else the working"
                    + " directory); each migration folder is one chain, every other SQL file a chain of its own.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: json).")
    SchemaFormat format = SchemaFormat.JSON;

    @Option(names = "--at", paramLabel = "VERSION",
            description = "Stop after the migration with this version, as its layout names it (Flyway 1.1,"
                    + " golang-migrate 20240101120000, a plain file's name without .sql).")
    String at;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output.")
    Path output;

    SchemaCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        Config config = configOptions.load(env);
        SchemaBuilder builder = new SchemaBuilder(config);
        List<Path> targets = DefaultPaths.migrations(paths, config);
        SchemaBuilder.Found found = builder.discover(targets, env.workingDir());
        if (found.chains().isEmpty() && found.problems().isEmpty()) {
            throw new UsageException("no SQL files under " + targets.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        List<SchemaHistory> histories = replay(builder, found.chains());

        SchemaWriter writer = SchemaWriter.create(format, ToolVersion.get());
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            writer.write(histories, out);
            out.flush();
        } else {
            OutputFile.write(output, env.resolve(output), w -> writer.write(histories, w));
        }
        PrintWriter err = spec.commandLine().getErr();
        warnings(histories, err);
        for (InputProblem p : found.problems()) {
            err.println("migralint: error: " + where(p.location()) + ": " + p.message());
        }
        err.flush();
        return found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private List<SchemaHistory> replay(SchemaBuilder builder, List<MigrationChain> chains) {
        List<SchemaHistory> histories = new ArrayList<>();
        if (at == null) {
            chains.forEach(c -> histories.add(builder.replay(c)));
            return histories;
        }
        for (MigrationChain c : chains) {
            builder.replayUntil(c, at).ifPresent(histories::add);
        }
        if (histories.isEmpty()) {
            throw new UsageException("no migration has version '" + at + "'" + knownVersions(chains));
        }
        return histories;
    }

    private static String knownVersions(List<MigrationChain> chains) {
        List<String> versions = chains.stream().flatMap(c -> c.migrations().stream()).map(Migration::version)
                .filter(Objects::nonNull).distinct().toList();
        if (versions.isEmpty()) {
            return "";
        }
        int shown = Math.min(versions.size(), 8);
        String list = String.join(", ", versions.subList(0, shown));
        return " (versions: " + list + (versions.size() > shown ? ", ..." : "") + ")";
    }

    /** Unparsed statements and refused changes: the schema printed may lack what they define. */
    private static void warnings(List<SchemaHistory> histories, PrintWriter err) {
        int unparsed = histories.stream().map(SchemaHistory::stats).mapToInt(RunStats::unparsed).sum();
        if (unparsed > 0) {
            err.println("migralint: warning: " + unparsed + (unparsed == 1 ? " statement" : " statements")
                    + " could not be parsed, so the schema lacks what " + (unparsed == 1 ? "it does" : "they do")
                    + " (run 'migralint check' to see them)");
        }
        List<ReplayNote> notes = histories.stream().flatMap(h -> h.notes().stream()).toList();
        Iterator<ReplayNote> it = notes.iterator();
        for (int i = 0; i < NOTES_SHOWN && it.hasNext(); i++) {
            ReplayNote n = it.next();
            err.println("migralint: warning: " + where(n.location()) + ": " + n.message() + "; not replayed");
        }
        if (notes.size() > NOTES_SHOWN) {
            err.println("migralint: warning: " + (notes.size() - NOTES_SHOWN) + " more changes not replayed");
        }
    }

    private static String where(Location location) {
        String file = location.file().displayPath();
        if (location instanceof Location.Span span) {
            Position p = location.file().position(span.range().start());
            return file + ":" + p.line() + ":" + p.column();
        }
        return file;
    }

    static final class FormatConverter implements ITypeConverter<SchemaFormat> {
        @Override
        public SchemaFormat convert(String value) {
            SchemaFormat f = SchemaFormat.parse(value);
            if (f == null) {
                throw new TypeConversionException("'" + value + "' is not one of json, mermaid, dot");
            }
            return f;
        }
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("json", "mermaid", "dot").iterator();
        }
    }
}
