package dev.migralint.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Rules read what core hands them: change rules read schema changes, query rules the JSqlParser AST
 * through their context. None lexes, splits or parses, and only query rules see JSqlParser.
 */
class ArchitectureTest {
    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migralint.rules");

    @Test
    void rulesUseNoLexerOrSplitter() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.migralint.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.migralint.core.lex..",
                        "dev.migralint.core.split..")
                .because("a rule never parses: core hands rules changes, AST nodes and their ranges");
        rule.check(RULES);
    }

    @Test
    void rulesUseNoParserInternals() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.migralint.rules..")
                .should().dependOnClassesThat().resideInAPackage("dev.migralint.core.parse..")
                .because("query rules get the AST through QueryContext, change rules read SchemaChanges");
        rule.check(RULES);
    }

    @Test
    void onlyQueryRulesSeeJsqlparser() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.migralint.rules..")
                .and().resideOutsideOfPackage("dev.migralint.rules.query..")
                // n-plus-one holds query rules too (correlated-subquery-in-select reads the select list)
                .and().resideOutsideOfPackage("dev.migralint.rules.nplusone..")
                .should().dependOnClassesThat().resideInAPackage("net.sf.jsqlparser..")
                .because("only query rules read the query AST; the others read SchemaChanges");
        rule.check(RULES);
    }

    @Test
    void noRuleSeesCalcite() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.migralint.rules..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.calcite..")
                .because("core validates queries with Calcite and hands rules the facts (QueryContext.queryFacts)");
        rule.check(RULES);
    }
}
