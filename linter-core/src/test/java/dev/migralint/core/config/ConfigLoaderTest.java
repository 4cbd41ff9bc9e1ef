package dev.migralint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleOption;
import dev.migralint.core.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path FILE = Path.of(".migralint.yaml");

    @Test
    void readsEveryDocumentedKey() {
        Config c = ConfigLoader.parse(FILE, """
                dialect: mysql
                target-version: 8
                migrations: [db/migration, {path: db/x, layout: flyway}]
                queries: [src/main/resources/sql]
                query-logs: [target/sql.log]
                placeholders: {schema: public}
                assume-in-transaction: true
                fail-on: error
                baseline: .migralint-baseline.json
                rules:
                  prefer-text: off
                  ban-char: error
                  too-many-indexes: {severity: info, max: 12}
                """);
        assertThat(c.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(c.targetVersion()).isEqualTo(8);
        assertThat(c.migrations()).containsExactly("db/migration", "db/x");
        assertThat(c.migrationLayouts()).containsExactly(java.util.Map.entry("db/x", Layout.FLYWAY));
        assertThat(c.placeholders()).containsEntry("schema", "public");
        assertThat(c.assumeInTransaction()).isTrue();
        assertThat(c.failOn()).isEqualTo(FailOn.ERROR);
        assertThat(c.rule("prefer-text").enabled()).isFalse();
        assertThat(c.rule("ban-char").severity()).isEqualTo(Severity.ERROR);
        assertThat(c.rule("too-many-indexes").severity()).isEqualTo(Severity.INFO);
        assertThat(c.rule("too-many-indexes").options()).containsEntry("max", "12");
        assertThat(c.rule("unset").enabled()).isNull();
    }

    @Test
    void anUnknownLayoutNamesTheLayoutsThereAre() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "dialect: postgresql\nmigrations:\n  - {path: db/x, layout: rails}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".migralint.yaml:2:")
                .hasMessageContaining("unknown layout 'rails' for db/x")
                .hasMessageContaining("golang-migrate");
    }

    @Test
    void layoutsAreKeptPerPathAndOptional() {
        Config c = ConfigLoader.parse(FILE, """
                migrations:
                  - db/auto
                  - path: db/up-down
                    layout: golang_migrate
                """);
        assertThat(c.migrations()).containsExactly("db/auto", "db/up-down");
        assertThat(c.migrationLayouts()).containsExactly(java.util.Map.entry("db/up-down", Layout.GOLANG_MIGRATE));
        assertThat(c.withDialect(Dialect.MYSQL).migrationLayouts()).isEqualTo(c.migrationLayouts());
        assertThat(Config.defaults().migrationLayouts()).isEmpty();
    }

    @Test
    void anUnknownKeyNamesTheFileLineAndKey() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "dialect: postgresql\nfail_on: error\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".migralint.yaml:2:")
                .hasMessageContaining("unknown key 'fail_on'")
                .hasMessageContaining("fail-on");
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "dialect: oracle\n"))
                .isInstanceOf(ConfigException.class).hasMessage(
                        ".migralint.yaml:1:1: unknown dialect 'oracle' (use postgresql, mysql or generic)");
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "rules:\n  ban-char: loud\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(":2:3: rule ban-char: 'loud'");
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "target-version: [1\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(".migralint.yaml:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anEmptyFileGivesDefaults() {
        Config c = ConfigLoader.parse(FILE, "# nothing\n");
        assertThat(c.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(c.failOn()).isEqualTo(FailOn.WARNING);
        assertThat(c.source()).isEqualTo(FILE);
    }

    @Test
    void validatesRuleIdsAndOptionsAgainstTheRegistry(@TempDir Path dir) throws Exception {
        Rule rule = () -> RuleMeta.of("too-many-indexes", Category.INDEXING, Severity.INFO, "Too many")
                .withOptions(new RuleOption("max", "8", "most indexes"));
        RuleRegistry registry = new RuleRegistry(List.of(rule));
        Path file = dir.resolve(".migralint.yaml");
        Files.writeString(file, "rules:\n  too-many-indexes: {max: 3}\n");
        ConfigLoader.validateRules(ConfigLoader.load(file), registry);

        Files.writeString(file, "rules:\n  too-many-indexes: {maximum: 3}\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), registry))
                .hasMessageContaining("unknown option 'maximum' for rule too-many-indexes (known: max)");

        Files.writeString(file, "# header\nrules:\n  no-such-rule: off\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), registry))
                .hasMessage(file + ":3:3: unknown rule 'no-such-rule' under rules (run `migralint rules` for the list)");
    }

    @Test
    void findsTheNearestConfigWalkingUp(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve(".migralint.yaml"), "");
        assertThat(ConfigLoader.find(nested)).contains(dir.resolve(".migralint.yaml").toAbsolutePath().normalize());
    }
}
