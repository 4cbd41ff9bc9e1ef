package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.config.Config;
import dev.migralint.core.config.ConfigLoader;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the peers' rule cases (squawk, Eugene, Atlas; see {@link PeerCases}) through the real engine
 * and registry, maps their rule ids to ours ({@code conformance/peer-rule-map.tsv}) and writes
 * {@code docs/conformance.md}: per peer rule the cases, agreements, disagreements and cases whose rule
 * is not implemented yet, and every disagreement with our reason ({@code conformance/conformance-reasons.tsv}).
 * Fails when agreement falls below the figure the doc records, when the doc is stale, or when a peer
 * rule has no row in the map. {@code -Dmigralint.updateDocs=true} rewrites the doc.
 */
@Tag("slow")
class PeerConformanceTest {
    /** The test is tagged slow, so it runs in surefire's slow-tests execution. */
    static final String REGENERATE = "regenerate with: mvn -B -o test-compile surefire:test@slow-tests -pl cli -am"
            + " -Dtest=PeerConformanceTest -Dsurefire.failIfNoSpecifiedTests=false -Dmigralint.updateDocs=true";
    /** The figures the doc records: overall and per peer, each "**name: agree of cases". */
    private static final Pattern AGREEMENT = Pattern.compile("\\*\\*(Agreement|squawk|eugene|atlas): (\\d+) of (\\d+)");

    record Mapping(List<String> ours, String reason) {
    }

    /** APART: a disagreement whose reason is of a kind counted apart ({@link Reason#countedApart}). */
    enum Outcome { AGREE, DISAGREE, APART, NOT_IMPLEMENTED, NO_COUNTERPART }

    /**
     * Why we differ on a case. Kinds: {@code improvement} (we differ on purpose on what both rules check;
     * counted as a disagreement), {@code scope} (the case turns on something outside the overlap of the
     * two rules: the peer checks what our rule leaves out by design, or our rule reports a different
     * problem the peer's rule does not look at) and {@code not-a-case} (input PostgreSQL rejects, a
     * template, or the peer's own directive). The last two are counted apart.
     */
    record Reason(String kind, String text) {
        static final List<String> KINDS = List.of("improvement", "scope", "not-a-case");

        boolean countedApart() {
            return !kind.equals("improvement");
        }
    }

    record Result(PeerCases.Case c, Outcome outcome, boolean weFire, String note) {
    }

    @Test
    void agreesWithThePeersAtLeastAsOftenAsRecorded(@TempDir Path tmp) throws IOException {
        Path repo = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        Path peers = repo.resolve("../shared/corpus/peer-fixtures").normalize();
        Assumptions.assumeTrue(Files.isDirectory(peers.resolve("sbdchd_squawk")),
                () -> "SKIPPED: peer fixtures not found at " + peers + "; peer conformance was not checked");
        Map<String, Mapping> map = map();
        Map<String, Reason> reasons = reasons();
        RuleRegistry registry = RuleRegistry.load(PeerConformanceTest.class.getClassLoader());
        LintEngine engine = new LintEngine(registry);

        List<PeerCases.Case> cases = PeerCases.all(peers);
        Set<String> unmapped = new TreeSet<>();
        List<Result> results = new ArrayList<>();
        int n = 0;
        for (PeerCases.Case c : cases) {
            Mapping m = map.get(c.peer() + "\t" + c.peerRule());
            if (m == null) {
                unmapped.add(c.peer() + " " + c.peerRule());
                continue;
            }
            Result r = run(engine, registry, c, m, tmp.resolve("case" + n++));
            Reason why = reasons.get(c.id());
            results.add(r.outcome() == Outcome.DISAGREE && why != null && why.countedApart()
                    ? new Result(c, Outcome.APART, r.weFire(), r.note()) : r);
        }
        assertThat(unmapped).as("peer rules without a row in peer-rule-map.tsv").isEmpty();
        Set<String> differing = results.stream().filter(r -> r.outcome() == Outcome.DISAGREE
                || r.outcome() == Outcome.APART).map(r -> r.c().id()).collect(Collectors.toSet());
        assertThat(reasons.keySet()).as("reasons for cases that agree now: delete their rows in conformance-reasons.tsv")
                .isSubsetOf(differing);

        String doc = ConformanceDoc.render(results, map, reasons, registry);
        Path file = repo.resolve("docs/conformance.md");
        long agree = results.stream().filter(r -> r.outcome() == Outcome.AGREE).count();
        long implemented = agree + results.stream().filter(r -> r.outcome() == Outcome.DISAGREE).count();
        System.out.printf("peer conformance: %d of %d implemented mapped cases agree%n", agree, implemented);
        if (Boolean.getBoolean(RuleDocsTestSupport.UPDATE_PROPERTY)) {
            Files.writeString(file, doc, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("%s is missing; %s", file, REGENERATE).exists();
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        Matcher recorded = AGREEMENT.matcher(committed);
        while (recorded.find()) {
            String peer = recorded.group(1);
            List<Result> of = peer.equals("Agreement") ? results
                    : results.stream().filter(r -> r.c().peer().equals(peer)).toList();
            long ag = of.stream().filter(r -> r.outcome() == Outcome.AGREE).count();
            long total = ag + of.stream().filter(r -> r.outcome() == Outcome.DISAGREE).count();
            long a = Long.parseLong(recorded.group(2));
            long t = Long.parseLong(recorded.group(3));
            assertThat(ag * t).as("%s: agreement %d of %d fell below the recorded %d of %d (see docs/conformance.md)",
                    peer, ag, total, a, t).isGreaterThanOrEqualTo(a * total);
        }
        assertThat(committed).as("docs/conformance.md is stale; %s", REGENERATE).isEqualTo(doc);
    }

    private static Result run(LintEngine engine, RuleRegistry registry, PeerCases.Case c, Mapping m, Path dir)
            throws IOException {
        if (m.ours().isEmpty()) {
            return new Result(c, Outcome.NO_COUNTERPART, false, "");
        }
        List<String> registered = m.ours().stream().filter(registry::contains).toList();
        if (registered.isEmpty()) {
            return new Result(c, Outcome.NOT_IMPLEMENTED, false, "");
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        StringBuilder yaml = new StringBuilder(c.config()).append("rules:\n");
        registered.forEach(id -> yaml.append("  ").append(id).append(": on\n"));
        Config config = ConfigLoader.parse(dir.resolveSibling(dir.getFileName() + ".yaml"), yaml.toString());
        Report report;
        try {
            report = engine.run(new LintRequest(List.of(dir), dir, config));
        } catch (RuntimeException e) {
            return new Result(c, Outcome.DISAGREE, false, "migralint failed: " + e.getMessage());
        }
        // a rule that threw is reported, not raised: it counts as the same failure
        Optional<InputProblem> failed = report.problems().stream().filter(InputProblem::internal).findFirst();
        if (failed.isPresent()) {
            return new Result(c, Outcome.DISAGREE, false, "migralint failed: " + failed.get().message());
        }
        boolean fires = false;
        String note = "";
        for (Finding f : report.findings()) {
            boolean inFocus = c.focus() == null || c.focus().contains(f.location().file().displayPath());
            if (inFocus && !f.suppressed() && registered.contains(f.ruleId())) {
                fires = true;
            }
            if (inFocus && f.ruleId().equals("parse-error") && note.isEmpty()) {
                note = "we could not parse " + f.location().file().displayPath() + " line "
                        + f.location().file().position(f.location().startOffset()).line() + ": " + f.message();
            }
        }
        return new Result(c, fires == c.expectFires() ? Outcome.AGREE : Outcome.DISAGREE, fires, note);
    }

    static Map<String, Mapping> map() throws IOException {
        Map<String, Mapping> map = new LinkedHashMap<>();
        for (String[] row : resource("conformance/peer-rule-map.tsv")) {
            List<String> ours = row[2].equals("-") ? List.of() : Arrays.asList(row[2].split("\\|"));
            map.put(row[0] + "\t" + row[1], new Mapping(ours, row.length > 3 ? row[3] : ""));
        }
        return map;
    }

    static Map<String, Reason> reasons() throws IOException {
        Map<String, Reason> reasons = new TreeMap<>();
        for (String[] row : resource("conformance/conformance-reasons.tsv")) {
            assertThat(row).as("conformance-reasons.tsv row %s: case, kind, reason", row[0]).hasSize(3);
            assertThat(Reason.KINDS).as("kind of %s", row[0]).contains(row[1]);
            assertThat(reasons.put(row[0], new Reason(row[1], row[2]))).as("second row for %s", row[0]).isNull();
        }
        return reasons;
    }

    private static List<String[]> resource(String name) throws IOException {
        try (InputStream in = PeerConformanceTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

    /** Kept here so the test does not depend on the rules module's test classes. */
    static final class RuleDocsTestSupport {
        static final String UPDATE_PROPERTY = "migralint.updateDocs";

        private RuleDocsTestSupport() {
        }
    }

    static String lower(Outcome o) {
        return o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static <T> Map<String, List<T>> group(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }
}
