package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.change.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The schema keeps constraint and index names in maps of their own (so naming a constraint or finding
 * an index does not scan every table); these tests follow those maps through the changes that move
 * names: other tables' constraints, drops, renames, other schemas, rollbacks.
 */
class NameBookkeepingTest {

    private static java.util.List<String> fkNames(Replayed r, String table) {
        return r.table(table).foreignKeys().stream().map(TableConstraint::name).toList();
    }

    @Test
    void aGeneratedConstraintNameAvoidsOtherTablesConstraintsInTheSchema() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (x int CONSTRAINT b_p_id_fkey CHECK (x > 0));
                CREATE TABLE b (p_id int REFERENCES p);""");
        assertThat(fkNames(r, "b")).containsExactly("b_p_id_fkey1");
    }

    @Test
    void aDroppedTableFreesItsConstraintNames() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (x int CONSTRAINT b_p_id_fkey CHECK (x > 0));
                CREATE TABLE b (p_id int REFERENCES p);
                DROP TABLE c;
                ALTER TABLE b ADD FOREIGN KEY (p_id) REFERENCES p;""");
        assertThat(fkNames(r, "b")).containsExactly("b_p_id_fkey1", "b_p_id_fkey");
    }

    @Test
    void aDroppedConstraintFreesItsName() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (x int CONSTRAINT b_p_id_fkey CHECK (x > 0));
                ALTER TABLE c DROP CONSTRAINT b_p_id_fkey;
                CREATE TABLE b (p_id int REFERENCES p);""");
        assertThat(fkNames(r, "b")).containsExactly("b_p_id_fkey");
    }

    @Test
    void constraintNamesAreCountedPerSchema() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE b (p_id int REFERENCES p);
                CREATE SCHEMA s;
                CREATE TABLE s.b (p_id int REFERENCES public.p);
                CREATE TABLE s.c (x int CONSTRAINT c_x_check CHECK (x > 0), CHECK (x < 9));""");
        assertThat(fkNames(r, "s.b")).containsExactly("b_p_id_fkey");
        assertThat(r.table("s.c").checks()).extracting(TableConstraint::name).containsExactly("c_x_check", "c_x_check1");
    }

    @Test
    void aRollbackRestoresTheNamesTaken() {
        Replayed r = Replayed.pg("""
                CREATE TABLE p (id int PRIMARY KEY);
                BEGIN;
                CREATE TABLE c (x int CONSTRAINT b_p_id_fkey CHECK (x > 0));
                ROLLBACK;
                CREATE TABLE b (p_id int REFERENCES p);""");
        assertThat(fkNames(r, "b")).containsExactly("b_p_id_fkey");
    }

    @Test
    void mysqlForeignKeyNamesAreUniquePerDatabaseButATableMayKeepItsOwn() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE a (p_id int, CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id));
                ALTER TABLE a ADD COLUMN q int;""");
        assertThat(r.notes()).isEmpty();
        assertThat(fkNames(r, "a")).containsExactly("fk_p");
    }

    @Test
    void indexesAreFoundByNameAfterTheirTableChangesOrIsRenamed() {
        Replayed r = Replayed.pg("""
                CREATE TABLE t (id int);
                CREATE INDEX t_id_idx ON t (id);
                ALTER TABLE t ADD COLUMN x int;
                CREATE INDEX t_x_idx ON t (x);""");
        assertThat(r.schema().index(ObjectName.of("t_id_idx"))).isPresent();
        assertThat(r.schema().index(ObjectName.of("t_x_idx")).orElseThrow().table()).isEqualTo(new ObjectName("public", "t"));

        Replayed renamed = r.then("""
                ALTER TABLE t RENAME TO u;
                ALTER INDEX t_x_idx RENAME TO u_x_idx;
                DROP INDEX t_id_idx;""");
        assertThat(renamed.notes()).isEmpty();
        assertThat(renamed.indexNames("u")).containsExactly("u_x_idx");
        assertThat(renamed.schema().index(ObjectName.of("u_x_idx")).orElseThrow().table())
                .isEqualTo(new ObjectName("public", "u"));
        assertThat(renamed.schema().index(ObjectName.of("t_x_idx"))).isEmpty();
        assertThat(renamed.schema().index(ObjectName.of("t_id_idx"))).isEmpty();
    }
}
