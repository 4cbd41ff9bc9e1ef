package dev.migralint.rules.integrity;

import dev.migralint.core.analysis.ColumnTypes;
import dev.migralint.core.analysis.UnusedTables;
import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.SchemaContext;
import dev.migralint.core.rule.SchemaRule;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import dev.migralint.rules.ObjectLabels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column named like a reference to another table ({@code user_id} next to a table {@code users} or
 * {@code user}) whose type is that table's single-column primary key's type, without a foreign key.
 * Plurals are guessed simply: {@code s}, {@code es}, and {@code y} to {@code ies}. A type that differs
 * (integer against bigint) is left alone here: either the name is a coincidence or the type is the
 * bigger problem. A column named after its own table ({@code reactions.reaction_id}) is not taken
 * for a reference to that table: self-references are named for the relation ({@code parent_id}).
 * PostgreSQL partitions are skipped: they get their parent's foreign keys. History and dump tables
 * ({@code *_versions}, {@code *_history}, {@code *_dump}, ...) outlive their subject by design, and an
 * id next to a {@code *_type} column of the same stem is polymorphic: neither is reported. Nor is a
 * column whose own documentation says the key is left out (a comment above it or on its line in CREATE
 * TABLE, COMMENT ON COLUMN, MySQL's COMMENT: "no REFERENCES users (id): ..."), nor one that defaults to
 * 0 or -1, the sentinels for "none" that a foreign key would refuse, nor a nullable one in a unique key
 * (see {@link #sentinelForUniqueness}), nor a reference to a table that a comment in the history calls
 * unused on purpose ({@link UnusedTables}).
 */
@RuleInfo(id = "missing-foreign-key", category = Category.INTEGRITY, severity = Severity.WARNING,
        summary = "A column named after another table's key has no foreign key to it",
        options = MissingForeignKey.Options.class)
public final class MissingForeignKey implements SchemaRule {
    public record Options(
            @Option(value = "Column name patterns; {table} stands for the referenced table's name, singular or "
                    + "plural (e.g. {table}_id, {table}_uuid, id_{table}); a pattern without {table} is a suffix",
                    defaultValue = "{table}_id") List<String> patterns,
            @Option(value = "Columns never to report, as column or table.column", defaultValue = "")
            List<String> ignoreColumns) {
        public Options {
            patterns = List.copyOf(patterns);
            ignoreColumns = List.copyOf(ignoreColumns);
        }
    }

    @Override
    public void check(SchemaContext ctx) {
        UnusedTables unused = new UnusedTables(
                ctx.chain().migrations().stream().map(m -> m.up().text()).toList(), ctx.dialect());
        List<Pattern> patterns = ctx.options(Options.class).patterns().stream().map(MissingForeignKey::compile).toList();
        Set<String> ignored = new LinkedHashSet<>(ctx.options(Options.class).ignoreColumns());
        Schema schema = ctx.schema();
        if (schema.tables().stream().allMatch(t -> t.foreignKeys().isEmpty())) {
            return; // a schema without a single foreign key is that way by design (Prisma relation mode, ...)
        }
        for (Table t : schema.tables()) {
            if (t.temporary() || t.partitionOf() != null || HISTORY_TABLE.matcher(t.name().name()).find()) {
                continue;
            }
            for (Column c : t.columns()) {
                if (ignored.contains(c.name()) || ignored.contains(t.name().name() + "." + c.name())
                        || inForeignKey(t, c.name()) || keyLeftOutOnPurpose(c) || sentinelDefault(c)
                        || sentinelForUniqueness(t, c)) {
                    continue;
                }
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(c.name());
                    if (m.matches() && !polymorphic(t, m.group(1)) && report(ctx, t, c, m.group(1), unused)) {
                        break;
                    }
                }
            }
        }
    }

    /** Reports {@code c} when a table named after {@code stem} has a single-column key of its type. */
    private static boolean report(SchemaContext ctx, Table t, Column c, String stem, UnusedTables unused) {
        Table target = referenced(ctx.schema(), t, stem).orElse(null);
        if (target == null || target.primaryKey() == null || target.primaryKey().columns().size() != 1) {
            return false;
        }
        if (unused.unusedOnPurpose(target.name())) {
            return true; // the column does refer to it, but the project wrote down that the table is not used
        }
        String keyName = target.primaryKey().columns().get(0);
        Column key = target.column(keyName).orElse(null);
        ColumnTypes.Match match = key == null ? ColumnTypes.Match.UNKNOWN : ColumnTypes.compare(c.type(), key.type(), ctx.dialect());
        if (key == null || target.name().equals(t.name())
                || match == ColumnTypes.Match.DIFFERENT_FAMILY || match == ColumnTypes.Match.UNKNOWN) {
            return false; // a text column named like a key to an integer one is more likely a coincidence
        }
        // An integer of another width is still a missing key; the types must agree before it can be added.
        String typeNote = match == ColumnTypes.Match.SAME ? ""
                : " (and its type, " + ColumnTypes.label(c.type(), ctx.dialect()) + ", differs from the key's, "
                        + ColumnTypes.label(key.type(), ctx.dialect()) + ")";
        Dialect d = ctx.dialect();
        String table = ObjectLabels.sql(t.name(), d);
        String column = c.displayName();
        String keyColumn = key.displayName();
        String constraint = ObjectLabels.sql(t.name().displayName() + "_" + column + "_fkey", d);
        String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " FOREIGN KEY (" + ObjectLabels.sql(column, d)
                + ") REFERENCES " + ObjectLabels.sql(target.name(), d) + " (" + ObjectLabels.sql(keyColumn, d) + ")";
        ctx.report(c.definedAt(), "Column " + ObjectLabels.column(t.name(), column) + " looks like a reference to "
                        + ObjectLabels.column(target.name(), keyColumn) + " but has no foreign key" + typeNote)
                .related(target.primaryKey().definedAt(), "the primary key of " + ObjectLabels.table(target.name()))
                .help(d == Dialect.MYSQL ? "Add the foreign key: " + add + ";"
                        : "Add the foreign key without a long lock, then check existing rows: " + add + " NOT VALID; "
                                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + constraint + ";");
        return true;
    }

    /**
     * History, audit-trail copies and dumps keep rows after their subject is gone, by design
     * (danbooru's {@code post_versions}, a {@code projects_dump}): a foreign key would forbid that.
     */
    private static final Pattern HISTORY_TABLE = Pattern.compile(
            "(?i)(_versions?|_history|_histories|_archive|_archives|_dump|_snapshots?|_backup|_bak)$");

    /**
     * A negation shortly before a word for the key: "no REFERENCES", "not a foreign key", "without an FK"
     * (but "not null, references users" is no negation of the reference).
     */
    private static final Pattern NO_KEY = Pattern.compile("(?i)\\b(no|not(?!\\W+null)|without|never|omit\\w*)\\b\\W+(?:\\w+\\W+){0,3}?"
            + "(references?|foreign[\\s_-]*keys?|fks?|fkeys?|constraints?)\\b");
    /** A stated decision in a comment that speaks of the key. */
    private static final Pattern ON_PURPOSE = Pattern.compile("(?i)\\b(deliberately|intentionally|on purpose|by design)\\b");
    private static final Pattern KEY_WORD = Pattern.compile("(?i)\\b(references?|foreign[\\s_-]*keys?|fks?|fkeys?)\\b");

    /**
     * The column's comment says that it has no foreign key, or that leaving it out was deliberate
     * (crates.io's {@code -- No `REFERENCES dependencies (id)`: the version_id cascade already removes this
     * row}): a decision made and written down, which the rule would only repeat. A comment that merely
     * names the target ({@code -- references users.id}) documents a reference and leaves the finding.
     */
    private static boolean keyLeftOutOnPurpose(Column c) {
        String comment = c.comment();
        return comment != null && (NO_KEY.matcher(comment).find()
                || ON_PURPOSE.matcher(comment).find() && KEY_WORD.matcher(comment).find());
    }

    /** {@code DEFAULT 0}, {@code DEFAULT '-1'}, {@code DEFAULT (0)::integer}. */
    private static final Pattern SENTINEL = Pattern.compile("\\(*\\s*'?\\s*(0|-\\s*1)\\s*'?\\s*\\)*(::\\s*[\\w ]+)?");

    /**
     * A reference column that defaults to 0 or -1 stores "none" as a value no key row has (serial and
     * identity keys start at 1): every row inserted without it would violate a foreign key, so the
     * column was made without one on purpose.
     */
    private static boolean sentinelDefault(Column c) {
        return c.defaultExpression() != null && SENTINEL.matcher(c.defaultExpression().strip()).matches();
    }

    /**
     * A nullable column in a UNIQUE constraint or a unique index that is not partial (Harbor's
     * {@code robot UNIQUE (name, project_id)}, {@code cve_allowlist UNIQUE (project_id)}): NULLs never
     * collide, so rows that refer to nothing would escape the uniqueness the key was made for. Schemas
     * shaped like this store a sentinel (0) for "none" instead, which a foreign key would refuse: Harbor's
     * system-level robots, allowlist and labels. A key with PostgreSQL 15's NULLS NOT DISTINCT keeps NULL
     * rows unique, so NULL can mean "none" there and the column is judged as any other.
     */
    private static boolean sentinelForUniqueness(Table t, Column c) {
        // every UNIQUE constraint has its index here too, so the indexes alone answer
        return !c.notNull() && t.indexes().stream().anyMatch(i -> i.unique() && !i.nullsNotDistinct()
                && i.predicate() == null && i.columnNames().contains(c.name()));
    }

    /**
     * {@code role_id} next to {@code role_type} (a Rails-style polymorphic association, Harbor's
     * {@code role_permission}): the id points into one of several tables, so no single key fits.
     */
    private static boolean polymorphic(Table t, String stem) {
        return t.column(stem + "_type").isPresent();
    }

    private static boolean inForeignKey(Table t, String column) {
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.columns().contains(column)) {
                return true;
            }
        }
        return false;
    }

    /** The table a name stem refers to: the stem itself or a plural of it, in the column's schema first. */
    private static Optional<Table> referenced(Schema schema, Table from, String stem) {
        for (String name : candidates(stem)) {
            Optional<Table> t = schema.table(new ObjectName(from.name().schema(), name))
                    .or(() -> schema.table(ObjectName.of(name)));
            if (t.isPresent() && !t.get().temporary()) {
                return t;
            }
        }
        return Optional.empty();
    }

    static List<String> candidates(String stem) {
        List<String> names = new ArrayList<>(List.of(stem, stem + "s", stem + "es"));
        if (stem.endsWith("y") && stem.length() > 1) {
            names.add(stem.substring(0, stem.length() - 1) + "ies");
        }
        return names;
    }

    /** {@code {table}_id} as a regex with one group for the table name; {@code _id} alone means {@code {table}_id}. */
    private static Pattern compile(String pattern) {
        int at = pattern.indexOf("{table}");
        if (at < 0) {
            return compile("{table}" + pattern);
        }
        return Pattern.compile(Pattern.quote(pattern.substring(0, at)) + "(.+)"
                + Pattern.quote(pattern.substring(at + "{table}".length())));
    }
}
