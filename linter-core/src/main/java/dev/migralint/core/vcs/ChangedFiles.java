package dev.migralint.core.vcs;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.input.InputException;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a change touches, as git sees them, and the report restricted to findings in them. The
 * engine still lints every file (a finding in a new migration can depend on what older ones created);
 * only what is reported narrows, so {@code --since} and {@code --staged} never change a finding, they
 * only hide those in files the change does not touch. Input problems are kept whatever their file:
 * an unreadable older file may hide findings in a new one.
 */
public final class ChangedFiles {
    private final Set<Path> files;
    private final String description;

    private ChangedFiles(Set<Path> files, String description) {
        this.files = Set.copyOf(files);
        this.description = description;
    }

    /** Files the caller names; relative paths resolve against the JVM's working directory. */
    public static ChangedFiles of(Collection<Path> files, String description) {
        Set<Path> canonical = new LinkedHashSet<>();
        for (Path p : files) {
            canonical.add(canonical(p));
        }
        return new ChangedFiles(canonical, description);
    }

    /**
     * Files added, copied, modified or renamed since the merge base of {@code ref} and HEAD: what a
     * branch changed, as a pull request shows it, plus uncommitted work (staged, unstaged, and new
     * files git does not ignore), so running it locally before pushing gives what CI will report.
     * Deleted files are not included: they have nothing to report. The repository is the one that
     * holds {@code workingDir}.
     */
    public static ChangedFiles since(Path workingDir, String ref) {
        String what = "files changed since " + ref;
        Path top = topLevel(workingDir, what);
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new InputException("cannot list " + what + ": '" + ref + "' is not a git revision");
        }
        Git.Output head = Git.run(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        if (!head.ok()) {
            throw new InputException("cannot list " + what + ": the repository has no commit yet (HEAD is unborn)");
        }
        Git.Output commit = Git.run(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (!commit.ok()) {
            throw new InputException("cannot list " + what + ": unknown git revision '" + ref + "'"
                    + " (in CI, fetch it first, e.g. git fetch origin main)");
        }
        Git.Output base = Git.run(top, "merge-base", commit.out().strip(), "HEAD");
        if (!base.ok() || base.out().isBlank()) {
            throw new InputException("cannot list " + what + ": " + ref + " and HEAD have no common ancestor"
                    + " (a shallow clone? fetch the history, e.g. actions/checkout with fetch-depth: 0)");
        }
        List<String> names = new ArrayList<>(required(top, what,
                "diff", "--name-only", "--diff-filter=ACMR", "--no-ext-diff", "-z", base.out().strip(), "--"));
        names.addAll(required(top, what, "ls-files", "--others", "--exclude-standard", "-z"));
        return fromRepository(top, names, what);
    }

    /**
     * Files added, copied, modified or renamed in the index: what {@code git commit} would record now,
     * for pre-commit hooks. The working tree's content is what gets linted; a hook that wants the
     * staged content exactly must stash unstaged changes first (the pre-commit framework does).
     */
    public static ChangedFiles staged(Path workingDir) {
        String what = "staged files";
        Path top = topLevel(workingDir, what);
        return fromRepository(top, required(top, what,
                "diff", "--cached", "--name-only", "--diff-filter=ACMR", "--no-ext-diff", "-z", "--"), what);
    }

    /** For messages: "files changed since origin/main" or "staged files". */
    public String description() {
        return description;
    }

    public Set<Path> files() {
        return files;
    }

    public boolean contains(SourceFile file) {
        return files.contains(canonical(file.path()));
    }

    /** The report with only the findings located in these files. */
    public Report restrict(Report report) {
        Map<SourceFile, Boolean> inScope = new HashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (inScope.computeIfAbsent(f.location().file(), this::contains)) {
                kept.add(f);
            }
        }
        return new Report(kept, report.problems(), report.rules(), report.baseDir(), report.stats());
    }

    private static ChangedFiles fromRepository(Path top, List<String> names, String what) {
        Set<Path> canonical = new LinkedHashSet<>();
        for (String name : names) {
            canonical.add(canonical(top.resolve(name)));
        }
        return new ChangedFiles(canonical, what);
    }

    private static Path topLevel(Path workingDir, String what) {
        Git.Output top = Git.run(workingDir, "rev-parse", "--show-toplevel");
        if (!top.ok() || top.out().isBlank()) {
            String why = top.firstErrorLine();
            throw new InputException("cannot list " + what + ": " + workingDir + " is not in a git repository"
                    + (why.isEmpty() || why.contains("not a git repository") ? "" : " (git: " + why + ")"));
        }
        return Path.of(top.out().strip());
    }

    private static List<String> required(Path top, String what, String... args) {
        Git.Output out = Git.run(top, args);
        if (!out.ok()) {
            throw new InputException("cannot list " + what + ": git " + args[0] + " failed: " + out.firstErrorLine());
        }
        return Git.entries(out.out());
    }

    /**
     * The same file is one path whichever way it was reached: git prints paths under the repository's
     * real location, while the linted paths may go through a symbolic link (such as /tmp on macOS).
     */
    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }
}
