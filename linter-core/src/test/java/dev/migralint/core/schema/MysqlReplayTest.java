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
    @Test
    void columnsAndIndexesKeepTheirSpellingForDisplayAndMatchFolded() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE `App` (
                  `Id` int unsigned NOT NULL AUTO_INCREMENT,
                  `AppId` varchar(500) NOT NULL,
                  `DataChange_CreatedBy` varchar(32),
                  PRIMARY KEY (`Id`),
                  KEY `IX_AppId` (`AppId`),
                  KEY (`DataChange_CreatedBy`)
                );""");
        Table app = r.table("app");
        // matched by the folded name, whatever case a later statement writes
        Column appId = app.column("appid").orElseThrow();
        assertThat(appId.displayName()).isEqualTo("AppId");
        assertThat(app.column("id").orElseThrow().displayName()).isEqualTo("Id");
        assertThat(app.indexes()).extracting(Index::name, Index::displayName).containsExactly(
                tuple("PRIMARY", "PRIMARY"), tuple("ix_appid", "IX_AppId"),
                // an unnamed index is named after its first column, as that column is spelled
                tuple("datachange_createdby", "DataChange_CreatedBy"));
        // the spelling takes no part in equality
        assertThat(appId).isEqualTo(new Column("appid", appId.type(), true, null, false, null, appId.definedAt(),
                appId.comment()));

        // MODIFY keeps the spelling when it is written the same, in another statement's case or not
        r = r.then("ALTER TABLE app MODIFY `AppId` varchar(64) NOT NULL, MODIFY datachange_createdby varchar(64);");
        assertThat(r.notes()).isEmpty();
        app = r.table("app");
        assertThat(app.column("appid").orElseThrow().displayName()).isEqualTo("AppId");
        assertThat(app.column("appid").orElseThrow().type().args()).containsExactly("64");
        // MySQL takes the field name as MODIFY writes it
        assertThat(app.column("datachange_createdby").orElseThrow().displayName()).isEqualTo("datachange_createdby");

        // CHANGE and RENAME COLUMN give the new spelling; the old name no longer matches
        r = r.then("""
                ALTER TABLE APP CHANGE COLUMN appid `ApplicationId` varchar(64) NOT NULL;
                ALTER TABLE app RENAME COLUMN `id` TO `Key_Id`;
                ALTER TABLE app CHANGE `DataChange_CreatedBy` `DATACHANGE_CreatedBy` varchar(64);
                ALTER TABLE app RENAME INDEX ix_appid TO `IX_ApplicationId`;""");
        assertThat(r.notes()).isEmpty();
        app = r.table("app");
        assertThat(app.column("appid")).isEmpty();
        assertThat(app.column("applicationid").orElseThrow().displayName()).isEqualTo("ApplicationId");
        assertThat(app.column("key_id").orElseThrow().displayName()).isEqualTo("Key_Id");
        // a CHANGE that changes only the case is no rename, but MySQL keeps the new case
        assertThat(app.column("datachange_createdby").orElseThrow().displayName()).isEqualTo("DATACHANGE_CreatedBy");
        assertThat(app.primaryKey().columns()).containsExactly("key_id");
        assertThat(app.index("ix_applicationid").orElseThrow().displayName()).isEqualTo("IX_ApplicationId");
        assertThat(app.index("ix_applicationid").orElseThrow().columnNames()).containsExactly("applicationid");

        // DROP COLUMN finds the column whatever case it writes
        r = r.then("ALTER TABLE app DROP COLUMN `APPLICATIONID`;");
        assertThat(r.notes()).isEmpty();
        assertThat(r.table("app").column("applicationid")).isEmpty();
    }

    @Test
    void postgresqlNamesHaveNoSeparateSpelling() {
        Replayed r = Replayed.pg("""
                CREATE TABLE app (Id int PRIMARY KEY, "AppId" text, DataChange_CreatedBy text);
                CREATE INDEX IX_AppId ON app ("AppId");
                ALTER TABLE app RENAME COLUMN DataChange_CreatedBy TO ChangedBy;""");
        Table app = r.table("app");
        assertThat(app.columns()).extracting(Column::name, Column::spelling).containsExactly(
                tuple("id", null), tuple("AppId", null), tuple("changedby", null));
        assertThat(app.index("ix_appid").orElseThrow().spelling()).isNull();
    }
}
