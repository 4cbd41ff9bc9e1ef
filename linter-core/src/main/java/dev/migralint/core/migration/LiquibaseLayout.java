package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.LineIndex;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: a file whose first line is {@code --liquibase formatted sql}; each
 * {@code --changeset author:id [attributes]} starts a migration that runs to the next changeset.
 * {@code --rollback <sql>} lines (and {@code /* liquibase rollback ... *}{@code /} blocks) are its
 * down, kept at their own offsets. Files are applied in order of their paths, as {@code includeAll}
 * does. Attributes honoured: {@code runInTransaction:false}, {@code endDelimiter},
 * {@code splitStatements:false}, {@code rollbackEndDelimiter}, {@code rollbackSplitStatements},
 * {@code dbms} (a changeset for another database is skipped) and {@code ignore:true}.
 */
final class LiquibaseLayout {
    private static final Pattern FIRST_LINE = Pattern.compile("^\\s*--\\s*liquibase\\s*formatted.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile(
            "^\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("^\\s*--[\\s]*rollback ", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK_START = Pattern.compile("^\\s*/\\*\\s*liquibase\\s*rollback\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_END = Pattern.compile(".*\\*/\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*--[\\s]*comments?:?\\s(.*)$", Pattern.CASE_INSENSITIVE);

    private LiquibaseLayout() {
    }

    static boolean isFormattedSql(SourceFile file) {
        return !file.text().isEmpty() && FIRST_LINE.matcher(LineIndex.firstLine(file.text())).matches();
    }

    /** One changeset while it is read. */
    private static final class Changeset {
        String author;
        String id;
        String attributes;
        String comment;
        TextRange header;
        final List<TextRange> body = new ArrayList<>();
        final List<TextRange> rollback = new ArrayList<>();
    }

    static FolderResult read(Folder folder, DiscoveryRun run, Dialect dialect) {
        List<Migration> migrations = new ArrayList<>();
        List<SourceFile> unchained = new ArrayList<>();
        List<Path> files = folder.sqlFiles().stream().sorted(Comparator.comparing(Path::toString)).toList();
        for (Path p : files) {
            SourceFile file = run.read(p);
            if (file == null) {
                continue;
            }
            if (!isFormattedSql(file)) {
                unchained.add(file);
                continue;
            }
            migrations.addAll(migrations(file, run, dialect));
        }
        return FolderResult.of(run.displayPath(folder.dir()), Layout.LIQUIBASE,
                FolderResult.expectDownsWhenAnyHasOne(migrations), unchained);
    }

    static List<Migration> migrations(SourceFile file, DiscoveryRun run, Dialect dialect) {
        List<Changeset> changesets = new ArrayList<>();
        Changeset current = null;
        boolean inRollbackBlock = false;
        for (ScriptText.Line line : ScriptText.lines(file.text())) {
            String t = line.text();
            Matcher cs = CHANGESET.matcher(t);
            if (inRollbackBlock) {
                boolean end = BLOCK_END.matcher(t).matches();
                int stop = end ? line.start() + t.lastIndexOf("*/") : line.end();
                if (current != null) {
                    current.rollback.add(new TextRange(line.start(), stop));
                }
                inRollbackBlock = !end;
            } else if (cs.matches()) {
                current = new Changeset();
                current.author = unquote(cs.group(1).trim());
                current.id = unquote(cs.group(2));
                current.attributes = cs.group(3);
                current.header = new TextRange(line.start(), line.end());
                changesets.add(current);
            } else if (current == null) {
                continue;
            } else if (ROLLBACK.matcher(t).find()) {
                Matcher r = ROLLBACK.matcher(t);
                r.find();
                current.rollback.add(new TextRange(line.start() + r.end(), line.end()));
            } else if (ROLLBACK_BLOCK_START.matcher(t).matches()) {
                inRollbackBlock = true;
            } else {
                Matcher c = COMMENT.matcher(t);
                if (c.matches() && current.comment == null) {
                    current.comment = c.group(1).trim();
                }
                current.body.add(new TextRange(line.start(), line.next()));
            }
        }
        List<Migration> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Changeset c : changesets) {
            String version = c.author + ":" + c.id;
            if (!seen.add(version)) {
                run.problem(file, c.header, "Liquibase refuses a second changeset " + version + " in one file");
                continue;
            }
            if (isTrue(attribute(c.attributes, "ignore")) || !forDialect(attribute(c.attributes, "dbms"), dialect)) {
                continue;
            }
            out.add(migration(file, c, version));
        }
        return out;
    }

    private static Migration migration(SourceFile file, Changeset c, String version) {
        String delimiter = attribute(c.attributes, "endDelimiter");
        boolean split = !isFalse(attribute(c.attributes, "splitStatements"));
        MigrationScript up = new MigrationScript(file, ScriptText.keep(file.text(), c.body),
                new ScriptOptions(delimiter, split, List.of()));
        MigrationScript down = null;
        if (!c.rollback.isEmpty()) {
            String rollbackDelimiter = attribute(c.attributes, "rollbackEndDelimiter");
            String rollbackSplit = attribute(c.attributes, "rollbackSplitStatements");
            List<TextRange> kept = c.rollback;
            String text = ScriptText.keep(file.text(), kept);
            // "--rollback empty" and "--rollback not required" say there is nothing to undo
            String sql = text.strip().toLowerCase(Locale.ROOT);
            if (sql.equals("empty") || sql.equals("not required")) {
                text = ScriptText.keep(file.text(), List.of());
            }
            down = new MigrationScript(file, text, new ScriptOptions(
                    rollbackDelimiter != null ? rollbackDelimiter : delimiter,
                    rollbackSplit != null ? !isFalse(rollbackSplit) : split, List.of()));
        }
        TransactionMode mode = TransactionMode.IN_TRANSACTION;
        if (isFalse(attribute(c.attributes, "runInTransaction"))) {
            // split statements go one by one with autocommit; one unsplit script is one JDBC execution,
            // which PostgreSQL's driver runs as one implicit transaction
            mode = split ? TransactionMode.NO_TRANSACTION : TransactionMode.IMPLICIT_TRANSACTION;
        }
        String description = c.comment != null ? c.comment : "";
        return new Migration(version, description, Layout.LIQUIBASE, up, down, mode, false, false);
    }

    /** The value of {@code name:value} among a changeset's attributes, or null. */
    static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + ":(\"[^\"]*\"|\\S*)", Pattern.CASE_INSENSITIVE)
                .matcher(attributes);
        return m.find() ? unquote(m.group(1)) : null;
    }

    private static boolean forDialect(String dbms, Dialect dialect) {
        if (dbms == null || dbms.isBlank() || dialect == Dialect.GENERIC) {
            return true;
        }
        Set<String> own = dialect == Dialect.POSTGRESQL ? Set.of("postgresql", "all") : Set.of("mysql", "mariadb", "all");
        boolean anyPositive = false;
        for (String raw : dbms.toLowerCase(Locale.ROOT).split(",")) {
            String d = raw.trim();
            if (d.startsWith("!")) {
                if (own.contains(d.substring(1))) {
                    return false;
                }
            } else if (!d.isEmpty()) {
                anyPositive = true;
                if (own.contains(d)) {
                    return true;
                }
            }
        }
        return !anyPositive;
    }

    private static boolean isTrue(String v) {
        return v != null && v.equalsIgnoreCase("true");
    }

    private static boolean isFalse(String v) {
        return v != null && v.equalsIgnoreCase("false");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
