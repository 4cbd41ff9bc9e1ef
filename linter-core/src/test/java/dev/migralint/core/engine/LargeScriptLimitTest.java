package dev.migralint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** rules' LargeScriptTest pads its file to 3 M characters to take the large-script path. */
class LargeScriptLimitTest {
    @Test
    void theRulesLargeScriptTestStaysOverTheLimit() {
        assertThat(ScriptLinter.LARGE_SCRIPT_CHARS).isLessThan(3 << 20);
    }
}
