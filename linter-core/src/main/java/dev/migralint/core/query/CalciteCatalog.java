package dev.migralint.core.query;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.DynamicRecordTypeImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The replayed {@link Schema} as Calcite's catalog. A table whose every column replay knows and whose
 * history is in view has exactly those columns; anything else a query may name (a view, a table made
 * from something replay cannot see into, a table or schema the migrations never showed, a catalog
 * table) accepts every column, so the validator never calls a name unknown that the database may
 * have. Only a relation the history shows and no longer has is missing. Column types are all ANY:
 * names are what is checked, and replayed types would only give the validator grounds to stop early.
 */
final class CalciteCatalog extends AbstractSchema {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_temp", "pg_toast");
    private final Schema schema;
    /** Null at the root (unqualified names resolve as the database resolves them); else the schema named. */
    private final String schemaName;
    /**
     * The tables handed out, each with its row type: a catalog serves one thread's queries for as
     * long as they stand on the same schema (CalciteValidation), so a table is not described again.
     */
    private final Map<Table, KnownTable> known = new IdentityHashMap<>();

    CalciteCatalog(Schema schema) {
        this(schema, null);
    }

    private CalciteCatalog(Schema schema, String schemaName) {
        this.schema = schema;
        this.schemaName = schemaName;
    }

    /** The replayed table behind a Calcite table, or null when it accepts every column. */
    static final class KnownTable extends AbstractTable {
        final Table table;

        KnownTable(Table table) {
            this.table = table;
        }

        private RelDataTypeFactory madeBy;
        private RelDataType rowType;

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            if (factory != madeBy) {
                RelDataTypeFactory.Builder b = factory.builder();
                RelDataType any = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true);
                for (Column c : table.columns()) {
                    b.add(c.name(), any);
                }
                rowType = b.build();
                madeBy = factory;
            }
            return rowType;
        }
    }

    /** A relation whose columns are not all known: every column name resolves. */
    static final class OpenTable extends AbstractTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            return new DynamicRecordTypeImpl(factory);
        }
    }

    @Override
    public Lookup<org.apache.calcite.schema.Table> tables() {
        return new Lookup<>() {
            @Override
            public org.apache.calcite.schema.Table get(String name) {
                return table(name);
            }

            @Override
            public Named<org.apache.calcite.schema.Table> getIgnoreCase(String name) {
                org.apache.calcite.schema.Table t = table(name);
                return t == null ? null : new Named<>(name, t);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return Set.of();
            }
        };
    }

    @Override
    public Lookup<? extends org.apache.calcite.schema.Schema> subSchemas() {
        if (schemaName != null) {
            return Lookup.empty(); // three-part names (database.schema.table) are read as unknown
        }
        return new Lookup<CalciteCatalog>() {
            @Override
            public CalciteCatalog get(String name) {
                return isSchema(name) ? new CalciteCatalog(schema, name) : null;
            }

            @Override
            public Named<CalciteCatalog> getIgnoreCase(String name) {
                CalciteCatalog c = get(name);
                return c == null ? null : new Named<>(name, c);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return Set.of();
            }
        };
    }

    /**
     * Calcite tries a name as a schema before it tries it as a table, so only names that are schemas
     * are: PostgreSQL's that the migrations created or the database always has, and in MySQL any name
     * that is not a table (a database).
     */
    private boolean isSchema(String written) {
        String name = written.toLowerCase(Locale.ROOT);
        if (schema.dialect() == Dialect.MYSQL) {
            return schema.relation(ObjectName.of(name)).isEmpty() && schema.view(ObjectName.of(name)).isEmpty();
        }
        return schema.schemaNames().contains(name) || schema.schemaNames().contains(written) || SYSTEM_SCHEMAS.contains(name);
    }

    private org.apache.calcite.schema.Table table(String written) {
        for (String name : spellings(written)) {
            ObjectName key = schemaName == null || schema.dialect() == Dialect.MYSQL
                    ? ObjectName.of(name) : new ObjectName(spellings(schemaName)[0], name);
            Optional<Table> t = schema.relation(key);
            if (t.isPresent()) {
                return schema.columnsCertain(t.get()) ? known.computeIfAbsent(t.get(), KnownTable::new) : new OpenTable();
            }
            if (schema.view(key).isPresent()) {
                return new OpenTable();
            }
        }
        for (String name : spellings(written)) {
            ObjectName key = schemaName == null || schema.dialect() == Dialect.MYSQL
                    ? ObjectName.of(name) : new ObjectName(spellings(schemaName)[0], name);
            if (schema.historyInView(key)) {
                return null; // the migrations made it and it is gone
            }
        }
        return new OpenTable();
    }

    /** Unquoted names fold to lower case in PostgreSQL (and compare so in MySQL); quoted ones keep theirs. */
    private static String[] spellings(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(name) ? new String[] {name} : new String[] {lower, name};
    }
}
