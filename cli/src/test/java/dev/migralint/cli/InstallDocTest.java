package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/maven-plugin.md's "Installing" section as a new user would: runs its one command on a
 * copy of the repository with an empty local repository, then builds a project whose pom holds the
 * doc's usage block verbatim, and runs the CLI jar the command built. The only additions to the doc's
 * command are the scratch local repository and a settings file that takes third-party artifacts from
 * the outer build's repository (so the test works offline). A whole build: minutes, hence slow.
 */
@Tag("slow")
class InstallDocTest {
    private static final Pattern INSTALL = Pattern.compile("## Installing\\n.*?```sh\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern USAGE = Pattern.compile("## Usage\\n.*?```xml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("<version>([^<]*)</version>");

    @Test
    void theDocumentedCommandInstallsAPluginThatTheDocumentedBlockRuns(@TempDir Path tmp) throws Exception {
        Path repo = Path.of(System.getProperty("migralint.repo.root", "..")).toAbsolutePath().normalize();
        String outer = System.getProperty("migralint.outer.repo");
        Assumptions.assumeTrue(outer != null && Files.isDirectory(Path.of(outer)),
                "SKIPPED: no outer local repository (migralint.outer.repo); the install doc test did not run");
        Assumptions.assumeTrue(onPath("mvn") && onPath("git"),
                "SKIPPED: mvn or git is not on the PATH; the install doc test did not run");
        String doc = Files.readString(repo.resolve("docs/maven-plugin.md"), StandardCharsets.UTF_8);
        Matcher install = INSTALL.matcher(doc);
        assertThat(install.find()).as("a ```sh block under ## Installing").isTrue();
        String command = install.group(1).strip();
        assertThat(command).as("one command").doesNotContain("\n").startsWith("mvn ");
        Matcher usage = USAGE.matcher(doc);
        assertThat(usage.find()).as("a ```xml block under ## Usage").isTrue();
        String pluginBlock = usage.group(1);
        Matcher version = VERSION.matcher(pluginBlock);
        assertThat(version.find()).isTrue();

        Path clone = copyOfTrackedFiles(repo, tmp.resolve("clone"));
        Path scratch = tmp.resolve("m2");
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>outer</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(outer).toUri()));
        List<String> extra = List.of("-s", settings.toString(), "-Dmaven.repo.local=" + scratch);

        List<String> installCmd = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        installCmd.addAll(extra);
        Run installed = run(clone, installCmd, tmp.resolve("install.log"));
        assertThat(installed.code).as("%s\n%s", installCmd, installed.tail()).isZero();
        Path plugin = scratch.resolve("dev/migralint/migralint-maven-plugin/" + version.group(1));
        assertThat(plugin).as("the doc's version, installed").isDirectory();
        assertThat(scratch.resolve("dev/migralint/migralint-cli/" + version.group(1))).isDirectory();

        Path project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>shop</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                %s    </plugins>
                  </build>
                </project>
                """.formatted(pluginBlock));
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(migrations.resolve("V2__cleanup.sql"), "DELETE FROM users WHERE name = NULL;\n");
        List<String> verifyCmd = new ArrayList<>(List.of("mvn", "-B", "verify"));
        verifyCmd.addAll(extra);
        Run verified = run(project, verifyCmd, tmp.resolve("verify.log"));
        assertThat(verified.code).as(verified.tail()).isNotZero();
        assertThat(verified.log).contains("V2__cleanup.sql:1:").contains("error[null-comparison]")
                .contains("migralint: 1 finding at or above error");

        Path jar = clone.resolve("cli/target/migralint.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run cli = run(project, List.of(java, "-jar", jar.toString(), "check", "src/main/resources/db/migration"),
                tmp.resolve("cli.log"));
        assertThat(cli.code).as(cli.tail()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cli.log).contains("error[null-comparison]");
    }

    /** What a fresh clone has: the tracked files, as the working tree holds them (so edits are tested). */
    private static Path copyOfTrackedFiles(Path repo, Path target) throws Exception {
        Process p = new ProcessBuilder("git", "ls-files", "-z").directory(repo.toFile()).start();
        String names = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        for (String name : names.split("\0")) {
            Path from = repo.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue; // deleted in the working tree
            }
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }

    private record Run(int code, String log) {
        String tail() {
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        }
    }

    private static Run run(Path dir, List<String> cmd, Path logFile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).as("%s finished", cmd).isTrue();
        return new Run(p.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
