package dev.migralint.rules;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Index;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How messages and help name replayed objects: PostgreSQL's default schema {@code public} is left
 * out, other schemas are kept, so a message reads {@code orders.customer_id} in the common case and
 * {@code billing.orders.customer_id} when it matters. Tables are named as the source spelled them
 * ({@link ObjectName#displayName()}): a MySQL {@code ReleaseHistory} stays {@code ReleaseHistory}. So
 * are columns and indexes ({@link Column#displayName()}, {@link Index#displayName()}): constraints and
 * changes hold column names folded, so the overloads taking a {@link Table} (or a {@link Schema}) look
 * the column up to print {@code AppId}, not {@code appid}.
 */
public final class ObjectLabels {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** MySQL needs no quotes for upper case: it keeps the case of a name either way. */
    private static final Pattern PLAIN_MYSQL = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** Reserved words that are likely table or column names and must be quoted in SQL. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "as", "asc", "check",
            "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end", "except", "for",
            "foreign", "from", "grant", "group", "having", "in", "index", "into", "key", "limit", "not", "null",
            "offset", "on", "or", "order", "primary", "references", "select", "table", "to", "union", "unique",
            "user", "using", "when", "where", "window", "with");

    private ObjectLabels() {
    }

    /** A table's name, qualified unless it is in {@code public} (or MySQL, where names have no schema). */
    public static String table(ObjectName name) {
        return name.schema() == null || name.schema().equals("public") ? name.displayName()
                : name.schema() + "." + name.displayName();
    }

    /** A name with its schema, if any, as the source spelled it; {@code public} is kept (unlike {@link #table}). */
    public static String qualified(ObjectName name) {
        return name.schema() == null ? name.displayName() : name.schema() + "." + name.displayName();
    }

    /** {@code table.column}. */
    public static String column(ObjectName table, String column) {
        return table(table) + "." + column;
    }

    /** {@code table(a, b)}: a table with a column list, as foreign keys name their columns. */
    public static String columns(ObjectName table, List<String> columns) {
        return columns.size() == 1 ? column(table, columns.get(0)) : table(table) + "(" + String.join(", ", columns) + ")";
    }

    /** A column of {@code table} as the source spelled it; {@code column} itself when the table has none so named. */
    public static String columnName(Table table, String column) {
        return column == null || table == null ? column : table.column(column).map(Column::displayName).orElse(column);
    }

    /** Columns of {@code table} as the source spelled them (see {@link #columnName(Table, String)}). */
    public static List<String> columnNames(Table table, List<String> columns) {
        return columns.stream().map(c -> columnName(table, c)).toList();
    }

    /**
     * A column of {@code table} as {@code schema} spells it, for a change that names the column folded (DROP
     * COLUMN, RENAME COLUMN): the spelling of its definition; when the history does not show it, as the
     * change wrote it ({@code written}, null when not known) or else {@code column}.
     */
    public static String columnName(Schema schema, ObjectName table, String column, String written) {
        return schema.table(table).flatMap(t -> t.column(column)).map(Column::displayName)
                .orElse(written != null ? written : column);
    }

    /** {@code table.column}, the column spelled as {@link #columnName(Schema, ObjectName, String, String)} does. */
    public static String column(Schema schema, ObjectName table, String column, String written) {
        return column(table, columnName(schema, table, column, written));
    }

    /**
     * A template placeholder standing for a name ({@code {{ index .Options "Namespace" }}} in supabase's
     * Go templates, {@code @cdmDatabaseSchema} in OHDSI's, {@code ${schema}}, {@code :schema}): quoting
     * it would break the template.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*}}|[@:]\\w+|\\$\\{[^}]*}", Pattern.DOTALL);

    /** An identifier as SQL must spell it: quoted when it is not a plain lower-case name or a placeholder. */
    public static String sql(String identifier, Dialect dialect) {
        if ((dialect == Dialect.MYSQL ? PLAIN_MYSQL : PLAIN).matcher(identifier).matches()
                && !RESERVED.contains(identifier.toLowerCase(java.util.Locale.ROOT))
                || PLACEHOLDER.matcher(identifier).matches()) {
            return identifier;
        }
        return dialect == Dialect.MYSQL ? "`" + identifier.replace("`", "``") + "`"
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A table's name as SQL must spell it, schema included unless it is {@code public}. */
    public static String sql(ObjectName table, Dialect dialect) {
        String name = sql(table.displayName(), dialect);
        return table.schema() == null || table.schema().equals("public") ? name : sql(table.schema(), dialect) + "." + name;
    }

    /** Column names as SQL must spell them, comma-separated. */
    public static String sqlList(List<String> columns, Dialect dialect) {
        return String.join(", ", columns.stream().map(c -> sql(c, dialect)).toList());
    }
}
