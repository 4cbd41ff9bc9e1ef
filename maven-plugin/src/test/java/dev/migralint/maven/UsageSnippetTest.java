package dev.migralint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The usage snippet in docs/maven-plugin.md is the plugin block that the violations-fail-build IT builds
 * with, so the documented configuration is one that a real build has run. Only the version differs: the
 * doc names it, the IT has it filtered in.
 */
class UsageSnippetTest {
    private static final Pattern FIRST_XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLUGIN_BLOCK = Pattern.compile(
            "^([ \\t]*)<plugin>\\n.*?^\\1</plugin>\\n", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("<version>([^<]*)</version>");

    private static final Path REPO = Path.of(System.getProperty("migralint.repo.root", ".."));
    private static final Path DOC = REPO.resolve("docs/maven-plugin.md");
    private static final Path IT_POM = REPO.resolve("maven-plugin/src/it/violations-fail-build/pom.xml");

    @Test
    void docSnippetIsTheItsPluginBlock() throws IOException {
        String doc = docSnippet();
        String it = itPluginBlock();

        assertThat(withoutVersion(dedent(doc))).isEqualTo(withoutVersion(dedent(it)));
        assertThat(version(it)).isEqualTo("@project.version@");
    }

    @Test
    void docSnippetNamesTheVersionThatInstallingFromAClonePuts() throws IOException {
        String projectVersion = System.getProperty("migralint.version");
        assertThat(projectVersion).as("system property migralint.version, set by the POM").isNotBlank();

        // Not on Maven Central yet: the doc's install command installs the clone's version, snapshot or not.
        assertThat(version(docSnippet())).isEqualTo(projectVersion);
        assertThat(read(DOC)).contains("`" + projectVersion + "` today");
    }

    private static String docSnippet() throws IOException {
        Matcher m = FIRST_XML_BLOCK.matcher(read(DOC));
        assertThat(m.find()).as("an ```xml block in %s", DOC).isTrue();
        return m.group(1);
    }

    private static String itPluginBlock() throws IOException {
        Matcher m = PLUGIN_BLOCK.matcher(read(IT_POM));
        assertThat(m.find()).as("a <plugin> block in %s", IT_POM).isTrue();
        return m.group();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static String version(String block) {
        Matcher m = VERSION.matcher(block);
        assertThat(m.find()).as("a <version> in %s", block).isTrue();
        return m.group(1);
    }

    private static String withoutVersion(String block) {
        return VERSION.matcher(block).replaceFirst("<version>VERSION</version>");
    }

    /** Removes the indentation of the first line from every line. */
    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.get(0).length() - lines.get(0).stripLeading().length();
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            int cut = Math.min(indent, line.length() - line.stripLeading().length());
            sb.append(line.substring(cut)).append('\n');
        }
        return sb.toString();
    }
}
