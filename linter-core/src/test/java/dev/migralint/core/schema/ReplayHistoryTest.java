package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.change.IndexColumn;
import dev.migralint.core.change.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The facts replay keeps for whole-schema and reference rules: which relation names the chain has
 * seen (so that a missing one is known to be missing), a partition's parent, and index keys' operator
 * classes through renames.
 */
class ReplayHistoryTest {

    @Test
    void namesStaySeenAfterTheyAreDroppedOrRenamed() {
        Replayed r = Replayed.pg("""
                CREATE TABLE users (id bigint PRIMARY KEY, email text);
                CREATE INDEX users_email_idx ON users (email);
                ALTER TABLE users RENAME TO accounts;
                ALTER INDEX users_email_idx RENAME TO accounts_email_idx;
                CREATE TABLE scratch (a int);
                DROP TABLE scratch;""");
        Schema s = r.schema();
        assertThat(s.table(ObjectName.of("users"))).isEmpty();
        assertThat(s.historyInView(ObjectName.of("users"))).isTrue();
        assertThat(s.historyInView(new ObjectName("public", "users"))).isTrue();
        assertThat(s.historyInView(ObjectName.of("accounts"))).isTrue();
        assertThat(s.historyInView(ObjectName.of("scratch"))).isTrue();
        assertThat(s.historyInView(ObjectName.of("users_email_idx"))).isTrue();
        assertThat(s.historyInView(ObjectName.of("users_pkey"))).as("the primary key's index").isTrue();
        assertThat(s.historyInView(ObjectName.of("orders"))).isFalse();
        assertThat(s.historyInView(new ObjectName("other", "users"))).isFalse();
    }

    @Test
    void dropIfExistsMakesANameSeenAndRollbackKeepsIt() {
        Replayed r = Replayed.pg("""
                DROP TABLE IF EXISTS legacy;
                DROP INDEX IF EXISTS legacy_idx;
                BEGIN;
                CREATE TABLE tmp (a int);
                ROLLBACK;""");
        Schema s = r.schema();
        assertThat(s.historyInView(ObjectName.of("legacy"))).isTrue();
        assertThat(s.historyInView(ObjectName.of("legacy_idx"))).isTrue();
        assertThat(s.table(ObjectName.of("tmp"))).isEmpty();
        assertThat(s.historyInView(ObjectName.of("tmp"))).isTrue();
    }

    @Test
    void aChangeRefusedForATableNeverShownTakesItsTableOutOfView() {
        Replayed r = Replayed.pg("""
                DROP TABLE IF EXISTS order_lines;
                CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
                CREATE TABLE notes (id bigint PRIMARY KEY);
                ALTER TABLE notes ADD COLUMN order_id bigint REFERENCES orders (id);
                CREATE TABLE tags (id bigint PRIMARY KEY);
                ALTER TABLE tags ADD COLUMN tag_id bigint REFERENCES tagz (id);
                CREATE TABLE tagz (id bigint PRIMARY KEY);""");
        Schema s = r.schema();
        assertThat(s.table(ObjectName.of("order_lines"))).as("refused: orders is unknown").isEmpty();
        assertThat(s.historyInView(ObjectName.of("order_lines"))).isFalse();
        assertThat(s.historyInView(ObjectName.of("notes"))).isFalse();
        // tagz was not known then, and still counts as never shown at that point
        assertThat(s.historyInView(ObjectName.of("tags"))).isFalse();
        assertThat(s.historyInView(ObjectName.of("tagz"))).isTrue();

        Replayed again = r.then("""
                CREATE TABLE orders (id bigint PRIMARY KEY);
                CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));""");
        assertThat(again.schema().historyInView(ObjectName.of("order_lines"))).as("made anew").isTrue();
    }

    @Test
    void aChangeRefusedForATableSeenGoneKeepsItsTableInView() {
        Replayed r = Replayed.pg("""
                CREATE TABLE customers (id bigint PRIMARY KEY);
                DROP TABLE customers;
                CREATE TABLE orders (id bigint PRIMARY KEY);
                ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers (id);""");
        assertThat(r.noteKinds()).containsExactly(ReplayNote.Kind.UNKNOWN_TABLE);
        assertThat(r.schema().historyInView(ObjectName.of("orders"))).isTrue();
    }

    @Test
    void mysqlSeesTablesButNotIndexNames() {
        Replayed r = Replayed.mysql("""
                CREATE TABLE posts (id int PRIMARY KEY, title varchar(50), KEY posts_title (title));
                RENAME TABLE posts TO articles;""");
        assertThat(r.schema().historyInView(ObjectName.of("posts"))).isTrue();
        assertThat(r.schema().historyInView(ObjectName.of("posts_title"))).isFalse();
    }

    @Test
    void partitionsRememberTheirParent() {
        Replayed r = Replayed.pg("""
                CREATE TABLE events (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE events_copy (LIKE events);""");
        assertThat(r.table("events").partitionOf()).isNull();
        assertThat(r.table("events_2024").partitionOf()).isEqualTo(new ObjectName("public", "events"));
        assertThat(r.table("logs_2024").partitionOf()).as("parent unknown: as written").isEqualTo(ObjectName.of("logs"));
        assertThat(r.table("events_copy").partitionOf()).isNull();
    }

    @Test
    void operatorClassesFollowColumnRenames() {
        Replayed r = Replayed.pg("""
                CREATE TABLE tags (name text);
                CREATE INDEX tags_name_pattern ON tags (name text_pattern_ops, (lower(name)) DESC);
                ALTER TABLE tags RENAME COLUMN name TO label;""");
        assertThat(r.table("tags").indexes().get(0).keys()).containsExactly(
                new IndexColumn("label", null, false, "text_pattern_ops"),
                new IndexColumn(null, "lower(label)", true));
    }
}
