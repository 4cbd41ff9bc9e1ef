package dev.migralint.core.migration;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * goose: {@code <version>_<name>.sql} in version order, each file one migration with
 * {@code -- +goose Up} and {@code -- +goose Down} sections. goose splits a section at semicolons
 * except between {@code -- +goose StatementBegin} and {@code StatementEnd}, which it sends as one
 * statement, and runs the statements in one transaction unless the file says
 * {@code -- +goose NO TRANSACTION}; then it runs them one by one.
 */
final class GooseLayout {
    static final Pattern ANNOTATION = Pattern.compile("^--\\s*\\+goose\\s+(.+?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("^(\\d+)_?(.*)\\.sql$", Pattern.CASE_INSENSITIVE);

    private GooseLayout() {
    }

    static boolean isGoose(SourceFile file) {
        return ScriptText.containsIgnoreCase(file.text(), "+goose")
                && ScriptText.lines(file.text()).stream().anyMatch(l -> "up".equals(annotation(l)));
    }

    private static String annotation(ScriptText.Line line) {
        Matcher m = ANNOTATION.matcher(line.text());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") : null;
    }

    static FolderResult read(Folder folder, DiscoveryRun run) {
        Map<String, Migration> byVersion = new TreeMap<>(VersionOrder.NUMERIC);
        List<SourceFile> unchained = new ArrayList<>();
        for (Path p : folder.sqlFiles()) {
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            // a file without a version prefix still has sections; its name stands in for the version
            Matcher v = VERSION.matcher(Folder.name(p));
            String stem = Folder.stem(p);
            Migration m = v.matches() ? migration(file, v.group(1), v.group(2), run) : migration(file, stem, stem, run);
            if (m == null) {
                unchained.add(file);
            } else if (byVersion.putIfAbsent(m.version(), m) != null) {
                run.problem(file, null, "goose refuses two migrations with version " + m.version()
                        + "; this one is linted outside the chain");
                unchained.add(file);
            }
        }
        return FolderResult.of(run.displayPath(folder.dir()), Layout.GOOSE, List.copyOf(byVersion.values()),
                unchained);
    }

    private static Migration migration(SourceFile file, String version, String description, DiscoveryRun run) {
        String text = file.text();
        ScriptText.Line up = null;
        ScriptText.Line down = null;
        boolean noTransaction = false;
        List<TextRange> blocks = new ArrayList<>();
        ScriptText.Line blockStart = null;
        for (ScriptText.Line line : ScriptText.lines(text)) {
            String a = annotation(line);
            if (a == null) {
                continue;
            }
            switch (a) {
                case "up" -> up = up == null ? line : up;
                case "down" -> down = down == null ? line : down;
                case "no transaction" -> noTransaction = true;
                case "statementbegin" -> blockStart = line;
                case "statementend" -> {
                    if (blockStart == null) {
                        run.problem(file, new TextRange(line.start(), line.end()),
                                "goose StatementEnd without a StatementBegin");
                    } else {
                        blocks.add(new TextRange(blockStart.next(), line.start()));
                        blockStart = null;
                    }
                }
                default -> {
                    // ENVSUB ON/OFF and unknown annotations change nothing that is linted
                }
            }
        }
        if (blockStart != null) {
            run.problem(file, new TextRange(blockStart.start(), blockStart.end()),
                    "goose StatementBegin without a StatementEnd; the block runs to the end of its section");
        }
        if (up == null) {
            run.problem(file, null, "goose needs a '-- +goose Up' annotation; linted outside the chain");
            return null;
        }
        int n = text.length();
        TextRange upRange = new TextRange(up.start(), down != null && down.start() > up.start() ? down.start() : n);
        MigrationScript upScript = section(file, upRange, blocks, blockStart);
        MigrationScript downScript = null;
        if (down != null) {
            downScript = section(file, new TextRange(down.start(), up.start() > down.start() ? up.start() : n),
                    blocks, blockStart);
        }
        return new Migration(version, description, Layout.GOOSE, upScript, downScript,
                noTransaction ? TransactionMode.NO_TRANSACTION : TransactionMode.IN_TRANSACTION, false, true);
    }

    private static MigrationScript section(SourceFile file, TextRange range, List<TextRange> blocks,
                                           ScriptText.Line openBlock) {
        List<TextRange> inside = new ArrayList<>();
        for (TextRange b : blocks) {
            if (range.contains(b.start())) {
                inside.add(new TextRange(b.start(), Math.min(b.end(), range.end())));
            }
        }
        if (openBlock != null && range.contains(openBlock.start())) {
            inside.add(new TextRange(Math.min(openBlock.next(), range.end()), range.end()));
        }
        return new MigrationScript(file, ScriptText.keep(file.text(), List.of(range)),
                new ScriptOptions(null, true, inside));
    }
}
