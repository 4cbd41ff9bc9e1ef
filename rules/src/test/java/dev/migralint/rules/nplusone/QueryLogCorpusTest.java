package dev.migralint.rules.nplusone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * n-plus-one-log on the logs captured from real PostgreSQL 15 and MariaDB servers in
 * {@code corpus/querylogs}, scored against the key its README describes: every expected group must
 * be found (at the first child's line, with the parent's line related and its count), every decoy
 * must stay unreported, and nothing else may be reported. Prints recall and precision per file, the
 * figures docs/n-plus-one.md records. Skips visibly without the corpus.
 */
@Tag("slow")
class QueryLogCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"))
            .toAbsolutePath().normalize();
    private static final Path LOGS = CORPUS.resolve("querylogs");

    /** A finding as the key identifies groups: parent line, first child line, count. */
    private record Group(long parent, long firstChild, long count) {
    }

    @Test
    void everyExpectedGroupFoundAndNoDecoyReported() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(LOGS.resolve("expected.json")),
                "corpus query logs not found at " + LOGS + ": skipping");
        JsonNode files = new ObjectMapper().readTree(LOGS.resolve("expected.json").toFile()).get("files");
        LintEngine engine = new LintEngine(RuleRegistry.load(getClass().getClassLoader()));
        List<String> failures = new ArrayList<>();
        int expectedTotal = 0;
        int foundTotal = 0;
        int reportedTotal = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            Path log = LOGS.resolve(file.getKey());
            Report report = engine.run(new LintRequest(List.of(), LOGS,
                    Config.defaults().withQueryLogs(List.of(log.toString()))));
            assertThat(report.problems()).as(file.getKey()).isEmpty();
            Set<Group> reported = new HashSet<>();
            for (Finding f : report.findings()) {
                if (f.ruleId().equals("n-plus-one-log")) {
                    reported.add(new Group(f.related().get(0).location().file().position(
                            f.related().get(0).location().startOffset()).line(),
                            f.location().file().position(f.location().startOffset()).line(),
                            ((Number) f.properties().get("count")).longValue()));
                }
            }
            Set<Group> expected = new HashSet<>();
            for (JsonNode g : file.getValue().get("groups")) {
                expected.add(new Group(g.get("parent_line").asLong(), g.get("child_first_line").asLong(),
                        g.get("count").asLong()));
            }
            Set<Long> decoyLines = new HashSet<>();
            for (JsonNode d : file.getValue().get("decoys")) {
                d.get("lines").forEach(l -> decoyLines.add(l.asLong()));
            }
            int found = 0;
            for (Group g : expected) {
                if (reported.contains(g)) {
                    found++;
                } else {
                    failures.add(file.getKey() + ": missed group " + g);
                }
            }
            for (Group r : reported) {
                if (!expected.contains(r)) {
                    failures.add(file.getKey() + ": reported " + r
                            + (decoyLines.contains(r.firstChild()) ? " (a decoy)" : " (not in the key)"));
                }
            }
            int correct = (int) reported.stream().filter(expected::contains).count();
            System.out.printf("n-plus-one-log %-28s groups %2d, found %2d (recall %5.1f %%), reported %2d"
                            + " (precision %5.1f %%)%n", file.getKey(), expected.size(), found,
                    100.0 * found / expected.size(), reported.size(),
                    reported.isEmpty() ? 100.0 : 100.0 * correct / reported.size());
            expectedTotal += expected.size();
            foundTotal += found;
            reportedTotal += reported.size();
        }
        System.out.printf("n-plus-one-log all logs: %d groups, %d found, %d reported%n", expectedTotal, foundTotal,
                reportedTotal);
        assertThat(failures).isEmpty();
    }
}
