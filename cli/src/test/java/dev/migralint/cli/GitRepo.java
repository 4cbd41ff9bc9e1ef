package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A git repository in a test's temporary folder. Every command runs with a fixed identity and without
 * the machine's user and system configuration, so hooks, signing or aliases set there can't interfere.
 */
final class GitRepo {
    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static GitRepo init(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        GitRepo repo = new GitRepo(root);
        repo.git("init", "-q");
        return repo;
    }

    Path root() {
        return root;
    }

    GitRepo write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Stages everything and commits it; returns the new commit's id. */
    String commitAll(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git and returns its standard output; fails the test when git fails. */
    String git(String... args) throws IOException, InterruptedException {
        Result r = run(Map.of(), args);
        assertThat(r.exitCode()).as("git %s: %s", String.join(" ", args), r.output()).isZero();
        return r.output();
    }

    /** What a git command printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** Runs git with extra environment variables, whatever its exit code. */
    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=migralint test",
                "-c", "user.email=test@migralint.dev", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("git %s finished", String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
