package dev.migralint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleOption;
import dev.migralint.core.rule.RuleOptions;
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
                log-line-prefix: '%m %l %p '
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
        assertThat(c.logLinePrefix()).isEqualTo("%m %l %p ");
        assertThat(c.assumeInTransaction()).isTrue();
        assertThat(c.failOn()).isEqualTo(FailOn.ERROR);
        assertThat(c.rule("prefer-text").enabled()).isFalse();
        assertThat(c.rule("ban-char").severity()).isEqualTo(Severity.ERROR);
        assertThat(c.rule("too-many-indexes").severity()).isEqualTo(Severity.INFO);
        assertThat(c.rule("too-many-indexes").options().get("max").intValue()).isEqualTo(12);
        assertThat(c.rule("unset").enabled()).isNull();
    }

    @Test
    void anUnknownLayoutNamesTheLayoutsThereAre() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "dialect: postgresql\nmigrations:\n  - {path: db/x, layout: rails}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".migralint.yaml:3:18:")
                .hasMessageContaining("unknown layout 'rails' for db/x")
                .hasMessageContaining("golang-migrate");
    }

    @Test
    void entriesMayGiveDialectAndOrder() {
        Config c = ConfigLoader.parse(FILE, """
                migrations:
                  - db/auto
                  - path: db/mysql-side
                    dialect: mariadb
                  - {path: cdm, order: [ddl, "*_keys.sql", constraints/**]}
                """);
        assertThat(c.migrations()).containsExactly("db/auto", "db/mysql-side", "cdm");
        assertThat(c.folders().get("db/mysql-side").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(c.folders().get("cdm").order()).containsExactly("ddl", "*_keys.sql", "constraints/**");
        assertThat(c.folders().get("db/auto")).isEqualTo(FolderSettings.NONE);
        assertThat(c.detectDialect()).isTrue();
        // --dialect forces one dialect on every folder, over what entries say
        Config forced = c.withDialect(Dialect.POSTGRESQL);
        assertThat(forced.detectDialect()).isFalse();
        assertThat(forced.folders().get("db/mysql-side").dialect()).isNull();
        assertThat(forced.folders().get("cdm").order()).containsExactly("ddl", "*_keys.sql", "constraints/**");
    }

    @Test
    void aTopLevelDialectTurnsDetectionOff() {
        assertThat(ConfigLoader.parse(FILE, "dialect: mysql\n").detectDialect()).isFalse();
        assertThat(ConfigLoader.parse(FILE, "fail-on: error\n").detectDialect()).isTrue();
        assertThat(ConfigLoader.parse(FILE, "").detectDialect()).isTrue();
        assertThat(Config.defaults().detectDialect()).isTrue();
    }

    @Test
    void anUnknownEntryDialectPointsAtItsKey() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, """
                migrations:
                  - path: db/a
                    dialect: postgresql
                  - path: db/b
                    dialect: oracle
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".migralint.yaml:5:5: unknown dialect 'oracle' for db/b (use postgresql, mysql or generic)");
    }

    @Test
    void anOrderIsForPlainFoldersOnly() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE,
                "migrations:\n  - {path: db/x, layout: flyway, order: [a.sql]}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".migralint.yaml:2:34: order applies to plain folders");
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "migrations:\n  - {path: db/x, order: [\"\"]}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".migralint.yaml:2:18: an order entry of db/x is empty");
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

    /** Options of a test rule: a bounded number and a list. */
    public record LimitOptions(
            @Option(value = "most indexes", defaultValue = "8") int max,
            @Option(value = "tables to skip", defaultValue = "a, b") List<String> skip) {
        public LimitOptions {
            if (max < 1) {
                throw new InvalidOptionException("max", "option max of rule too-many-indexes: " + max
                        + " is not a whole number of at least 1");
            }
            skip = List.copyOf(skip);
        }
    }

    private static final RuleRegistry LIMITED = new RuleRegistry(List.of(Rule.of(
            RuleMeta.of("too-many-indexes", Category.INDEXING, Severity.INFO, "Too many").withOptions(LimitOptions.class))));

    @Test
    void validatesRuleIdsAndOptionsAgainstTheRegistry(@TempDir Path dir) throws Exception {
        RuleRegistry registry = LIMITED;
        Path file = dir.resolve(".migralint.yaml");
        Files.writeString(file, "rules:\n  too-many-indexes: {max: 3}\n");
        ConfigLoader.validateRules(ConfigLoader.load(file), registry);

        Files.writeString(file, "rules:\n  too-many-indexes: {maximum: 3}\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), registry))
                .hasMessageContaining("unknown option 'maximum' for rule too-many-indexes (known: max, skip)");

        Files.writeString(file, "# header\nrules:\n  no-such-rule: off\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), registry))
                .hasMessage(file + ":3:3: unknown rule 'no-such-rule' under rules (run `migralint rules` for the list)");
    }

    @Test
    void aMistypedOptionStopsAtLoadWithFileLineOptionAndAllowedValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".migralint.yaml");
        Files.writeString(file, "rules:\n  # max: 3 would do\n  too-many-indexes:\n    severity: info\n    max: lots\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), LIMITED))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":5:5: option max of rule too-many-indexes: 'lots' is not a whole number (default: 8)");

        Files.writeString(file, "rules:\n  too-many-indexes: {max: 0}\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), LIMITED))
                .hasMessage(file + ":2:22: option max of rule too-many-indexes: 0 is not a whole number of at least 1");

        Files.writeString(file, "rules:\n  too-many-indexes: {max: 2.5}\n");
        assertThatThrownBy(() -> ConfigLoader.validateRules(ConfigLoader.load(file), LIMITED))
                .hasMessageEndingWith("option max of rule too-many-indexes: 2.5 is not a whole number (default: 8)");
    }

    @Test
    void optionsBindToTheRuleRecordWithDefaultsListsAndText() {
        RuleMeta meta = LIMITED.find("too-many-indexes").orElseThrow().meta();
        assertThat(RuleOptions.defaults(meta)).isEqualTo(new LimitOptions(8, List.of("a", "b")));
        var yamlList = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add("x").add("y");
        assertThat(RuleOptions.bind(meta, java.util.Map.of("max", TextNode.valueOf("3"), "skip", yamlList)))
                .isEqualTo(new LimitOptions(3, List.of("x", "y")));
        assertThat(RuleOptions.bind(meta, java.util.Map.of("skip", TextNode.valueOf("p, q"))))
                .isEqualTo(new LimitOptions(8, List.of("p", "q")));
        assertThat(meta.options()).extracting(RuleOption::name, RuleOption::allowed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("max", "a whole number"),
                org.assertj.core.groups.Tuple.tuple("skip", "a list of strings (or one comma-separated string)"));
    }

    @Test
    void findsTheNearestConfigWalkingUp(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve(".migralint.yaml"), "");
        assertThat(ConfigLoader.find(nested)).contains(dir.resolve(".migralint.yaml").toAbsolutePath().normalize());
    }

    @Test
    void duplicateKeysAliasesAndExtraDocumentsAreRejected() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "fail-on: error\nfail-on: info\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(".migralint.yaml:2:")
                .hasMessageContaining("Duplicate field 'fail-on'");
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "migrations: &dirs [db]\nqueries: *dirs\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(".migralint.yaml:1:")
                .hasMessageContaining("anchors and aliases are not supported");
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "fail-on: error\n---\nfail-on: info\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("more than one YAML document");
        assertThat(ConfigLoader.parse(FILE, "---\nfail-on: error\n").failOn()).isEqualTo(FailOn.ERROR);
    }
}
