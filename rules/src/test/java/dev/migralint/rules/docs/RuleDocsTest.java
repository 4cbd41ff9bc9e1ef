package dev.migralint.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.rules.RulePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed pages under docs/rules/ must be what the generator makes of the current metadata,
 * side-cars and examples. {@code -Dmigralint.updateDocs=true} rewrites them instead.
 */
class RuleDocsTest {
    static final String UPDATE_PROPERTY = "migralint.updateDocs";
    static final String REGENERATE = "regenerate with: mvn -B -pl rules -am test -Dtest=RuleDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true (then review and commit the diff)";

    private static final Path DOCS = RulePaths.docs();
    private static final Path FIXTURES = RulePaths.fixtures();

    private final RuleDocGenerator generator = new RuleDocGenerator(FIXTURES);
    private final List<Rule> rules = RuleRegistry.load().all();

    @TestFactory
    Stream<DynamicTest> everyRulePageIsFresh() {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.meta().id(),
                () -> check(DOCS.resolve(rule.meta().id() + ".md"), generator.page(rule))));
    }

    @Test
    void theRuleIndexIsFresh() throws IOException {
        check(DOCS.resolve("README.md"), generator.index(rules));
    }

    @Test
    void theJarBundlesTheCommittedPages() throws IOException {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            return; // the bundled copies catch up on the next build
        }
        for (Rule rule : rules) {
            String committed = Files.readString(DOCS.resolve(rule.meta().id() + ".md"), StandardCharsets.UTF_8);
            assertThat(RuleDocs.page(rule.meta().id())).as("bundled page of %s", rule.meta().id()).contains(committed);
        }
        assertThat(RuleDocs.index()).contains(Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(RuleDocs.page("no-such-rule")).isEmpty();
        assertThat(RuleDocs.page("../pom")).isEmpty();
    }

    @Test
    void examplesLoseTheirMarkersAndOptionsLine() throws IOException {
        Path dir = Files.createTempDirectory("docs");
        Files.createDirectories(dir.resolve("r"));
        Files.writeString(dir.resolve("r/example-bad.sql"),
                "-- options: dialect=mysql\r\nDELETE FROM t; -- expect: missing-where \"x\"\r\n-- keep me\r\n");
        assertThat(new RuleDocGenerator(dir).example("r", "example-bad.sql")).isEqualTo("DELETE FROM t;\n-- keep me\n");
    }

    private static void check(Path page, String generated) throws IOException {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(page).as("%s is missing; %s", page, REGENERATE).exists();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).as("%s is stale; %s", page, REGENERATE)
                .isEqualTo(generated);
    }
}
