package dev.migralint.maven;

import dev.migralint.core.baseline.Baseline;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigException;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.input.InputException;
import dev.migralint.core.cache.DiskCache;
import dev.migralint.core.engine.LintCache;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.report.ReportSummary;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.vcs.ChangedFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the project's migrations and query files and fails the build on findings at or above
 * {@code failOn}. The console report goes to the build log; SARIF (and JSON on request) to files under
 * the build directory.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /**
     * Migration files and folders, relative to the project. Default: the config file's {@code migrations},
     * else {@code src/main/resources/db/migration} and {@code src/main/resources/db/changelog} where they
     * exist.
     */
    @Parameter(property = "migralint.migrations")
    List<String> migrations;

    /** Query files and folders, relative to the project. Default: the config file's {@code queries}. */
    @Parameter(property = "migralint.queries")
    List<String> queries;

    /** Captured query logs for N+1 detection (n-plus-one-log); overrides the config file's query-logs. */
    @Parameter(property = "migralint.queryLogs")
    List<String> queryLogs;

    /** postgresql, mysql (also for MariaDB) or generic. Default: the config file's, else postgresql. */
    @Parameter(property = "migralint.dialect")
    String dialect;

    /** The config file. Default: {@code ${project.basedir}/.migralint.yaml}, used only if it exists. */
    @Parameter(property = "migralint.configFile")
    File configFile;

    /** Lowest severity that fails the build: error, warning, info or never. Default: the config file's, else error. */
    @Parameter(property = "migralint.failOn")
    String failOn;

    /** Report files to write: sarif, json, or none. The console report is always printed. */
    @Parameter(property = "migralint.formats", defaultValue = "sarif")
    List<String> formats;

    @Parameter(property = "migralint.sarifFile", defaultValue = "${project.build.directory}/migralint.sarif")
    File sarifFile;

    @Parameter(property = "migralint.jsonFile", defaultValue = "${project.build.directory}/migralint.json")
    File jsonFile;

    /**
     * Report only findings in files added or changed since the merge base of this git revision and HEAD
     * (uncommitted and untracked files included), as the CLI's {@code --since}. Every file is still linted.
     */
    @Parameter(property = "migralint.since")
    String since;

    /**
     * Reuse the findings of migration chains, query files and mappers that are unchanged since the last
     * build (same files, config and plugin build), kept in {@code cacheDirectory}.
     */
    @Parameter(property = "migralint.cache", defaultValue = "true")
    boolean cache;

    /**
     * Where the cache lives: under the build directory, so that {@code mvn clean} empties it and a build
     * writes nothing outside the project and the local repository.
     */
    @Parameter(property = "migralint.cacheDirectory", defaultValue = "${project.build.directory}/migralint-cache")
    File cacheDirectory;

    @Parameter(property = "migralint.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("migralint: skipped (migralint.skip)");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        ReportFiles files = ReportFiles.of(formats, sarifFile.toPath(), jsonFile.toPath());
        LintRequest request;
        Report report;
        try {
            request = withQueryLogs(new CheckParameters(base, migrations, queries, dialect,
                    configFile == null ? null : configFile.toPath(), failOn).toRequest(), base);
            describe(request, base);
            report = lint(request);
        } catch (ConfigException | InputException e) {
            throw new MojoExecutionException("migralint: " + oneLine(e.getMessage()), e);
        }
        new MavenLogReporter(getLog()).write(report);
        List<Path> written = files.write(report,
                ReporterOptions.plain(pluginVersion == null ? "unknown" : pluginVersion));
        String reports = written.isEmpty() ? ""
                : (written.size() == 1 ? "; report: " : "; reports: ")
                        + written.stream().map(p -> display(base, p)).collect(Collectors.joining(", "));
        if (!report.problems().isEmpty()) {
            // A file that could not be read may hide findings: the run is neither clean nor merely failing.
            throw new MojoExecutionException("migralint: " + ReportSummary.plural(report.problems().size(),
                    "input could not be linted", "inputs could not be linted") + " (see the errors above)" + reports);
        }
        String failure = failureMessage(report, request.config().failOn());
        if (failure != null) {
            throw new MojoFailureException(failure + reports);
        }
    }

    /** The run itself, with the config's baseline (if any) applied before the report is shown. */
    private Report lint(LintRequest request) throws MojoExecutionException {
        RuleRegistry registry;
        try {
            // The plugin's class realm holds this plugin's dependencies, so rule jars that a project adds
            // under the plugin's <dependencies> are found by ServiceLoader next to the built-in rules.
            registry = RuleRegistry.load(CheckMojo.class.getClassLoader());
        } catch (ServiceConfigurationError | IllegalStateException e) {
            // A rule jar whose service entry names a missing class, or whose rule id is taken.
            throw new MojoExecutionException("migralint: cannot load the rules: " + oneLine(e.getMessage()), e);
        }
        // Both are read before linting, so that a bad baseline or git revision fails fast.
        Optional<Path> baselinePath = Baseline.configured(request.config());
        Baseline baseline = baselinePath.map(Baseline::read).orElse(null);
        ChangedFiles scope = since == null || since.isBlank() ? null
                : ChangedFiles.since(basedir.toPath().toAbsolutePath().normalize(), since.strip());
        LintCache lintCache = cache && cacheDirectory != null
                ? DiskCache.forTool(cacheDirectory.toPath(), registry, DiskCache.DEFAULT_MAX_BYTES) : LintCache.NONE;
        Report report = new LintEngine(registry, lintCache).run(request);
        if (baseline != null) {
            report = baseline.apply(report);
        }
        if (scope != null) {
            getLog().info("migralint: reporting on " + scope.description() + " (" + scope.files().size() + ")");
            report = scope.restrict(report);
        }
        return report;
    }

    private void describe(LintRequest request, Path base) {
        Config config = request.config();
        List<Path> all = new ArrayList<>(request.paths());
        all.addAll(request.queries());
        String linted = all.isEmpty() ? "nothing" : all.stream()
                .map(p -> display(base, base.resolve(p))).collect(Collectors.joining(", "));
        getLog().info("migralint: linting " + linted + " (dialect " + config.dialect().id() + ", fail-on "
                + config.failOn().name().toLowerCase(Locale.ROOT)
                + (config.source() == null ? "" : ", config " + display(base, config.source())) + ")");
        if (request.paths().isEmpty()) {
            getLog().info("migralint: no migrations found; looked for " + String.join(" and ",
                    CheckParameters.DEFAULT_MIGRATIONS) + " (set migrations to name them)");
        }
        if (!request.config().queryLogs().isEmpty()) {
            getLog().info("migralint: query logs " + request.config().queryLogs().stream()
                    .map(p -> display(base, Path.of(p))).collect(Collectors.joining(", ")));
        }
    }

    /**
     * The request with the query logs to read: the parameter's, else the config file's; relative to
     * the project's folder, as the plugin's other paths are.
     */
    private LintRequest withQueryLogs(LintRequest request, Path base) {
        List<String> logs = queryLogs == null ? List.of()
                : queryLogs.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (logs.isEmpty()) {
            logs = request.config().queryLogs();
        }
        List<String> resolved = logs.stream().map(p -> base.resolve(p).normalize().toString()).toList();
        return new LintRequest(request.paths(), request.queries(), request.baseDir(),
                request.config().withQueryLogs(resolved), request.texts());
    }

    /** Null when nothing active is at or above {@code failOn}. */
    static String failureMessage(Report report, FailOn failOn) {
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (Severity s : Severity.values()) {
            if (failOn.fails(s)) {
                long n = report.findings().stream().filter(f -> !f.suppressed() && f.severity() == s).count();
                total += n;
                if (n > 0) {
                    parts.add(s == Severity.INFO ? n + " info" : ReportSummary.plural(n, s.id(), s.id() + "s"));
                }
            }
        }
        if (total == 0) {
            return null;
        }
        return "migralint: " + ReportSummary.plural(total, "finding", "findings") + " at or above "
                + failOn.name().toLowerCase(Locale.ROOT) + " (" + String.join(", ", parts) + ")";
    }

    private static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
