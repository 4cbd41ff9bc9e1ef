package dev.migralint.core.change;

import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * A table constraint as a statement declares it, inline on a column or at table level. Column names
 * are normalized identifiers. {@code name} is null when the SQL gives none (the database then makes
 * one up; schema replay does the same). {@code notValid} is PostgreSQL's NOT VALID (existing rows are
 * not checked); {@code usingIndex} names the existing index an ADD ... USING INDEX promotes, else null.
 * {@code range} covers the constraint's own text.
 */
public sealed interface Constraint {
    String name();

    boolean notValid();

    ObjectName usingIndex();

    TextRange range();

    /**
     * PRIMARY KEY; {@code columns} empty with {@code usingIndex} set (the index's columns are meant).
     * {@code include} lists INCLUDE columns.
     */
    record PrimaryKey(String name, List<String> columns, List<String> include, ObjectName usingIndex,
                      TextRange range) implements Constraint {
        public PrimaryKey {
            columns = List.copyOf(columns);
            include = List.copyOf(include);
        }

        @Override
        public boolean notValid() {
            return false;
        }
    }

    /** UNIQUE; {@code nullsNotDistinct} is PostgreSQL 15's UNIQUE NULLS NOT DISTINCT. */
    record Unique(String name, List<String> columns, List<String> include, boolean nullsNotDistinct,
                  ObjectName usingIndex, TextRange range) implements Constraint {
        public Unique {
            columns = List.copyOf(columns);
            include = List.copyOf(include);
        }

        @Override
        public boolean notValid() {
            return false;
        }
    }

    /**
     * FOREIGN KEY (columns) REFERENCES refTable [(refColumns)]: {@code refColumns} empty when the SQL
     * names none (the referenced table's primary key is meant). {@code onDelete} / {@code onUpdate}
     * are the actions upper-case ("CASCADE", "SET NULL", ...) or null when not given (NO ACTION).
     * {@code indexName} is MySQL's optional index name after FOREIGN KEY, else null.
     */
    record ForeignKey(String name, List<String> columns, ObjectName refTable, List<String> refColumns,
                      String onDelete, String onUpdate, boolean notValid, String indexName, TextRange range)
            implements Constraint {
        public ForeignKey {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }

        @Override
        public ObjectName usingIndex() {
            return null;
        }
    }

    /**
     * CHECK (expression); {@code expression} in canonical token form (see the translator), without the
     * outer parentheses. {@code enforced} is false for MySQL's NOT ENFORCED.
     */
    record Check(String name, String expression, boolean notValid, boolean noInherit, boolean enforced,
                 TextRange range) implements Constraint {
        @Override
        public ObjectName usingIndex() {
            return null;
        }
    }

    /**
     * PostgreSQL's EXCLUDE [USING method] (element WITH operator, ...) [WHERE (predicate)]: one key and
     * one operator per element; {@code method} lower-case, "btree" when not given.
     */
    record Exclusion(String name, String method, List<IndexColumn> keys, List<String> operators, String where,
                     TextRange range) implements Constraint {
        public Exclusion {
            keys = List.copyOf(keys);
            operators = List.copyOf(operators);
        }

        @Override
        public boolean notValid() {
            return false;
        }

        @Override
        public ObjectName usingIndex() {
            return null;
        }
    }
}
