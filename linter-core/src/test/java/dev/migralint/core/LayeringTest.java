package dev.migralint.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The core's packages are stages of one pipeline, layered bottom-up in {@link #LAYERS}: a package may
 * use its own layer and those below it, never one above. A new package must be placed here, or the
 * completeness test fails.
 */
class LayeringTest {
    /** Bottom first. Packages on one line are one layer and must not depend on each other either. */
    static final List<List<String>> LAYERS = List.of(
            List.of("source"),          // text, offsets, line index
            List.of("diag"),            // findings and locations
            List.of("input"),           // reading files and folders
            List.of("lex"),             // tokens and the token cursor
            List.of("querylog"),        // query-log readers and statement fingerprints
            List.of("split"),           // statements
            List.of("change"),          // the token grammar: statement -> SchemaChange
            List.of("parse"),           // JSqlParser for queries and DML
            List.of("schema"),          // replay into the immutable schema
            List.of("analysis"),        // facts several rules share
            List.of("query"),           // queries validated against the schema (Apache Calcite)
            List.of("migration"),       // layouts, ordering, up/down pairs
            List.of("queryfile"),       // query files: where application queries are read from
            List.of("rule"),            // the rule API
            List.of("config"),          // .migralint.yaml, bound against the rules
            List.of("engine"),          // runs everything
            List.of("report", "baseline", "vcs", "cache"));

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migralint.core");
    }

    @TestFactory
    List<DynamicTest> noLayerUsesALayerAboveIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> forbidden = new ArrayList<>();
            for (int j = i + 1; j < LAYERS.size(); j++) {
                LAYERS.get(j).forEach(p -> forbidden.add(pkg(p)));
            }
            for (String p : LAYERS.get(i)) {
                List<String> banned = new ArrayList<>(forbidden);
                LAYERS.get(i).stream().filter(q -> !q.equals(p)).forEach(q -> banned.add(pkg(q)));
                if (banned.isEmpty()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(p, () -> noClasses().that().resideInAPackage(pkg(p))
                        .should().dependOnClassesThat().resideInAnyPackage(banned.toArray(String[]::new))
                        .check(core)));
            }
        }
        return tests;
    }

    @Test
    void rootPackageDependsOnNoStage() {
        noClasses().that().resideInAPackage("dev.migralint.core")
                .should().dependOnClassesThat().resideInAPackage("dev.migralint.core.(*)..")
                .check(core);
    }

    @Test
    void everyPackageHasALayer() {
        List<String> placed = LAYERS.stream().flatMap(List::stream).toList();
        List<String> unplaced = core.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith("dev.migralint.core."))
                .map(p -> p.substring("dev.migralint.core.".length()).split("\\.")[0])
                .distinct()
                .filter(p -> !placed.contains(p))
                .toList();
        org.assertj.core.api.Assertions.assertThat(unplaced).as("packages missing from LAYERS").isEmpty();
    }

    @Test
    void noCycles() {
        slices().matching("dev.migralint.core.(*)..").should().beFreeOfCycles().check(core);
    }

    private static String pkg(String name) {
        return "dev.migralint.core." + name + "..";
    }
}
