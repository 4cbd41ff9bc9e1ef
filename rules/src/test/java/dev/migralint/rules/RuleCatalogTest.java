package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.rules.docs.RuleDocGenerator;
import dev.migralint.testing.FixtureCase;
import dev.migralint.testing.FixtureRunner;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What every rule must have besides its logic: identity, registration, prose, fixtures, a page. */
class RuleCatalogTest {
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern HEADING = Pattern.compile("^(#+)\\s*(.*)$", Pattern.MULTILINE);

    private final List<Rule> rules = RuleRegistry.load().all();
    private final Map<String, List<FixtureCase>> fixtures = new FixtureRunner(RulePaths.fixtures(), (f, c) -> null)
            .discover().stream().collect(Collectors.groupingBy(FixtureCase::ruleId));

    @TestFactory
    Stream<DynamicTest> everyRule() {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.meta().id(), () -> {
            checkIdentity(rule);
            checkSidecar(rule);
            checkFixtures(rule.meta().id());
            assertThat(RulePaths.docs().resolve(rule.meta().id() + ".md")).as("generated page").exists();
        }));
    }

    private static void checkIdentity(Rule rule) {
        RuleMeta m = rule.meta();
        Class<?> type = rule.getClass();
        assertThat(type.getSimpleName()).as("class name of %s", m.id()).isEqualTo(pascalCase(m.id()));
        boolean builtIn = RuleRegistry.builtIn().stream().anyMatch(r -> r.getClass() == type);
        assertThat(type.getPackageName()).as("package of %s", m.id())
                .isEqualTo(builtIn ? "dev.migralint.core.rule" : "dev.migralint.rules." + m.category().id().replace("-", ""));
        assertThat(type.getAnnotation(RuleInfo.class)).as("@RuleInfo on %s", type.getSimpleName()).isNotNull();
        assertThat(m.summary()).as("summary of %s", m.id()).isNotBlank().doesNotEndWith(".");
        assertThat(Character.isUpperCase(m.summary().charAt(0))).as("summary of %s starts a sentence", m.id()).isTrue();
        assertThat(m.since()).as("since of %s", m.id()).matches(SEMVER);
        assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
        assertThat(Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())))
                .as("%s is stateless: no instance fields", type.getSimpleName()).isEmpty();
    }

    private static void checkSidecar(Rule rule) {
        String sidecar = RuleDocGenerator.sidecar(rule);
        assertThat(sidecar).as("side-car %s.md next to %s", rule.meta().id(), rule.getClass().getName()).isNotNull();
        List<String> headings = new ArrayList<>();
        Matcher m = HEADING.matcher(sidecar);
        while (m.find()) {
            if (!isInCodeBlock(sidecar, m.start())) {
                headings.add(m.group(1) + " " + m.group(2).strip());
            }
        }
        assertThat(headings).as("headings of %s.md", rule.meta().id()).containsExactly("## Problem", "## Solution");
        String[] sections = sidecar.split("(?m)^## (Problem|Solution)\\s*$");
        assertThat(sections).hasSize(3);
        assertThat(sections[0]).as("text before ## Problem").isBlank();
        assertThat(sections[1]).as("Problem section").isNotBlank();
        assertThat(sections[2]).as("Solution section").isNotBlank();
    }

    private static boolean isInCodeBlock(String text, int offset) {
        int fences = 0;
        for (int i = text.indexOf("```"); i >= 0 && i < offset; i = text.indexOf("```", i + 3)) {
            fences++;
        }
        return fences % 2 == 1;
    }

    private void checkFixtures(String id) {
        List<FixtureCase> cases = fixtures.getOrDefault(id, List.of());
        assertThat(cases).as("fixtures of %s", id).isNotEmpty();
        assertThat(cases).as("%s has a case with markers", id).anyMatch(FixtureCase::hasMarkers);
        assertThat(cases).as("%s has a clean case", id).anyMatch(c -> !c.hasMarkers());
        FixtureCase bad = find(cases, "example-bad");
        FixtureCase good = find(cases, "example-good");
        assertThat(bad).as("%s/example-bad.sql", id).isNotNull();
        assertThat(good).as("%s/example-good.sql", id).isNotNull();
        assertThat(bad.expectations()).as("%s/example-bad.sql expects the rule", id)
                .anyMatch(e -> e.ruleId().equals(id));
        assertThat(good.hasMarkers()).as("%s/example-good.sql is clean", id).isFalse();
    }

    private static FixtureCase find(List<FixtureCase> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void everyFixtureFolderBelongsToARule() {
        Set<String> ids = rules.stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        assertThat(fixtures.keySet()).as("fixture folders without a registered rule").isSubsetOf(ids);
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = new ArrayList<>();
        RuleRegistry.builtIn().forEach(r -> ids.add(r.meta().id()));
        ServiceLoader.load(Rule.class).forEach(r -> ids.add(r.meta().id()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(rules.size());
    }

    @Test
    void everyRuleClassIsRegistered() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(dev.migralint.rules.docs.RuleDocs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> registered = rules.stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
        List<String> ruleClasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/migralint/rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.')
                        .replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                    ruleClasses.add(name);
                }
            }
        }
        assertThat(ruleClasses).as("rule classes in the jar").isNotEmpty();
        assertThat(registered).as("rule classes listed in META-INF/services/dev.migralint.core.rule.Rule")
                .containsAll(ruleClasses);
    }

    @Test
    void noTestIsSkippedWithoutAReason() throws IOException {
        Path tests = Path.of("src/test/java");
        assumeTrue(Files.isDirectory(tests), "test sources not found at " + tests.toAbsolutePath()
                + ": run from the rules module directory");
        Pattern bareDisabled = Pattern.compile("@Disabled(?!\\(\")");
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("RuleCatalogTest.java")) {
                    continue;
                }
                assertThat(bareDisabled.matcher(text).find()).as("%s has @Disabled without a reason", f).isFalse();
            }
        }
    }

    static String pascalCase(String id) {
        return Arrays.stream(id.split("-")).map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .collect(Collectors.joining());
    }
}
