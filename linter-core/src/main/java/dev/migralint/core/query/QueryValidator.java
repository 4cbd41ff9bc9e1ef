package dev.migralint.core.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Validates a query (SELECT, UPDATE, DELETE) against the schema it stands on, with Apache Calcite.
 * The statement is respelled for Calcite without moving any character ({@link CalciteSql}); what
 * Calcite cannot read is skipped, with the reason, and gets no finding. A name the validator does not
 * find is kept only where nothing else can explain it: the relations it looked in are all fully
 * known ({@link CalciteCatalog}) and the name is not one of PostgreSQL's functions written without
 * parentheses. Calcite is loaded on the first query validated, never before.
 */
public final class QueryValidator {
    /** SQL functions PostgreSQL and MySQL call without parentheses, which read like column names. */
    private static final Set<String> NILADIC = Set.of("current_catalog", "current_role", "current_schema",
            "current_user", "session_user", "user", "localtime", "localtimestamp", "current_date", "current_time",
            "current_timestamp", "system_user", "utc_date", "utc_time", "utc_timestamp", "now");
    /** Columns every PostgreSQL table has without declaring them. */
    private static final Set<String> PG_SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "xmax", "cmin", "cmax", "ctid", "oid");

    private QueryValidator() {
    }

    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    /**
     * Loads and initialises the validator's classes once per JVM, so that the first query does not
     * wait for them; for a thread other than the one that lints.
     */
    public static void prepare() {
        if (PREPARED.compareAndSet(false, true)) {
            try {
                CalciteValidation.load();
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // Only a head start, not retried: a validator that cannot start fails again, and is
                // reported as such, on the first real query.
            }
        }
    }

    /** True for the statements {@link #validate} reads; others get {@link QueryFacts#NOT_A_QUERY}. */
    public static boolean isQuery(Statement ast) {
        return ast instanceof Select || ast instanceof Update || ast instanceof Delete;
    }

    public static QueryFacts validate(ScriptStatement statement, Statement ast, Dialect dialect,
                                      SchemaTimeline timeline) {
        if (!isQuery(ast)) {
            return QueryFacts.NOT_A_QUERY;
        }
        CalciteSql.Result respelled = CalciteSql.of(statement.sql(), statement.range().start(),
                statement.significantTokens(), dialect);
        if (respelled.sql() == null) {
            return QueryFacts.skipped(respelled.skipReason());
        }
        QueryFacts facts = CalciteValidation.validate(respelled.sql(), timeline.current(), dialect);
        if (facts.unknownNames().isEmpty()) {
            return facts;
        }
        List<UnknownName> kept = new ArrayList<>();
        for (UnknownName u : facts.unknownNames()) {
            String lower = u.name().toLowerCase(Locale.ROOT);
            if (u.kind() == UnknownName.Kind.COLUMN && (NILADIC.contains(lower)
                    || dialect != Dialect.MYSQL && PG_SYSTEM_COLUMNS.contains(lower))) {
                return QueryFacts.skipped("a function called without parentheses, or a system column");
            }
            UnknownName known = withHistory(u, ast, dialect, timeline);
            if (known.kind() == UnknownName.Kind.TABLE && known.gone() == null) {
                // Only a relation the history shows going is missing (CalciteCatalog); a name Calcite
                // could not place otherwise, such as a schema the migrations never made, is not.
                return QueryFacts.skipped("a relation or schema not in view");
            }
            kept.add(known);
        }
        return new QueryFacts(true, null, kept, facts.predicateColumns(), facts.typeMismatches());
    }

    private static UnknownName withHistory(UnknownName u, Statement ast, Dialect dialect, SchemaTimeline timeline) {
        Optional<UnknownName.Gone> gone;
        if (u.kind() == UnknownName.Kind.TABLE) {
            gone = timeline.table(ObjectName.parse(u.name(), dialect));
        } else {
            List<ObjectName> tables = new ArrayList<>();
            for (String t : new TablesNamesFinder<Void>().getTables(ast)) {
                tables.add(ObjectName.parse(t, dialect));
            }
            gone = timeline.column(u.name(), tables);
        }
        return gone.map(g -> new UnknownName(u.kind(), u.name(), u.table(), u.range(), g)).orElse(u);
    }
}
