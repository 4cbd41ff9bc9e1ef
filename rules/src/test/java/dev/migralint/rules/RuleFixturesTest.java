package dev.migralint.rules;

import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.testing.FixtureRunner;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every fixture of every rule, linted with the real engine and compared with its markers. */
class RuleFixturesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureRunner.withEngine(RulePaths.fixtures(), RuleRegistry.load()).tests();
    }
}
