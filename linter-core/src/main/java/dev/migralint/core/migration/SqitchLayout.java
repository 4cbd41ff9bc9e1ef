package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sqitch: {@code sqitch.plan} lists the changes in deploy order, one per line
 * ({@code name [deps] date planner <email> # note}); {@code %pragma}, {@code @tag} and {@code #}
 * comment lines are not changes. A change's script is {@code deploy/<name>.sql} and its down is
 * {@code revert/<name>.sql}. A change reworked later in the plan keeps its earlier script as
 * {@code deploy/<name>@<tag>.sql}, named for the first tag after that earlier occurrence. sqitch runs
 * scripts through the database's client without a transaction of its own: its templates put
 * BEGIN/COMMIT in the script.
 */
final class SqitchLayout {
    static final String PLAN = "sqitch.plan";
    static final Set<String> SCRIPT_DIRS = Set.of("deploy", "revert", "verify");
    private static final Pattern CHANGE = Pattern.compile("^([+-]?)([^\\s\\[@#%]+)(.*)$");

    private SqitchLayout() {
    }

    private record Entry(String name, String note, TextRange line, int index) {
    }

    static FolderResult read(Folder folder, Path planPath, DiscoveryRun run) {
        Set<Path> consumed = new java.util.HashSet<>();
        for (Path sub : folder.subdirs()) {
            if (SCRIPT_DIRS.contains(Folder.name(sub))) {
                consumed.add(sub);
            }
        }
        List<SourceFile> unchained = new ArrayList<>(run.readAll(folder.sqlFiles()));
        SourceFile plan = run.read(planPath);
        if (plan == null) {
            return new FolderResult(List.of(), unchained, consumed);
        }
        List<Entry> changes = new ArrayList<>();
        List<String> tagAfter = new ArrayList<>();
        for (ScriptText.Line line : ScriptText.lines(plan.text())) {
            String t = line.text().strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("%")) {
                continue;
            }
            if (t.startsWith("@")) {
                String tag = t.substring(1).split("\\s+")[0];
                for (int i = tagAfter.size() - 1; i >= 0 && tagAfter.get(i) == null; i--) {
                    tagAfter.set(i, tag);
                }
                continue;
            }
            Matcher m = CHANGE.matcher(t);
            if (!m.matches()) {
                run.problem(plan, new TextRange(line.start(), line.end()), "not a sqitch plan line");
                continue;
            }
            if (m.group(1).equals("-")) {
                continue;
            }
            int hash = m.group(3).indexOf(" #");
            String note = hash < 0 ? "" : m.group(3).substring(hash + 2).strip();
            changes.add(new Entry(m.group(2), note, new TextRange(line.start(), line.end()), changes.size()));
            tagAfter.add(null);
        }
        List<Migration> migrations = new ArrayList<>();
        for (Entry e : changes) {
            boolean reworkedLater = changes.stream().anyMatch(o -> o.index() > e.index() && o.name().equals(e.name()));
            String tag = tagAfter.get(e.index());
            String scriptName = reworkedLater && tag != null ? e.name() + "@" + tag : e.name();
            Path deploy = folder.dir().resolve("deploy").resolve(scriptName + ".sql");
            if (!Files.isRegularFile(deploy)) {
                run.problem(plan, e.line(), "sqitch change " + scriptName + " has no deploy script "
                        + run.displayPath(deploy));
                continue;
            }
            SourceFile up = run.read(deploy);
            if (up == null) {
                continue;
            }
            Path revertPath = folder.dir().resolve("revert").resolve(scriptName + ".sql");
            SourceFile revert = Files.isRegularFile(revertPath) ? run.read(revertPath) : null;
            migrations.add(new Migration(scriptName, e.note(), Layout.SQITCH, MigrationScript.whole(up),
                    revert == null ? null : MigrationScript.whole(revert), TransactionMode.NO_TRANSACTION, false, true));
        }
        return FolderResult.of(run.displayPath(folder.dir()), Layout.SQITCH, migrations, unchained, consumed);
    }
}
