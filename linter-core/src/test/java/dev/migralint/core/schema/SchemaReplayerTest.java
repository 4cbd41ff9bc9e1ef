package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.diag.Location;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import dev.migralint.core.schema.TableConstraint.ForeignKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL replay semantics, each checked against what PostgreSQL 15 does. */
class SchemaReplayerTest {

    @Test
    void createTableWithColumnsKeysAndGeneratedNames() {
        Replayed r = Replayed.pg("""
                CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, age int CHECK (age > 0),
                    org_id int, CHECK (age < 200 AND org_id > 0));
                CREATE TABLE orgs (id int PRIMARY KEY);
                ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs;""");
        assertThat(r.notes()).isEmpty();
        Table users = r.table("users");
        assertThat(users.name()).isEqualTo(new ObjectName("public", "users"));
        assertThat(users.columns()).extracting(Column::name, c -> c.type().name(), Column::notNull).containsExactly(
                tuple("id", "bigint", true), tuple("email", "text", true), tuple("age", "integer", false),
                tuple("org_id", "integer", false));
        assertThat(users.columns().get(0).defaultExpression()).isEqualTo("nextval('users_id_seq'::regclass)");
        assertThat(users.primaryKey().name()).isEqualTo("users_pkey");
        assertThat(users.uniques()).extracting(TableConstraint::name).containsExactly("users_email_key");
        assertThat(users.checks()).extracting(TableConstraint::name).containsExactly("users_age_check", "users_check");
        assertThat(r.indexNames("users")).containsExactly("users_pkey", "users_email_key");
        assertThat(users.indexes()).extracting(Index::kind)
                .containsExactly(IndexKind.PRIMARY_KEY, IndexKind.UNIQUE_CONSTRAINT);
        ForeignKey fk = users.foreignKeys().get(0);
        assertThat(fk.name()).isEqualTo("users_org_id_fkey");
        assertThat(fk.refTable()).isEqualTo(new ObjectName("public", "orgs"));
        assertThat(fk.refColumns()).containsExactly("id");
        assertThat(fk.referencedIndex()).isEqualTo("orgs_pkey");
        assertThat(fk.onDelete()).isEqualTo("NO ACTION");
        assertThat(users.definedAt()).isInstanceOf(Location.Span.class);
    }

    @Test
    void objectsRememberWhereTheyWereDefined() {
        String sql = "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);";
        Replayed r = Replayed.pg(sql);
        Location.Span column = (Location.Span) r.table("t").columns().get(0).definedAt();
        assertThat(sql.substring(column.range().start(), column.range().end())).isEqualTo("a int");
        Location.Span index = (Location.Span) r.table("t").indexes().get(0).definedAt();
        assertThat(sql.substring(index.range().start(), index.range().end())).isEqualTo("CREATE INDEX t_a ON t (a)");
    }

    @Test
    void unnamedIndexesAreNamedAsPostgresNamesThem() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (a int, b int, email text, created_at timestamptz, data jsonb);
                CREATE INDEX ON t (a, b);
                CREATE INDEX ON t (a, b);
                CREATE UNIQUE INDEX ON t (lower(email));
                CREATE INDEX ON t ((a + b));
                CREATE INDEX ON t ((created_at::date), (data->>'x'));
                CREATE INDEX ON t (a) INCLUDE (b);
                CREATE INDEX ON t (a, a);""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.indexNames("t")).containsExactly("t_a_b_idx", "t_a_b_idx1", "t_lower_idx", "t_expr_idx",
                "t_created_at_expr_idx", "t_a_b_idx2", "t_a_a1_idx");
    }

    @Test
    void longGeneratedNamesAreTrimmedTo63Bytes() {
        String table = "a_table_with_a_rather_long_name_for_testing_purposes";
        Replayed r = Replayed.pg("CREATE TABLE " + table + " (some_quite_long_column_name int UNIQUE);");
        String name = r.table(table).uniques().get(0).name();
        assertThat(name).isEqualTo("a_table_with_a_rather_long_name_some_quite_long_column_name_key");
        assertThat(name.length()).isEqualTo(63);
    }

    @Test
    void redundantKeysInCreateTableAreDropped() {
        Replayed r = Replayed.pg("CREATE TABLE t (id int PRIMARY KEY UNIQUE, a int UNIQUE, CONSTRAINT named UNIQUE (a));");
        assertThat(r.indexNames("t")).containsExactly("t_pkey", "named");
        assertThat(r.table("t").uniques()).extracting(TableConstraint::name).containsExactly("named");
    }

    @Test
    void primaryKeyMakesItsColumnsNotNullAndStaysSoAfterItsDrop() {
        Replayed r = Replayed.pg("CREATE TABLE t (a int, b int); ALTER TABLE t ADD PRIMARY KEY (a, b);");
        assertThat(r.table("t").columns()).allMatch(Column::notNull);
        r = r.then("ALTER TABLE t DROP CONSTRAINT t_pkey;");
        assertThat(r.table("t").primaryKey()).isNull();
        assertThat(r.table("t").indexes()).isEmpty();
        assertThat(r.table("t").columns()).allMatch(Column::notNull);
        assertThat(r.then("ALTER TABLE t ALTER COLUMN a DROP NOT NULL;").table("t").column("a").orElseThrow().notNull())
                .isFalse();
    }

    @Test
    void addConstraintUsingIndexTakesOverAndRenamesTheIndex() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (id int, code text);
                CREATE UNIQUE INDEX t_id_idx ON t (id);
                CREATE UNIQUE INDEX t_code_idx ON t (code);
                ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_id_idx;
                ALTER TABLE t ADD UNIQUE USING INDEX t_code_idx;""");
        assertThat(r.notes()).isEmpty();
        Table t = r.table("t");
        assertThat(t.indexes()).extracting(Index::name, Index::kind).containsExactly(
                tuple("t_pk", IndexKind.PRIMARY_KEY), tuple("t_code_idx", IndexKind.UNIQUE_CONSTRAINT));
        assertThat(t.primaryKey().name()).isEqualTo("t_pk");
        assertThat(t.column("id").orElseThrow().notNull()).isTrue();
        assertThat(t.uniques()).extracting(TableConstraint::name).containsExactly("t_code_idx");
    }

    @Test
    void notValidAndValidate() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int, n int);
                ALTER TABLE c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;
                ALTER TABLE c ADD CONSTRAINT c_n_check CHECK (n > 0) NOT VALID;""");
        assertThat(r.table("c").foreignKeys().get(0).validated()).isFalse();
        assertThat(r.table("c").checks().get(0).validated()).isFalse();
        r = r.then("ALTER TABLE c VALIDATE CONSTRAINT c_p_fk; ALTER TABLE c VALIDATE CONSTRAINT c_n_check;");
        assertThat(r.table("c").foreignKeys().get(0).validated()).isTrue();
        assertThat(r.table("c").checks().get(0).validated()).isTrue();
    }

    @Test
    void foreignKeyNeedsAUniqueKeyOnTheReferencedColumns() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int, code text);
                CREATE TABLE c (p_id int REFERENCES p (code));
                CREATE TABLE d (p_id int REFERENCES p);""");
        assertThat(r.noteKinds()).containsExactly(Kind.INVALID, Kind.INVALID);
        assertThat(r.notes().get(0).message()).contains("no unique constraint matching given keys");
        assertThat(r.notes().get(1).message()).contains("no primary key");
        // PostgreSQL refuses the whole CREATE TABLE.
        assertThat(r.schema().table(ObjectName.of("c"))).isEmpty();
    }

    @Test
    void dropTableWithReferencingForeignKeysNeedsCascade() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (id int, p_id int REFERENCES p);
                CREATE VIEW v AS SELECT * FROM p;
                CREATE VIEW vv AS SELECT * FROM v;
                DROP TABLE p;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        assertThat(r.notes().get(0).message()).contains("constraint c_p_id_fkey on table public.c", "view public.v");
        assertThat(r.schema().table(ObjectName.of("p"))).isPresent();

        r = r.then("DROP TABLE p CASCADE;");
        assertThat(r.schema().table(ObjectName.of("p"))).isEmpty();
        assertThat(r.table("c").foreignKeys()).isEmpty();
        assertThat(r.schema().views()).isEmpty();
    }

    @Test
    void droppingTablesTogetherIgnoresForeignKeysBetweenThem() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int REFERENCES p);
                DROP TABLE c, p;
                DROP TABLE IF EXISTS gone;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.schema().tables()).isEmpty();
        assertThat(Replayed.pg("DROP TABLE gone;").noteKinds()).containsExactly(Kind.UNKNOWN_TABLE);
    }

    @Test
    void dropColumnTakesItsIndexesAndConstraints() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY, a int, b int, c int UNIQUE, CHECK (a > b));
                CREATE INDEX p_a_b ON p (a, b);
                CREATE INDEX p_lower ON p (lower(b::text));
                CREATE INDEX p_part ON p (c) WHERE b IS NULL;
                CREATE INDEX p_keep ON p (a);
                ALTER TABLE p DROP COLUMN b;""");
        assertThat(r.notes()).isEmpty();
        Table p = r.table("p");
        assertThat(r.columnNames("p")).containsExactly("id", "a", "c");
        assertThat(r.indexNames("p")).containsExactly("p_pkey", "p_c_key", "p_keep");
        assertThat(p.checks()).isEmpty();
    }

    @Test
    void dropColumnReferencedByAForeignKeyNeedsCascade() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int REFERENCES p);
                ALTER TABLE p DROP COLUMN id;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        assertThat(r.columnNames("p")).containsExactly("id");
        r = r.then("ALTER TABLE p DROP COLUMN id CASCADE;");
        assertThat(r.columnNames("p")).isEmpty();
        assertThat(r.table("p").primaryKey()).isNull();
        assertThat(r.table("c").foreignKeys()).isEmpty();
        // the referencing side drops its own key with the column, no CASCADE needed
        Replayed own = Replayed.pg("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES p);"
                + "ALTER TABLE c DROP COLUMN p_id;");
        assertThat(own.notes()).isEmpty();
        assertThat(own.table("c").foreignKeys()).isEmpty();
    }

    @Test
    void renameColumnReachesIndexesConstraintsAndForeignKeys() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY, email text);
                CREATE TABLE c (id int, p_id int REFERENCES p, CHECK (p_id > 0));
                CREATE INDEX p_email_lower ON p (lower(email)) WHERE email IS NOT NULL;
                ALTER TABLE p RENAME COLUMN id TO key;
                ALTER TABLE p RENAME email TO mail;
                ALTER TABLE c RENAME COLUMN p_id TO parent_id;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("p").primaryKey().columns()).containsExactly("key");
        assertThat(r.table("p").indexes()).extracting(Index::name).containsExactly("p_pkey", "p_email_lower");
        Index lower = r.table("p").index("p_email_lower").orElseThrow();
        assertThat(lower.keys()).containsExactly(new IndexColumn(null, "lower(mail)", false));
        assertThat(lower.predicate()).isEqualTo("mail is not null");
        ForeignKey fk = r.table("c").foreignKeys().get(0);
        assertThat(fk.columns()).containsExactly("parent_id");
        assertThat(fk.refColumns()).containsExactly("key");
        assertThat(fk.name()).isEqualTo("c_p_id_fkey");
        assertThat(r.table("c").checks().get(0).expression()).isEqualTo("parent_id > 0");
    }

    @Test
    void renameTableKeepsIndexNamesAndRetargetsForeignKeysAndViews() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int REFERENCES p);
                CREATE VIEW v AS SELECT id FROM p;
                ALTER TABLE p RENAME TO parent;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.schema().table(ObjectName.of("p"))).isEmpty();
        assertThat(r.indexNames("parent")).containsExactly("p_pkey");
        assertThat(r.schema().index(ObjectName.of("p_pkey")).orElseThrow().table()).isEqualTo(new ObjectName("public", "parent"));
        assertThat(r.table("c").foreignKeys().get(0).refTable()).isEqualTo(new ObjectName("public", "parent"));
        assertThat(r.schema().views().get(0).dependsOn()).containsExactly(new ObjectName("public", "parent"));
        r = r.then("DROP TABLE parent;");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
    }

    @Test
    void setSchemaMovesTheTableAndItsIndexes() {
        Replayed r = Replayed.pg("""
                CREATE SCHEMA archive;
                CREATE TABLE t (id int PRIMARY KEY);
                ALTER TABLE t SET SCHEMA archive;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.schema().table(ObjectName.of("t"))).isEmpty();
        assertThat(r.schema().table(new ObjectName("archive", "t"))).isPresent();
        assertThat(r.schema().index(new ObjectName("archive", "t_pkey"))).isPresent();
        assertThat(r.schema().index(ObjectName.of("t_pkey"))).isEmpty();
    }

    @Test
    void searchPathDecidesWhereNamesGoAndResolve() {
        Replayed r = Replayed.pg("""
                CREATE SCHEMA app;
                SET search_path TO app, public;
                CREATE TABLE t (id int);
                CREATE TABLE public.t (id int, other int);
                CREATE INDEX t_id ON t (id);
                SET search_path = public;
                ALTER TABLE t ADD COLUMN x int;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.schema().table(new ObjectName("app", "t")).orElseThrow().columns()).hasSize(1);
        assertThat(r.schema().table(new ObjectName("app", "t")).orElseThrow().indexes()).hasSize(1);
        assertThat(r.schema().table(new ObjectName("public", "t")).orElseThrow().columns()).hasSize(3);
        // A search_path whose first schema does not exist: objects go to the next one that does.
        Replayed skip = Replayed.pg("SET search_path TO \"$user\", missing, public; CREATE TABLE x (a int);");
        assertThat(skip.schema().table(new ObjectName("public", "x"))).isPresent();
    }

    @Test
    void temporaryTablesShadowPermanentOnes() {
        Replayed r = Replayed.pg("CREATE TABLE t (a int); CREATE TEMP TABLE t (b int); ALTER TABLE t ADD COLUMN c int;");
        assertThat(r.schema().table(new ObjectName("public", "t")).orElseThrow().columns()).hasSize(1);
        assertThat(r.schema().table(ObjectName.of("t")).orElseThrow().temporary()).isTrue();
        assertThat(r.columnNames("t")).containsExactly("b", "c");
    }

    @Test
    void ifExistsAndIfNotExistsAreSilent() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (a int);
                CREATE TABLE IF NOT EXISTS t (b int);
                ALTER TABLE t ADD COLUMN IF NOT EXISTS a int;
                ALTER TABLE t DROP COLUMN IF EXISTS zz;
                CREATE INDEX IF NOT EXISTS t_a ON t (a);
                CREATE INDEX IF NOT EXISTS t_a ON t (a);
                DROP INDEX IF EXISTS nope;
                ALTER TABLE t DROP CONSTRAINT IF EXISTS nope;
                ALTER TABLE IF EXISTS missing RENAME TO other;
                DROP VIEW IF EXISTS nv;
                DROP TYPE IF EXISTS nt;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.columnNames("t")).containsExactly("a");
        assertThat(r.indexNames("t")).containsExactly("t_a");
    }

    @Test
    void unknownNamesAndDuplicatesBecomeNotes() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (a int);
                CREATE TABLE t (a int);
                ALTER TABLE missing ADD COLUMN b int;
                ALTER TABLE t DROP COLUMN nope;
                ALTER TABLE t ADD COLUMN a int;
                CREATE INDEX i ON t (nope);
                DROP INDEX nope;
                ALTER TABLE t DROP CONSTRAINT nope;
                ALTER TYPE nope ADD VALUE 'x';
                UPDATE missing SET a = 1;""");
        assertThat(r.noteKinds()).containsExactly(Kind.ALREADY_EXISTS, Kind.UNKNOWN_TABLE, Kind.UNKNOWN_COLUMN,
                Kind.ALREADY_EXISTS, Kind.UNKNOWN_COLUMN, Kind.UNKNOWN_INDEX, Kind.UNKNOWN_CONSTRAINT, Kind.UNKNOWN_TYPE,
                Kind.UNKNOWN_TABLE);
        assertThat(r.notes().get(1).subject()).isEqualTo("missing");
        assertThat(r.columnNames("t")).containsExactly("a");
    }

    @Test
    void indexBehindAConstraintCannotBeDroppedButItsConstraintCan() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE);
                CREATE TABLE c (code text REFERENCES p (code));
                DROP INDEX p_pkey;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        r = r.then("ALTER TABLE p DROP CONSTRAINT p_code_key;");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS, Kind.HAS_DEPENDENTS);
        r = r.then("ALTER TABLE p DROP CONSTRAINT p_code_key CASCADE;");
        assertThat(r.indexNames("p")).containsExactly("p_pkey");
        assertThat(r.table("c").foreignKeys()).isEmpty();
    }

    @Test
    void uniqueIndexThatBacksAForeignKeyNeedsCascade() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (code text);
                CREATE UNIQUE INDEX p_code ON p (code);
                CREATE TABLE c (code text REFERENCES p (code));
                DROP INDEX p_code;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        r = r.then("DROP INDEX p_code CASCADE;");
        assertThat(r.table("p").indexes()).isEmpty();
        assertThat(r.table("c").foreignKeys()).isEmpty();
    }

    @Test
    void renameIndexAndConstraintKeepEachOtherInStep() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int REFERENCES p);
                ALTER INDEX p_pkey RENAME TO p_pk;""");
        assertThat(r.table("p").primaryKey().name()).isEqualTo("p_pk");
        assertThat(r.table("c").foreignKeys().get(0).referencedIndex()).isEqualTo("p_pk");
        r = r.then("ALTER TABLE p RENAME CONSTRAINT p_pk TO p_primary;");
        assertThat(r.indexNames("p")).containsExactly("p_primary");
        assertThat(r.table("c").foreignKeys().get(0).referencedIndex()).isEqualTo("p_primary");
        r = r.then("ALTER TABLE c RENAME CONSTRAINT c_p_id_fkey TO c_parent_fk;");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("c").foreignKeys().get(0).name()).isEqualTo("c_parent_fk");
    }

    @Test
    void alterColumnTypeDefaultsAndNullability() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int DEFAULT 1);
                ALTER TABLE t ALTER COLUMN a TYPE text, ALTER COLUMN a SET NOT NULL,
                    ALTER COLUMN b DROP DEFAULT, ALTER COLUMN b SET DEFAULT 2 + 2;
                ALTER TABLE t ALTER COLUMN id DROP NOT NULL;""");
        assertThat(r.noteKinds()).containsExactly(Kind.INVALID);
        assertThat(r.notes().get(0).message()).contains("is in a primary key");
        Column a = r.table("t").column("a").orElseThrow();
        assertThat(a.type().name()).isEqualTo("text");
        assertThat(a.notNull()).isTrue();
        assertThat(r.table("t").column("b").orElseThrow().defaultExpression()).isEqualTo("2 + 2");
    }

    @Test
    void enumsAddAndRenameValues() {
        Replayed r = Replayed.pg("""
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                ALTER TYPE mood ADD VALUE 'happy';
                ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
                ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
                ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
                ALTER TYPE mood ADD VALUE 'ok';""");
        assertThat(r.noteKinds()).containsExactly(Kind.ALREADY_EXISTS);
        assertThat(r.schema().enumType(ObjectName.of("mood")).orElseThrow().labels())
                .containsExactly("blue", "meh", "ok", "happy");
    }

    @Test
    void dropTypeWithColumnsNeedsCascadeWhichDropsThem() {
        Replayed r = Replayed.pg("""
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE TABLE t (id int, m mood, ms mood[]);
                DROP TYPE mood;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        r = r.then("DROP TYPE mood CASCADE;");
        assertThat(r.columnNames("t")).containsExactly("id");
        assertThat(r.schema().enums()).isEmpty();
    }

    @Test
    void materializedViewsHaveIndexesAndViewsCascade() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (id int);
                CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
                CREATE UNIQUE INDEX mv_id ON mv (id);
                CREATE VIEW v AS SELECT * FROM mv;
                CREATE OR REPLACE VIEW v AS SELECT * FROM mv;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.schema().materializedViews()).extracting(Table::name).containsExactly(new ObjectName("public", "mv"));
        assertThat(r.schema().tables()).extracting(Table::name).containsExactly(new ObjectName("public", "t"));
        assertThat(r.indexNames("mv")).containsExactly("mv_id");
        r = r.then("DROP TABLE t;");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        r = r.then("DROP TABLE t CASCADE;");
        assertThat(r.schema().materializedViews()).isEmpty();
        assertThat(r.schema().views()).isEmpty();
        assertThat(r.schema().indexes()).isEmpty();
    }

    @Test
    void dropSchemaCascadeDropsWhatIsInIt() {
        Replayed r = Replayed.pg("""
                CREATE SCHEMA app;
                CREATE TABLE app.p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int REFERENCES app.p);
                DROP SCHEMA app;""");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
        r = r.then("DROP SCHEMA app CASCADE;");
        assertThat(r.schema().tables()).extracting(Table::name).containsExactly(new ObjectName("public", "c"));
        assertThat(r.table("c").foreignKeys()).isEmpty();
        assertThat(r.schema().schemaNames()).containsExactly("public");
    }

    @Test
    void rollbackUndoesDdlInPostgres() {
        Replayed r = Replayed.pg("""
                CREATE TABLE keep (a int);
                BEGIN;
                CREATE TABLE gone (a int);
                SAVEPOINT s1;
                ALTER TABLE keep ADD COLUMN b int;
                ROLLBACK TO SAVEPOINT s1;
                ALTER TABLE keep ADD COLUMN c int;
                ROLLBACK;
                BEGIN;
                CREATE TABLE kept (a int);
                COMMIT;""");
        assertThat(r.schema().tables()).extracting(t -> t.name().name()).containsExactly("keep", "kept");
        assertThat(r.columnNames("keep")).containsExactly("a");
        Replayed savepoint = Replayed.pg("BEGIN; CREATE TABLE a (x int); SAVEPOINT s; ALTER TABLE a ADD y int;"
                + " ROLLBACK TO SAVEPOINT s; ALTER TABLE a ADD z int; COMMIT;");
        assertThat(savepoint.columnNames("a")).containsExactly("x", "z");
    }

    @Test
    void createTableLikeCopiesWhatItsOptionsAsk() {
        Replayed r = Replayed.pg("""
                CREATE TABLE src (id int PRIMARY KEY, a text NOT NULL DEFAULT 'x', CHECK (length(a) > 1));
                CREATE INDEX src_a ON src (a);
                CREATE TABLE bare (LIKE src);
                CREATE TABLE full_copy (LIKE src INCLUDING ALL, extra int);""");
        assertThat(r.notes()).isEmpty();
        Table bare = r.table("bare");
        assertThat(bare.columns()).extracting(Column::name, Column::notNull, Column::defaultExpression)
                .containsExactly(tuple("id", true, null), tuple("a", true, null));
        assertThat(bare.indexes()).isEmpty();
        assertThat(bare.checks()).isEmpty();
        Table copy = r.table("full_copy");
        assertThat(r.columnNames("full_copy")).containsExactly("id", "a", "extra");
        assertThat(copy.column("a").orElseThrow().defaultExpression()).isEqualTo("'x'");
        assertThat(copy.indexes()).extracting(Index::name).containsExactly("full_copy_pkey", "full_copy_a_idx");
        assertThat(copy.checks()).extracting(TableConstraint::name).containsExactly("src_a_check");
    }

    @Test
    void tablesWithUnknownColumnsDoNotReportColumns() {
        Replayed r = Replayed.pg("""
                CREATE TABLE copy AS SELECT * FROM somewhere;
                CREATE INDEX copy_x ON copy (x);
                ALTER TABLE copy ALTER COLUMN y SET NOT NULL;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("copy").columnsKnown()).isFalse();
        assertThat(r.indexNames("copy")).containsExactly("copy_x");
    }

    @Test
    void checkConstraintNamesCountUpWhenTaken() {
        Replayed r = Replayed.pg("CREATE TABLE t (a int, b int, CHECK (a > b), CHECK (a < 10 + b), CHECK (a > 0));");
        assertThat(r.table("t").checks()).extracting(TableConstraint::name)
                .containsExactly("t_check", "t_check1", "t_a_check");
    }

    @Test
    void exclusionConstraintsHaveIndexes() {
        Replayed r = Replayed.pg("CREATE TABLE b (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));");
        assertThat(r.table("b").indexes()).extracting(Index::name, Index::method, Index::kind)
                .containsExactly(tuple("b_room_during_excl", "gist", IndexKind.EXCLUSION_CONSTRAINT));
    }

    @Test
    void schemasReturnedBeforeAreUnchanged() {
        Replayed first = Replayed.pg("CREATE TABLE t (a int);");
        Replayed second = first.then("ALTER TABLE t ADD COLUMN b int; CREATE INDEX ON t (b);");
        assertThat(first.columnNames("t")).containsExactly("a");
        assertThat(first.table("t").indexes()).isEmpty();
        assertThat(second.columnNames("t")).containsExactly("a", "b");
        assertThat(List.of(first.schema().indexes().size(), second.schema().indexes().size())).containsExactly(0, 1);
    }

    @Test
    void guardedDdlInDoBlocksAppliesWhereItCanWithoutNotes() {
        Replayed r = Replayed.pg("""
                CREATE TABLE u (id int PRIMARY KEY);
                CREATE TABLE t (u_id int);
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_u_fk') THEN
                    ALTER TABLE t ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id);
                  END IF;
                END $$;
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_u_fk') THEN
                    ALTER TABLE t ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id);
                  END IF;
                END $$;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("t").foreignKeys()).extracting(TableConstraint::name).containsExactly("t_u_fk");
    }
}
