package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.testing.FixtureRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/new-rule}, as CONTRIBUTING.md tells a newcomer to run it: what it writes compiles and registers. */
class NewRuleScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "new-rule").toAbsolutePath().normalize();

    @Test
    void createsAClassThatCompilesASideCarFixturesAndTheRegistrationLine(@TempDir Path root) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "SKIPPED: scripts/new-rule not found at " + SCRIPT);
        Run run = run(root, "ban-drop-database", "reversibility", "error", "DROP DATABASE loses every table",
                "change:DropTable");
        assertThat(run.exit).as(run.output).isZero();

        Path source = root.resolve("rules/src/main/java/dev/migralint/rules/reversibility/BanDropDatabase.java");
        assertThat(source).exists();
        assertThat(root.resolve("rules/src/main/resources/dev/migralint/rules/reversibility/ban-drop-database.md"))
                .content().contains("## Problem").contains("## Solution");
        Path fixtures = root.resolve("rules/src/test/resources/fixtures/ban-drop-database");
        assertThat(fixtures.resolve("example-bad.sql")).content().contains("-- expect: ban-drop-database");
        assertThat(fixtures.resolve("example-good.sql")).content().doesNotContain("expect:");
        assertThat(new FixtureRunner(fixtures.getParent(), (f, c) -> null).discover())
                .extracting(c -> c.name()).containsExactlyInAnyOrder("example-bad", "example-good");
        assertThat(root.resolve("rules/src/main/resources/META-INF/services/dev.migralint.core.rule.Rule"))
                .content().isEqualTo("dev.migralint.rules.reversibility.BanDropDatabase\n");

        Rule rule = compileAndLoad(root, source, "dev.migralint.rules.reversibility.BanDropDatabase");
        RuleMeta meta = rule.meta();
        assertThat(meta.id()).isEqualTo("ban-drop-database");
        assertThat(meta.category()).isEqualTo(Category.REVERSIBILITY);
        assertThat(meta.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(meta.appliesTo(Dialect.MYSQL)).isTrue();
        assertThat(((ChangeRule<?>) rule).changeType()).isEqualTo(SchemaChange.DropTable.class);
    }

    @Test
    void refusesABadIdAndAnExistingRule(@TempDir Path root) throws Exception {
        assumeTrue(Files.isRegularFile(SCRIPT), "SKIPPED: scripts/new-rule not found at " + SCRIPT);
        Run bad = run(root, "Ban_Thing", "types", "warning", "Something");
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.output).contains("kebab-case");
        assertThat(run(root, "prefer-x", "types", "warning", "Prefer x", "column").exit).isZero();
        Run again = run(root, "prefer-x", "types", "warning", "Prefer x", "column");
        assertThat(again.exit).isEqualTo(2);
        assertThat(again.output).contains("exists");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MIGRALINT_ROOT", root.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static Rule compileAndLoad(Path root, Path source, String name) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(root.resolve("classes"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                NewRuleScriptTest.class.getClassLoader())) {
            return (Rule) loader.loadClass(name).getDeclaredConstructor().newInstance();
        }
    }
}
