package dev.migralint.core.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.input.InputException;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real git repositories built in a temporary folder; skipped when git is not installed. */
class ChangedFilesTest {
    @TempDir
    Path dir;

    private Path repo;

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(gitAvailable(), "skipped: git is not on the PATH");
        repo = dir.resolve("repo");
        Files.createDirectories(repo);
        git("init", "-q");
        write("db/V1__old.sql", "CREATE TABLE a (id int);\n");
        write("db/V2__old.sql", "CREATE TABLE b (id int);\n");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
    }

    @Test
    void sinceIncludesCommittedStagedUnstagedAndUntrackedChanges() throws Exception {
        write("db/V3__committed.sql", "x");
        git("add", "-A");
        git("commit", "-q", "-m", "second");
        write("db/V4__staged.sql", "x");
        git("add", "db/V4__staged.sql");
        write("db/V2__old.sql", "CREATE TABLE b (id bigint);\n");
        write("db/V5__untracked.sql", "x");
        write(".gitignore", "ignored.sql\n");
        write("db/ignored.sql", "x");

        ChangedFiles changed = ChangedFiles.since(repo, "HEAD~1");

        assertThat(names(changed)).containsExactlyInAnyOrder(
                "db/V2__old.sql", "db/V3__committed.sql", "db/V4__staged.sql", "db/V5__untracked.sql", ".gitignore");
        assertThat(changed.description()).isEqualTo("files changed since HEAD~1");
    }

    @Test
    void sinceStartsAtTheMergeBaseSoChangesOnTheOtherBranchDoNotCount() throws Exception {
        git("checkout", "-q", "-b", "feature");
        write("db/V3__feature.sql", "x");
        git("add", "-A");
        git("commit", "-q", "-m", "feature");
        git("checkout", "-q", "-");
        write("db/V9__main_only.sql", "x");
        git("add", "-A");
        git("commit", "-q", "-m", "main moves on");
        String main = git("rev-parse", "HEAD").strip();
        git("checkout", "-q", "feature");

        assertThat(names(ChangedFiles.since(repo, main))).containsExactly("db/V3__feature.sql");
    }

    @Test
    void deletedFilesAreNotListed() throws Exception {
        git("rm", "-q", "db/V1__old.sql");
        assertThat(names(ChangedFiles.since(repo, "HEAD"))).isEmpty();
        assertThat(names(ChangedFiles.staged(repo))).isEmpty();
    }

    @Test
    void stagedListsTheIndexOnly() throws Exception {
        write("db/V3__staged.sql", "x");
        write("db/V4__not_staged.sql", "x");
        git("add", "db/V3__staged.sql");
        write("db/V1__old.sql", "changed but not staged");

        assertThat(names(ChangedFiles.staged(repo))).containsExactly("db/V3__staged.sql");
    }

    @Test
    void stagedWorksBeforeTheFirstCommit() throws Exception {
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        run(fresh, "init", "-q");
        Files.writeString(fresh.resolve("V1.sql"), "x");
        run(fresh, "add", "V1.sql");

        assertThat(ChangedFiles.staged(fresh).files()).containsExactly(fresh.resolve("V1.sql").toRealPath());
    }

    @Test
    void worksFromASubfolderAndThroughASymbolicLink() throws Exception {
        write("db/V3__new.sql", "x");
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, repo);

        ChangedFiles changed = ChangedFiles.since(link.resolve("db"), "HEAD");

        assertThat(changed.contains(SourceFile.of("x", ""))).isFalse();
        assertThat(changed.contains(new SourceFile(link.resolve("db/V3__new.sql"), "db/V3__new.sql", "x"))).isTrue();
        assertThat(changed.contains(new SourceFile(link.resolve("db/V1__old.sql"), "db/V1__old.sql", "x"))).isFalse();
    }

    @Test
    void restrictKeepsFindingsInChangedFilesAndEveryInputProblem() throws Exception {
        write("db/V3__new.sql", "DROP TABLE a;");
        SourceFile oldFile = new SourceFile(repo.resolve("db/V1__old.sql"), "db/V1__old.sql", "CREATE TABLE a (id int);\n");
        SourceFile newFile = new SourceFile(repo.resolve("db/V3__new.sql"), "db/V3__new.sql", "DROP TABLE a;");
        Finding inOld = finding(oldFile, "old");
        Finding inNew = finding(newFile, "new");
        InputProblem problem = new InputProblem(new Location.WholeFile(oldFile), "not UTF-8");
        Report report = new Report(List.of(inOld, inNew), List.of(problem), List.of(), repo, RunStats.EMPTY);

        Report restricted = ChangedFiles.since(repo, "HEAD").restrict(report);

        assertThat(restricted.findings()).containsExactly(inNew);
        assertThat(restricted.problems()).containsExactly(problem);
        assertThat(restricted.baseDir()).isEqualTo(repo);
    }

    @Test
    void unknownRevisionIsAOneLineInputError() {
        assertThatThrownBy(() -> ChangedFiles.since(repo, "no-such-branch"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot list files changed since no-such-branch: unknown git revision 'no-such-branch'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ChangedFiles.since(repo, "--output=/tmp/x"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a git revision");
    }

    @Test
    void outsideARepositoryIsAOneLineInputError() throws IOException {
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        assumeTrue(!insideRepository(plain), "skipped: the temporary folder is itself inside a git repository");

        assertThatThrownBy(() -> ChangedFiles.since(plain, "main"))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot list files changed since main: " + plain + " is not in a git repository");
        assertThatThrownBy(() -> ChangedFiles.staged(plain))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot list staged files: " + plain + " is not in a git repository");
    }

    @Test
    void sinceBeforeTheFirstCommitSaysSo() throws Exception {
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        run(fresh, "init", "-q");
        assertThatThrownBy(() -> ChangedFiles.since(fresh, "main"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no commit yet");
    }

    @Test
    void unrelatedHistoriesHaveNoMergeBase() throws Exception {
        git("checkout", "-q", "--orphan", "other");
        git("commit", "-q", "-m", "unrelated");
        git("branch", "-q", "-f", "lonely", "HEAD");
        git("checkout", "-q", "main");

        assertThatThrownBy(() -> ChangedFiles.since(repo, "lonely"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("have no common ancestor")
                .hasMessageContaining("fetch-depth: 0");
    }

    private static Finding finding(SourceFile file, String message) {
        return new Finding("r", Severity.WARNING, message, new Location.WholeFile(file), null, List.of(), null, null, "f");
    }

    private List<String> names(ChangedFiles changed) throws IOException {
        Path top = repo.toRealPath();
        List<String> out = new ArrayList<>();
        for (Path p : changed.files()) {
            out.add(top.relativize(p).toString().replace('\\', '/'));
        }
        return out;
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String git(String... args) throws Exception {
        return run(repo, args);
    }

    private static boolean insideRepository(Path dir) {
        return Git.run(dir, "rev-parse", "--show-toplevel").ok();
    }

    private static boolean gitAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** git with an identity and no user or system configuration, so the machine's settings can't interfere. */
    static String run(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=migralint test",
                "-c", "user.email=test@migralint.dev", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
