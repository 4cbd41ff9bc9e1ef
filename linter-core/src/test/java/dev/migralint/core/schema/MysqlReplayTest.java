package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.schema.Index.IndexKind;
import dev.migralint.core.schema.ReplayNote.Kind;
import org.junit.jupiter.api.Test;

/** MySQL (InnoDB) replay semantics: per-table index names, PRIMARY, foreign key indexes, MODIFY/CHANGE. */
class MysqlReplayTest {

    @Test
    void keysInCreateTableBecomeIndexesNamedAsMysqlNamesThem() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE `users` (
                  `id` bigint NOT NULL AUTO_INCREMENT,
                  `email` varchar(255) NOT NULL UNIQUE,
                  `name` varchar(50),
                  PRIMARY KEY (`id`),
                  KEY (`name`),
                  KEY (`name`, `email`),
                  UNIQUE KEY `uk_name` (`name`)
                ) ENGINE=InnoDB;""");
        assertThat(r.notes()).isEmpty();
        Table users = r.table("users");
        assertThat(users.name()).isEqualTo(ObjectName.of("users"));
        assertThat(users.indexes()).extracting(Index::name, Index::unique, Index::kind).containsExactly(
                tuple("PRIMARY", true, IndexKind.PRIMARY_KEY), tuple("email", true, IndexKind.EXPLICIT),
                tuple("name", false, IndexKind.EXPLICIT), tuple("name_2", false, IndexKind.EXPLICIT),
                tuple("uk_name", true, IndexKind.EXPLICIT));
        assertThat(users.column("id").orElseThrow().identity()).isTrue();
        assertThat(users.column("id").orElseThrow().notNull()).isTrue();
    }

    @Test
    void foreignKeyGetsAnIndexWhenNoneServesIt() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (id int PRIMARY KEY, p_id int, q_id int,
                  CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id),
                  FOREIGN KEY (q_id) REFERENCES p (id));""");
        assertThat(r.notes()).isEmpty();
        Table c = r.table("c");
        assertThat(c.indexes()).extracting(Index::name, Index::kind).containsExactly(
                tuple("PRIMARY", IndexKind.PRIMARY_KEY), tuple("fk_p", IndexKind.FOREIGN_KEY_AUTO),
                tuple("q_id", IndexKind.FOREIGN_KEY_AUTO));
        assertThat(c.foreignKeys()).extracting(TableConstraint::name).containsExactly("fk_p", "c_ibfk_1");
        // An index that can serve the key replaces the one InnoDB made.
        r = r.then("CREATE INDEX idx_p ON c (p_id, q_id);");
        assertThat(r.indexNames("c")).containsExactly("PRIMARY", "q_id", "idx_p");
        // ... and the last index serving a foreign key cannot be dropped.
        r = r.then("DROP INDEX idx_p ON c;");
        assertThat(r.noteKinds()).containsExactly(Kind.HAS_DEPENDENTS);
    }

    @Test
    void indexesInCreateTableServeForeignKeysSoNoneIsAdded() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int, KEY idx_p (p_id), CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id));""");
        assertThat(r.indexNames("c")).containsExactly("idx_p");
    }

    @Test
    void modifyAndChangeRedefineTheColumn() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE t (id int NOT NULL, a varchar(10) NOT NULL DEFAULT 'x', b int, PRIMARY KEY (id));
                ALTER TABLE t MODIFY COLUMN a varchar(20);
                ALTER TABLE t CHANGE b c bigint NOT NULL;
                ALTER TABLE t MODIFY id bigint;""");
        assertThat(r.notes()).isEmpty();
        Table t = r.table("t");
        assertThat(t.columns()).extracting(Column::name, c -> c.type().name(), Column::notNull, Column::defaultExpression)
                .containsExactly(tuple("id", "bigint", true, null), tuple("a", "varchar", false, null),
                        tuple("c", "bigint", true, null));
    }

    @Test
    void dropColumnShrinksIndexesAndDropPrimaryKey() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE t (id int, a int, b int, PRIMARY KEY (id), KEY ab (a, b), KEY b_only (b));
                ALTER TABLE t DROP COLUMN b;
                ALTER TABLE t DROP PRIMARY KEY;""");
        assertThat(r.notes()).isEmpty();
        Table t = r.table("t");
        assertThat(t.indexes()).extracting(Index::name).containsExactly("ab");
        assertThat(t.indexes().get(0).columnNames()).containsExactly("a");
        assertThat(t.primaryKey()).isNull();
    }

    @Test
    void renamesInMysql() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int, FOREIGN KEY (p_id) REFERENCES p (id));
                ALTER TABLE c RENAME INDEX p_id TO idx_parent;
                RENAME TABLE c TO child, p TO parent;
                ALTER TABLE child RENAME COLUMN p_id TO parent_id;""");
        assertThat(r.notes()).isEmpty();
        Table child = r.table("child");
        assertThat(child.foreignKeys()).extracting(TableConstraint::name).containsExactly("child_ibfk_1");
        assertThat(child.foreignKeys().get(0).refTable()).isEqualTo(ObjectName.of("parent"));
        assertThat(child.foreignKeys().get(0).columns()).containsExactly("parent_id");
        assertThat(child.indexes()).extracting(Index::name).containsExactly("idx_parent");
        assertThat(child.indexes().get(0).columnNames()).containsExactly("parent_id");
    }

    @Test
    void dropForeignKeyKeepsItsIndexAndDatabaseQualifiersAreIgnored() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE app.p (id int PRIMARY KEY);
                CREATE TABLE c (p_id int, CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES app.p (id));
                ALTER TABLE c DROP FOREIGN KEY fk;""");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("c").foreignKeys()).isEmpty();
        assertThat(r.table("c").indexes()).extracting(Index::name, Index::kind)
                .containsExactly(tuple("fk", IndexKind.EXPLICIT));
        assertThat(r.schema().table(ObjectName.of("p"))).isPresent();
    }

    @Test
    void rollbackDoesNotUndoMysqlDdl() {
        Replayed r = Replayed.mysql("START TRANSACTION; CREATE TABLE t (a int); ROLLBACK;");
        assertThat(r.schema().table(ObjectName.of("t"))).isPresent();
    }
}
