package dev.migralint.core.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.query.PredicateColumn.Clause;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.source.TextRange;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Parses a respelled statement with Calcite and validates it against the replayed schema. Every
 * Calcite class the project uses is reached from here, and this class is only loaded when a query
 * is validated: a run without queries never loads Calcite.
 */
final class CalciteValidation {
    private static final Pattern COLUMN_IN_ANY = Pattern.compile("Column '(.+)' not found in any table");
    private static final Pattern COLUMN_IN_TABLE = Pattern.compile("Column '(.+)' not found in table '(.+)'");
    private static final Pattern OBJECT = Pattern.compile("(?:Object|Table) '(.+?)' not found(?: within '(.+)')?");

    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
                    EnumSet.of(SqlLibrary.POSTGRESQL, SqlLibrary.MYSQL)));
    private static final String DEFAULT_SCHEMA = "migralint";
    private static final CalciteConnectionConfigImpl CONNECTION = connectionConfig();
    private static final SqlParser.Config PARSER = parserConfig(Quoting.DOUBLE_QUOTE);
    private static final SqlParser.Config MYSQL_PARSER = parserConfig(Quoting.BACK_TICK);
    private static final SqlValidator.Config VALIDATOR = SqlValidator.Config.DEFAULT
            .withLenientOperatorLookup(true)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierExpansion(false)
            .withCallRewrite(false);

    /**
     * The replayed schema as Calcite's catalog, kept while a thread validates queries against the same
     * schema (most queries follow others with no DDL between them): building it per query, and the
     * row types of the tables it hands out, was a tenth of Calcite's time on the regression suite.
     */
    private record Catalog(Schema schema, SqlTypeFactoryImpl types, CalciteCatalogReader reader) {
        /** Soft, so that a thread of a long-lived JVM (a Maven daemon) does not keep a schema forever. */
        private static final ThreadLocal<SoftReference<Catalog>> LAST = new ThreadLocal<>();

        static Catalog of(Schema schema) {
            SoftReference<Catalog> ref = LAST.get();
            Catalog last = ref == null ? null : ref.get();
            if (last != null && last.schema() == schema) {
                return last;
            }
            SqlTypeFactoryImpl types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
            // Calcite looks a root schema's tables up only among those added to it, so the catalog is the
            // default schema under the root, where lookups reach it for every name.
            CalciteSchema root = CalciteSchema.createRootSchema(false, false);
            root.add(DEFAULT_SCHEMA, new CalciteCatalog(schema));
            Catalog made = new Catalog(schema, types,
                    new CalciteCatalogReader(root, List.of(DEFAULT_SCHEMA), types, CONNECTION));
            LAST.set(new SoftReference<>(made));
            return made;
        }
    }

    private CalciteValidation() {
    }

    /**
     * Initialises this class (the operator tables) and Calcite's parser and validator classes without
     * parsing anything: only work the first query would do anyway, so it costs nothing twice.
     */
    static void load() throws ClassNotFoundException {
        ClassLoader loader = CalciteValidation.class.getClassLoader();
        Class.forName(QuietCalciteParser.class.getName(), true, loader);
        Class.forName(SqlValidatorImpl.class.getName(), true, loader);
    }

    private static SqlParser.Config parserConfig(Quoting quoting) {
        return SqlParser.config()
                .withQuoting(quoting)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(SqlConformanceEnum.LENIENT)
                .withParserFactory(QuietCalciteParser.FACTORY);
    }

    private static CalciteConnectionConfigImpl connectionConfig() {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        return new CalciteConnectionConfigImpl(p);
    }

    static QueryFacts validate(CalciteSql sql, Schema schema, Dialect dialect) {
        SqlNode parsed;
        try {
            parsed = SqlParser.create(sql.text(), dialect == Dialect.MYSQL ? MYSQL_PARSER : PARSER).parseStmt();
        } catch (SqlParseException | RuntimeException e) {
            return QueryFacts.skipped("Calcite cannot parse it");
        }
        Catalog catalog = Catalog.of(schema);
        SqlValidator validator = SqlValidatorUtil.newValidator(OPERATORS, catalog.reader(), catalog.types(), VALIDATOR);
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            return unknown(e, sql);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            // The validator has gaps of its own (an assertion on an odd tree): the statement is skipped, counted.
            return QueryFacts.skipped("Calcite failed on it: " + e.getClass().getSimpleName());
        }
        List<PredicateColumn> columns = new ArrayList<>();
        List<TypeMismatch> mismatches = new ArrayList<>();
        try {
            new PredicateWalk(validator, sql, columns).query(validated);
            if (dialect == Dialect.POSTGRESQL) {
                new PostgresTypeCheck(validator, sql, mismatches).query(validated);
            }
        } catch (RuntimeException e) {
            // A validated tree of a shape the walks do not expect must not end the run: skipped, counted.
            return QueryFacts.skipped("the validated query has a shape migralint does not read: "
                    + e.getClass().getSimpleName());
        }
        return new QueryFacts(true, null, List.of(), columns, mismatches);
    }

    private static QueryFacts unknown(CalciteContextException e, CalciteSql sql) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        // Calcite gives an error on a node it made up no position (line 0): the whole statement then.
        TextRange range = e.getPosLine() < 1 || e.getPosColumn() < 1
                ? new TextRange(sql.offset(), sql.offset() + sql.original().length())
                : new TextRange(sql.offsetOf(e.getPosLine(), e.getPosColumn()),
                        sql.offsetOf(e.getEndPosLine(), e.getEndPosColumn()) + 1);
        Matcher m = COLUMN_IN_TABLE.matcher(message);
        if (m.matches()) {
            return found(new UnknownName(UnknownName.Kind.COLUMN, m.group(1), m.group(2), range, null));
        }
        m = COLUMN_IN_ANY.matcher(message);
        if (m.matches()) {
            return found(new UnknownName(UnknownName.Kind.COLUMN, m.group(1), null, range, null));
        }
        m = OBJECT.matcher(message);
        if (m.matches()) {
            return found(new UnknownName(UnknownName.Kind.TABLE, m.group(1), null, range, null));
        }
        return QueryFacts.skipped("Calcite rejects it: " + message);
    }

    private static QueryFacts found(UnknownName name) {
        return new QueryFacts(true, null, List.of(name), List.of(), List.of());
    }

    /** Collects the table columns each SELECT's WHERE, JOIN conditions and ORDER BY read. */
    private record PredicateWalk(SqlValidator validator, CalciteSql sql, List<PredicateColumn> out) {
        void query(SqlNode node) {
            if (node == null) {
                return;
            }
            if (node instanceof SqlSelect select) {
                select(select);
                return;
            }
            if (node instanceof SqlCall call) {
                for (SqlNode operand : call.getOperandList()) {
                    query(operand);
                }
            } else if (node instanceof SqlNodeList list) {
                list.forEach(this::query);
            }
        }

        private void select(SqlSelect select) {
            query(select.getSelectList());
            from(select.getFrom());
            if (select.getWhere() != null) {
                expression(select.getWhere(), validator.getWhereScope(select), Clause.WHERE, null);
            }
            if (select.getOrderList() != null) {
                SqlValidatorScope scope = validator.getOrderScope(select);
                for (SqlNode n : select.getOrderList()) {
                    expression(n, scope, Clause.ORDER_BY, null);
                }
            }
            query(select.getHaving());
        }

        private void from(SqlNode from) {
            if (from instanceof SqlJoin join) {
                from(join.getLeft());
                from(join.getRight());
                if (join.getCondition() != null) {
                    expression(join.getCondition(), validator.getJoinScope(join), Clause.JOIN, null);
                }
            } else {
                query(from);
            }
        }

        private void expression(SqlNode node, SqlValidatorScope scope, Clause clause, SqlCall wrapper) {
            if (node instanceof SqlSelect || node == null || scope == null) {
                query(node);
                return;
            }
            if (node instanceof SqlIdentifier id && !id.isStar()) {
                column(id, scope, clause, wrapper);
            } else if (node instanceof SqlCall call) {
                boolean wraps = call.getOperator() instanceof SqlFunction || call.getKind() == SqlKind.CAST;
                for (SqlNode operand : call.getOperandList()) {
                    expression(operand, scope, clause, wraps ? call : null);
                }
            } else if (node instanceof SqlNodeList list) {
                list.forEach(n -> expression(n, scope, clause, null));
            }
        }

        private void column(SqlIdentifier id, SqlValidatorScope scope, Clause clause, SqlCall wrapper) {
            ResolvedColumn resolved = ResolvedColumn.of(id, scope);
            if (resolved == null) {
                return;
            }
            String column = resolved.column().name();
            TextRange range = range(id.getParserPosition());
            TextRange wrapperRange = null;
            if (wrapper != null) {
                wrapperRange = range(wrapper.getParserPosition());
            } else if (sql.castsByColumnEnd().containsKey(range.end())) {
                wrapperRange = sql.castsByColumnEnd().get(range.end());
            }
            String wrapperText = wrapperRange == null ? null
                    : sql.original().substring(wrapperRange.start() - sql.offset(), wrapperRange.end() - sql.offset()).strip();
            out.add(new PredicateColumn(resolved.table(), column, clause, range, wrapperText, wrapperRange));
        }

        private TextRange range(SqlParserPos pos) {
            return new TextRange(sql.offsetOf(pos.getLineNum(), pos.getColumnNum()),
                    sql.offsetOf(pos.getEndLineNum(), pos.getEndColumnNum()) + 1);
        }
    }
}
