package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTextTest {
    @Test
    void findsANeedleInAnyCase() {
        assertThat(ScriptText.containsIgnoreCase("-- +GOOSE Up\nSELECT 1;", "+goose")).isTrue();
        assertThat(ScriptText.containsIgnoreCase("x -- Migrate:Up", "migrate:up")).isTrue();
        assertThat(ScriptText.containsIgnoreCase("-- migrate:u", "migrate:up")).isFalse();
        assertThat(ScriptText.containsIgnoreCase("", "+goose")).isFalse();
    }
}
