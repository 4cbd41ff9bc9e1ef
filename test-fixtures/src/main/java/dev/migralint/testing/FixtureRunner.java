package dev.migralint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.NaturalOrder;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Runs rule fixtures: {@code <root>/<rule-id>/<case>.sql} (or a {@code <case>/} folder of
 * migrations, or a MyBatis mapper {@code <case>.xml}, alone or in a folder with the migrations that
 * build its schema), each linted with the real engine and compared with its {@code -- expect:} markers
 * both ways; a marker may pin a fragment of the message and of the help (grammar in
 * {@link ExpectationParser}). Only findings of the rule under test, of parse-error, and of rules a marker names are
 * compared, so a fixture need not announce what other rules think of it.
 *
 * <p>A case {@code <case>.sql} with a sibling {@code <case>.fixed.sql} also checks the rule's fixes:
 * every fix the rule offers in the case, applied to the case file, must give exactly that file once
 * the case's {@code -- expect:} markers are taken out, and the result must lint clean of the rule and
 * of parse-error. A fixed file therefore holds no markers: it is a clean case by definition, so a
 * marker there could only be stale, and the runner fails on one. Everything else (the options line,
 * other comments, line endings) must match byte for byte.
 *
 * <p>A case {@code <case>.log} is a query log for the rules that read logs (any format the engine
 * recognizes; markers trail the log line where a finding starts, and are taken out before the log is
 * read, so they never reach a reader). It is linted as a {@code query-logs:} entry.
 *
 * <p>A first line {@code -- options: k=v} sets {@code dialect}, {@code target-version} and
 * {@code assume-in-transaction} for the run; any other key is an option of the rule under test.
 */
public final class FixtureRunner {
    public static final String PARSE_ERROR = "parse-error";
    /** The expected text after applying the rule's fixes to {@code <case>.sql}. */
    public static final String FIXED_SUFFIX = ".fixed.sql";
    /** A query-log case. */
    public static final String LOG_SUFFIX = ".log";
    private static final Set<String> RUN_KEYS = Set.of("dialect", "target-version", "assume-in-transaction");

    private final Path root;
    private final BiFunction<List<SourceFile>, Config, Report> linter;

    public FixtureRunner(Path root, BiFunction<List<SourceFile>, Config, Report> linter) {
        this.root = root;
        this.linter = linter;
    }

    /** A runner that lints with {@link LintEngine} over the given rules. */
    public static FixtureRunner withEngine(Path root, RuleRegistry registry) {
        LintEngine engine = new LintEngine(registry);
        return new FixtureRunner(root, (sources, config) -> isQueryLog(sources) ? lintLog(engine, sources.get(0), config)
                : inToolLayout(sources)
                ? engine.run(new LintRequest(List.of(caseLocation(root, sources)), root, config))
                : engine.lintSources(sources.stream().map(s -> new SourceFile(s.path(), s.displayPath(),
                        ExpectationParser.blankMarkers(s.text()))).toList(), config));
    }

    static boolean isQueryLog(List<SourceFile> sources) {
        return sources.size() == 1 && sources.get(0).displayPath().endsWith(LOG_SUFFIX);
    }

    /**
     * Lints a log case as a query log: its text without markers, written under a temporary folder at
     * the case's own relative path, so findings name the case file as markers do.
     */
    private static Report lintLog(LintEngine engine, SourceFile log, Config config) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("migralint-log-case");
            Path file = dir.resolve(log.displayPath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, ExpectationParser.withoutMarkers(log.text()), StandardCharsets.UTF_8);
            return engine.run(new LintRequest(List.of(), dir, config.withQueryLogs(List.of(file.toString()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }

    /**
     * True when a case is written in a migration tool's layout that pairs ups with downs or puts
     * several migrations in one file (a {@code .up.sql}/{@code .down.sql} file, a Flyway undo, dbmate
     * {@code -- migrate:up} or goose {@code -- +goose Up} sections, Liquibase formatted SQL): such a
     * case is read from disk by layout discovery, as the CLI reads a folder, so each down is paired
     * with its up. Other cases are one plain chain, each file a migration.
     */
    static boolean inToolLayout(List<SourceFile> sources) {
        return sources.stream().allMatch(f -> f.path() != null) && sources.stream().anyMatch(f -> {
            String name = f.path().getFileName().toString();
            return name.endsWith(".down.sql") || name.endsWith(".up.sql") || name.matches("U[0-9._]+__.*\\.sql")
                    || f.text().contains("-- migrate:up")
                    || f.text().contains("-- +goose Up") || f.text().startsWith("--liquibase formatted sql");
        });
    }

    /** The case's folder, or its one file when the case is a single file. */
    private static Path caseLocation(Path root, List<SourceFile> sources) {
        Path first = sources.get(0).path();
        return root.relativize(first).getNameCount() == 2 ? first : first.getParent();
    }

    public Path root() {
        return root;
    }

    /** One dynamic test per case, named {@code rule-id/case}. */
    public Stream<DynamicTest> tests() {
        return discover().stream().map(c -> DynamicTest.dynamicTest(c.id(), c.path().toUri(), () -> verify(c)));
    }

    public void verify(FixtureCase fixture) {
        CaseOutcome outcome = run(fixture);
        if (!outcome.passed()) {
            throw new AssertionFailedError(outcome.describe());
        }
    }

    /** Every case under the root, by rule id and then natural case order. */
    public List<FixtureCase> discover() {
        List<FixtureCase> cases = new ArrayList<>();
        for (Path ruleDir : list(root)) {
            if (!Files.isDirectory(ruleDir)) {
                continue;
            }
            String ruleId = ruleDir.getFileName().toString();
            for (Path entry : list(ruleDir)) {
                String fileName = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    List<Path> sql = list(entry).stream().filter(FixtureRunner::isCaseFile).toList();
                    cases.add(new FixtureCase(ruleId, fileName, entry, sql.stream().map(this::read).toList(), null));
                } else if (isCaseFile(entry)) {
                    String name = fileName.substring(0, fileName.lastIndexOf('.'));
                    Path fixed = entry.resolveSibling(name + FIXED_SUFFIX);
                    cases.add(new FixtureCase(ruleId, name, entry, List.of(read(entry)),
                            Files.exists(fixed) ? fixed : null));
                } else if (fileName.endsWith(FIXED_SUFFIX) && !Files.exists(entry.resolveSibling(
                        fileName.substring(0, fileName.length() - FIXED_SUFFIX.length()) + ".sql"))) {
                    throw new IllegalStateException(entry + " has no case file it is the fixed form of");
                }
            }
        }
        return cases;
    }

    public CaseOutcome run(FixtureCase fixture) {
        Report report = linter.apply(fixture.sources(), config(fixture));
        Set<String> comparedRules = fixture.comparedRules();
        List<Finding> compared = report.activeFindings().stream()
                .filter(f -> comparedRules.contains(f.ruleId())).toList();
        List<Finding> unmatched = new ArrayList<>(compared);
        List<Expectation> missing = new ArrayList<>();
        // Markers with a fragment pick their finding first, so a bare marker on the same line cannot
        // take the finding the specific one needs.
        List<Expectation> ordered = fixture.expectations().stream()
                .sorted(Comparator.comparing(e -> !e.specific())).toList();
        for (Expectation e : ordered) {
            Finding hit = unmatched.stream()
                    .filter(f -> e.matches(f.location().file().displayPath(), CaseOutcome.line(f), f.ruleId(), f.message(),
                            f.help()))
                    .findFirst().orElse(null);
            if (hit == null) {
                missing.add(e);
            } else {
                unmatched.remove(hit);
            }
        }
        List<String> fixProblems = fixture.fixed() == null ? List.of() : checkFix(fixture, compared);
        List<String> ruleFailures = report.problems().stream().filter(InputProblem::internal)
                .map(p -> p.location().file().displayPath() + ": " + p.message()).toList();
        return new CaseOutcome(fixture, missing, unmatched, compared, fixProblems, ruleFailures);
    }

    /**
     * Applies the fixes of the rule under test, compares the result without the case's markers with
     * {@code <case>.fixed.sql}, and lints the result again: a fix that leaves the finding behind fixes
     * nothing.
     */
    private List<String> checkFix(FixtureCase fixture, List<Finding> compared) {
        List<Finding> ruleFindings = compared.stream().filter(f -> f.ruleId().equals(fixture.ruleId())).toList();
        if (ruleFindings.stream().noneMatch(f -> f.fix() != null)) {
            return List.of("the case has a " + FIXED_SUFFIX + " file but " + fixture.ruleId() + " offered no fix");
        }
        SourceFile source = fixture.sources().get(0);
        String fixedText;
        String expected;
        try {
            fixedText = ExpectationParser.withoutMarkers(FixApplier.apply(source.text(), ruleFindings));
            expected = Files.readString(fixture.fixed(), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        String fixedName = fixture.fixed().getFileName().toString();
        ExpectationParser.expectations(SourceFile.of(fixedName, expected)).forEach(e -> problems.add(e.file() + ":"
                + e.line() + " has a marker (" + e.ruleId() + "); a fixed file lints clean of the rule, so it holds "
                + "no markers: the runner compares it with the fixed case without the case's markers"));
        if (!fixedText.equals(expected)) {
            problems.add("applying the fixes (markers taken out) gives\n" + fixedText + "\n  but " + fixedName
                    + " holds\n" + expected);
        }
        SourceFile relinted = new SourceFile(source.path(), source.displayPath(), fixedText);
        linter.apply(List.of(relinted), config(fixture)).activeFindings().stream()
                .filter(f -> f.ruleId().equals(fixture.ruleId()) || f.ruleId().equals(PARSE_ERROR))
                .forEach(f -> problems.add("after the fix: " + CaseOutcome.describe(f)));
        return problems;
    }

    /** The run configuration for a case: its run options, the rule under test and marker rules on. */
    public static Config config(FixtureCase fixture) {
        Map<String, String> options = fixture.options();
        Dialect dialect = Dialect.POSTGRESQL;
        if (options.containsKey("dialect")) {
            dialect = Dialect.parse(options.get("dialect"));
            if (dialect == null) {
                throw new IllegalArgumentException(fixture.id() + ": unknown dialect " + options.get("dialect"));
            }
        }
        int targetVersion = options.containsKey("target-version")
                ? Integer.parseInt(options.get("target-version")) : Config.DEFAULT_TARGET_VERSION;
        boolean inTransaction = Boolean.parseBoolean(options.getOrDefault("assume-in-transaction", "false"));
        Map<String, JsonNode> ruleOptions = new HashMap<>();
        options.forEach((k, v) -> ruleOptions.put(k, TextNode.valueOf(v)));
        ruleOptions.keySet().removeAll(RUN_KEYS);
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        fixture.comparedRules().forEach(id -> rules.put(id, new RuleSetting(true, null, Map.of())));
        rules.put(fixture.ruleId(), new RuleSetting(true, null, ruleOptions));
        return new Config(dialect, targetVersion, List.of(), List.of(), List.of(), Map.of(), false, inTransaction,
                FailOn.NEVER, null, rules, null);
    }

    private FixtureFile read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String display = root.relativize(file).toString().replace('\\', '/');
            return ExpectationParser.parse(new SourceFile(file, display, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCaseFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p)
                && ((n.endsWith(".sql") || n.endsWith(".xml")) && !n.endsWith(FIXED_SUFFIX) || n.endsWith(LOG_SUFFIX));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
