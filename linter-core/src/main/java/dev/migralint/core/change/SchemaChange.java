package dev.migralint.core.change;

import dev.migralint.core.source.TextRange;
import java.util.List;
import java.util.Set;

/**
 * What a statement does to the schema or the session, independent of dialect. Each change carries
 * the range of its own clause, so findings point at the clause rather than the whole statement; an
 * ALTER TABLE with three actions gives three changes. Names are normalized ({@link ObjectName});
 * column names are normalized identifiers. {@link Opaque} stands for statements with no modelled
 * effect.
 */
public sealed interface SchemaChange {
    TextRange range();

    /** Calls the visitor's method for this change's type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change, so that a new kind does not compile until replay and the engine
     * decide what it means for them (a visitor may still decide: nothing).
     */
    interface Visitor<R> {
        R visit(CreateTable change);

        R visit(DropTable change);

        R visit(RenameTable change);

        R visit(AddColumn change);

        R visit(DropColumn change);

        R visit(RenameColumn change);

        R visit(AlterColumnType change);

        R visit(SetNotNull change);

        R visit(DropNotNull change);

        R visit(SetDefault change);

        R visit(CommentOnColumn change);

        R visit(DropDefault change);

        R visit(AddConstraint change);

        R visit(DropConstraint change);

        R visit(RenameConstraint change);

        R visit(ValidateConstraint change);

        R visit(SetRowLevelSecurity change);

        R visit(AttachPartition change);

        R visit(CreateIndex change);

        R visit(DropIndex change);

        R visit(RenameIndex change);

        R visit(CreateEnum change);

        R visit(AlterEnum change);

        R visit(DropType change);

        R visit(CreateView change);

        R visit(DropView change);

        R visit(CreateSchema change);

        R visit(DropSchema change);

        R visit(Transaction change);

        R visit(SetSetting change);

        R visit(DataChange change);

        R visit(Truncate change);

        R visit(LockTable change);

        R visit(Reindex change);

        R visit(RewriteTable change);

        R visit(AddDomainConstraint change);

        R visit(CreateSequence change);

        R visit(ProceduralDdl change);

        R visit(Opaque change);
    }

    /**
     * CREATE TABLE. {@code constraints} holds table-level constraints and the columns' inline ones
     * (an inline constraint lists its one column) in the order written. {@code sources} says where
     * columns come from besides {@code columns}: LIKE, INHERITS, PARTITION OF, OF type or AS query; when
     * it is not empty, {@code columns} may not be all the table's columns.
     */
    record CreateTable(ObjectName table, List<ColumnDef> columns, List<Constraint> constraints,
                       boolean ifNotExists, boolean temporary, List<TableSource> sources, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            sources = List.copyOf(sources);
        }

        public CreateTable(ObjectName table, List<ColumnDef> columns, boolean ifNotExists, boolean temporary,
                           TextRange range) {
            this(table, columns, List.of(), ifNotExists, temporary, List.of(), range);
        }
    }

    enum SourceKind { LIKE, INHERITS, PARTITION_OF, OF_TYPE, AS_QUERY }

    /**
     * Where a created table takes columns from. {@code table} is null for AS_QUERY; {@code including}
     * holds LIKE's INCLUDING options lower-case ("all", "defaults", "indexes", ...), and "all" for
     * MySQL's CREATE TABLE a LIKE b, which copies everything.
     */
    record TableSource(SourceKind kind, ObjectName table, Set<String> including) {
        public TableSource {
            including = Set.copyOf(including);
        }
    }

    record DropTable(List<ObjectName> tables, boolean ifExists, boolean cascade, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropTable {
            tables = List.copyOf(tables);
        }
    }

    /**
     * ALTER TABLE a RENAME TO b, MySQL's RENAME TABLE a TO b (one change per pair), or ALTER TABLE a
     * SET SCHEMA s. {@code newName} has a schema only when the table moves to another schema.
     */
    record RenameTable(ObjectName table, ObjectName newName, boolean ifExists, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** ADD COLUMN; {@code constraints} are the column's inline constraints other than NOT NULL and DEFAULT. */
    record AddColumn(ObjectName table, ColumnDef column, boolean ifNotExists, List<Constraint> constraints,
                     TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public AddColumn {
            constraints = List.copyOf(constraints);
        }

        public AddColumn(ObjectName table, ColumnDef column, boolean ifNotExists, TextRange range) {
            this(table, column, ifNotExists, List.of(), range);
        }
    }

    /**
     * {@code only}: ALTER TABLE ONLY, which leaves inheritance children their column. {@code spelling} is
     * the column as written where {@code column} folded its case (MySQL), or null: what messages print
     * when the history does not show the column's definition.
     */
    record DropColumn(ObjectName table, String column, boolean ifExists, boolean cascade, boolean only,
                      TextRange range, String spelling) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropColumn {
            spelling = spelling != null && spelling.equals(column) ? null : spelling;
        }

        public DropColumn(ObjectName table, String column, boolean ifExists, boolean cascade, boolean only,
                          TextRange range) {
            this(table, column, ifExists, cascade, only, range, null);
        }

        public DropColumn(ObjectName table, String column, boolean ifExists, TextRange range) {
            this(table, column, ifExists, false, false, range);
        }
    }

    /**
     * RENAME COLUMN a TO b, and the renaming part of MySQL's CHANGE COLUMN a b ....; {@code newSpelling}
     * is b as written where {@code newName} folded its case (MySQL, see {@link ColumnDef#spelling()}), or null.
     */
    record RenameColumn(ObjectName table, String column, String newName, TextRange range, String newSpelling)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public RenameColumn {
            newSpelling = newSpelling != null && newSpelling.equals(newName) ? null : newSpelling;
        }

        public RenameColumn(ObjectName table, String column, String newName, TextRange range) {
            this(table, column, newName, range, null);
        }

        /** The new name as messages print it: as written. */
        public String newDisplayName() {
            return newSpelling == null ? newName : newSpelling;
        }
    }

    /**
     * ALTER COLUMN c [SET DATA] TYPE t [USING expr]; {@code using} is the USING text or null. MySQL's
     * MODIFY and CHANGE redefine the whole column: {@code redefinition} then holds the new definition
     * (its nullability and default replace the old ones), else it is null. {@code type} is the new
     * type as written and {@code typeRange} its span in the source (null when not known).
     */
    record AlterColumnType(ObjectName table, String column, DataType type, String using, ColumnDef redefinition,
                           TextRange range, TextRange typeRange) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public AlterColumnType(ObjectName table, String column, DataType type, String using, ColumnDef redefinition,
                               TextRange range) {
            this(table, column, type, using, redefinition, range,
                    redefinition == null ? null : redefinition.typeRange());
        }

        /**
         * The column as the retype leaves it, for type rules: MySQL's redefinition, or for PostgreSQL's
         * TYPE clause a definition holding only the name and the new type (its range the clause).
         */
        public ColumnDef newDefinition() {
            if (redefinition != null) {
                return redefinition;
            }
            return new ColumnDef(column, type, false, false, null, range, typeRange == null ? range : typeRange);
        }
    }

    /** PostgreSQL: ALTER TABLE t ENABLE (enabled) or DISABLE ROW LEVEL SECURITY. */
    record SetRowLevelSecurity(ObjectName table, boolean enabled, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * PostgreSQL: ALTER TABLE parent ATTACH PARTITION child (attached) or DETACH PARTITION child
     * [CONCURRENTLY | FINALIZE]: the child takes, or gives back, the parent's keys and indexes.
     * {@code partitionName} is where the child's name is written (a fix inserts after it).
     */
    record AttachPartition(ObjectName table, ObjectName partition, boolean attached, boolean concurrently,
                           boolean finalizing, TextRange range, TextRange partitionName) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record SetNotNull(ObjectName table, String column, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    record DropNotNull(ObjectName table, String column, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** ALTER COLUMN c SET DEFAULT expression; {@code expression} as written. */
    record SetDefault(ObjectName table, String column, String expression, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** PostgreSQL's COMMENT ON COLUMN; {@code comment} null for IS NULL, which removes it. */
    record CommentOnColumn(ObjectName table, String column, String comment, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    record DropDefault(ObjectName table, String column, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** ADD [CONSTRAINT name] ...; NOT VALID and USING INDEX are on the constraint. */
    record AddConstraint(ObjectName table, Constraint constraint, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    enum ConstraintKind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION }

    /**
     * DROP CONSTRAINT name (PostgreSQL: {@code kind} null, any kind), or MySQL's DROP PRIMARY KEY
     * ({@code name} null), DROP FOREIGN KEY name, DROP CHECK name.
     */
    record DropConstraint(ObjectName table, String name, ConstraintKind kind, boolean ifExists, boolean cascade,
                          TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** ALTER TABLE t RENAME CONSTRAINT a TO b (a primary key's or unique constraint's index is renamed too). */
    record RenameConstraint(ObjectName table, String name, String newName, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    record ValidateConstraint(ObjectName table, String name, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /**
     * CREATE [UNIQUE] INDEX [CONCURRENTLY]; {@code name} null when unnamed; {@code method} lower-case
     * ("btree" when not given); {@code where} the partial-index predicate text or null;
     * {@code include} the INCLUDE columns. {@code indexKeyword} is where the INDEX keyword of a CREATE
     * INDEX statement stands (CONCURRENTLY goes right after it), null for indexes other statements
     * define. {@code nullsNotDistinct}: PostgreSQL 15's NULLS NOT DISTINCT on a unique index.
     */
    record CreateIndex(ObjectName name, ObjectName table, List<IndexColumn> columns, boolean unique,
                       boolean concurrently, boolean ifNotExists, String method, String where,
                       List<String> include, TextRange range, TextRange indexKeyword, boolean nullsNotDistinct)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public CreateIndex {
            columns = List.copyOf(columns);
            include = List.copyOf(include);
        }

        public CreateIndex(ObjectName name, ObjectName table, List<IndexColumn> columns, boolean unique,
                           boolean concurrently, boolean ifNotExists, String method, String where,
                           List<String> include, TextRange range, TextRange indexKeyword) {
            this(name, table, columns, unique, concurrently, ifNotExists, method, where, include, range, indexKeyword,
                    false);
        }

        public CreateIndex(ObjectName name, ObjectName table, List<IndexColumn> columns, boolean unique,
                           boolean concurrently, boolean ifNotExists, String method, String where,
                           List<String> include, TextRange range) {
            this(name, table, columns, unique, concurrently, ifNotExists, method, where, include, range, null);
        }

        public CreateIndex(ObjectName name, ObjectName table, List<IndexColumn> columns, boolean unique,
                           boolean concurrently, boolean ifNotExists, String method, String where, TextRange range) {
            this(name, table, columns, unique, concurrently, ifNotExists, method, where, List.of(), range);
        }
    }

    /**
     * DROP INDEX; {@code table} is MySQL's ON table (PostgreSQL index names are unique per schema).
     * {@code indexKeyword} is where the INDEX keyword of a DROP INDEX statement stands (CONCURRENTLY
     * goes right after it), null for MySQL's ALTER TABLE ... DROP INDEX.
     */
    record DropIndex(List<ObjectName> indexes, boolean concurrently, boolean ifExists, boolean cascade,
                     ObjectName table, TextRange range, TextRange indexKeyword) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropIndex {
            indexes = List.copyOf(indexes);
        }

        public DropIndex(List<ObjectName> indexes, boolean concurrently, boolean ifExists, boolean cascade,
                         ObjectName table, TextRange range) {
            this(indexes, concurrently, ifExists, cascade, table, range, null);
        }

        public DropIndex(List<ObjectName> indexes, boolean concurrently, boolean ifExists, ObjectName table,
                         TextRange range) {
            this(indexes, concurrently, ifExists, false, table, range);
        }
    }

    /**
     * ALTER INDEX [IF EXISTS] a RENAME TO b, or MySQL's ALTER TABLE t RENAME {INDEX|KEY} a TO b ({@code table} set);
     * {@code newSpelling} is b as MySQL keeps it, or null (see {@link ObjectName#spelling()}).
     */
    record RenameIndex(ObjectName index, ObjectName table, String newName, boolean ifExists, TextRange range,
                       String newSpelling) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public RenameIndex {
            newSpelling = newSpelling != null && newSpelling.equals(newName) ? null : newSpelling;
        }

        public RenameIndex(ObjectName index, ObjectName table, String newName, boolean ifExists, TextRange range) {
            this(index, table, newName, ifExists, range, null);
        }

        /** The new name as messages print it: as written. */
        public String newDisplayName() {
            return newSpelling == null ? newName : newSpelling;
        }
    }

    /** CREATE TYPE name AS ENUM (labels); labels unquoted. */
    record CreateEnum(ObjectName name, List<String> labels, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public CreateEnum {
            labels = List.copyOf(labels);
        }
    }

    enum EnumAction { ADD_VALUE, RENAME_VALUE }

    /**
     * ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [{BEFORE|AFTER} 'neighbor'], or RENAME VALUE 'v' TO
     * 'newValue'. Labels unquoted; {@code neighbor} null when ADD VALUE appends.
     */
    record AlterEnum(ObjectName type, EnumAction action, String value, String newValue, String neighbor,
                     boolean before, boolean ifNotExists, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    record DropType(List<ObjectName> types, boolean ifExists, boolean cascade, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropType {
            types = List.copyOf(types);
        }
    }

    /**
     * CREATE [OR REPLACE] [MATERIALIZED] VIEW; {@code referencedTables} are the names after FROM and
     * JOIN in its query (a best effort: what a DROP ... CASCADE would take with it).
     */
    record CreateView(ObjectName name, boolean orReplace, boolean materialized, boolean ifNotExists,
                      List<ObjectName> referencedTables, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public CreateView {
            referencedTables = List.copyOf(referencedTables);
        }
    }

    record DropView(List<ObjectName> views, boolean materialized, boolean ifExists, boolean cascade,
                    TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropView {
            views = List.copyOf(views);
        }
    }

    /** CREATE SCHEMA [IF NOT EXISTS] name (PostgreSQL; in MySQL a schema is a database). */
    record CreateSchema(String name, boolean ifNotExists, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    record DropSchema(List<String> names, boolean ifExists, boolean cascade, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public DropSchema {
            names = List.copyOf(names);
        }
    }

    enum TransactionKind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    record Transaction(TransactionKind kind, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /** SET / SET LOCAL / SET SESSION; {@code name} lower-case, {@code value} unquoted text. */
    record SetSetting(String name, String value, boolean local, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    enum DataChangeKind { INSERT, UPDATE, DELETE, MERGE }

    /** DML; {@code hasWhere} tells UPDATE/DELETE apart from whole-table ones. */
    record DataChange(DataChangeKind kind, ObjectName table, boolean hasWhere, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    record Truncate(List<ObjectName> tables, boolean cascade, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    record LockTable(List<ObjectName> tables, String mode, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    /**
     * PostgreSQL: ALTER DOMAIN domain ADD [CONSTRAINT name] CHECK (...) [NOT VALID]. Without NOT VALID
     * every column of the domain, in every table, is checked. Replay does not model domains.
     */
    record AddDomainConstraint(ObjectName domain, String name, boolean notValid, TextRange range)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * PostgreSQL's VACUUM FULL or CLUSTER ({@code command}, upper-case): rebuilds each table in
     * {@code tables} (empty: every table of the database, or every table clustered before) under an
     * ACCESS EXCLUSIVE lock. Replay models nothing of it.
     */
    record RewriteTable(String command, List<ObjectName> tables, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public RewriteTable {
            tables = List.copyOf(tables);
        }
    }

    /**
     * REINDEX {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name: rebuilds indexes in
     * place, which changes nothing replay models. {@code target} upper-case; {@code name} null where
     * PostgreSQL lets it be left out (DATABASE, SYSTEM); {@code targetKeyword} where the target kind
     * stands (CONCURRENTLY goes right after it).
     */
    record Reindex(String target, ObjectName name, boolean concurrently, TextRange range, TextRange targetKeyword)
            implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public Reindex(String target, ObjectName name, boolean concurrently, TextRange range) {
            this(target, name, concurrently, range, null);
        }
    }

    /** CREATE [TEMPORARY | UNLOGGED] SEQUENCE [IF NOT EXISTS] name; sequences are not modelled, their options not read. */
    record CreateSequence(ObjectName name, boolean ifNotExists, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }

    /**
     * DDL found in the body of a PostgreSQL DO block (an anonymous PL/pgSQL block). Such DDL often runs
     * only under a condition ("IF NOT EXISTS (SELECT ... FROM pg_constraint ...) THEN ALTER TABLE ..."),
     * so replay applies each change that can be applied and reports nothing about the others.
     * Dynamic SQL (EXECUTE '...') is not read.
     */
    record ProceduralDdl(List<SchemaChange> changes, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public ProceduralDdl {
            changes = List.copyOf(changes);
        }
    }

    /** A statement whose effect is not modelled (yet); {@code what} names it for debugging. */
    record Opaque(String what, TextRange range) implements SchemaChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

    }
}
