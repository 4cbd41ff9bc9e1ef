package dev.migralint.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.change.SchemaChange.AlterEnum;
import dev.migralint.core.change.SchemaChange.ConstraintKind;
import dev.migralint.core.change.SchemaChange.CreateEnum;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.CreateSchema;
import dev.migralint.core.change.SchemaChange.CreateTable;
import dev.migralint.core.change.SchemaChange.CreateView;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.DropConstraint;
import dev.migralint.core.change.SchemaChange.DropDefault;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropNotNull;
import dev.migralint.core.change.SchemaChange.DropSchema;
import dev.migralint.core.change.SchemaChange.DropType;
import dev.migralint.core.change.SchemaChange.DropView;
import dev.migralint.core.change.SchemaChange.EnumAction;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.change.SchemaChange.RenameColumn;
import dev.migralint.core.change.SchemaChange.RenameConstraint;
import dev.migralint.core.change.SchemaChange.RenameIndex;
import dev.migralint.core.change.SchemaChange.RenameTable;
import dev.migralint.core.change.SchemaChange.SetDefault;
import dev.migralint.core.change.SchemaChange.SourceKind;
import dev.migralint.core.change.SchemaChange.ValidateConstraint;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.Splitter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Constraints, column alterations, renames and the DDL on types, views and schemas. */
class StatementChangesDdlTest {
    private String text;

    private List<SchemaChange> translate(String sql, Dialect dialect) {
        text = sql;
        SourceFile file = SourceFile.of("t.sql", sql);
        StatementParser parser = new StatementParser(dialect);
        return Splitter.split(file, Lexer.lex(sql, LexOptions.of(dialect))).stream()
                .flatMap(s -> parser.parse(s).changes().stream()).toList();
    }

    private List<SchemaChange> pg(String sql) {
        return translate(sql, Dialect.POSTGRESQL);
    }

    private List<SchemaChange> mysql(String sql) {
        return translate(sql, Dialect.MYSQL);
    }

    private String at(TextRange range) {
        return text.substring(range.start(), range.end());
    }

    private static final ObjectName T = ObjectName.of("t");

    @Test
    void createTableCollectsInlineAndTableConstraintsInOrder() {
        CreateTable t = (CreateTable) pg("""
                CREATE TABLE orders (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    customer_id bigint CONSTRAINT orders_customer_fk REFERENCES customers ON DELETE CASCADE,
                    code text UNIQUE NOT NULL,
                    qty int CHECK (qty > 0),
                    region_id int, shop_id int,
                    CONSTRAINT orders_shop_fk FOREIGN KEY (region_id, shop_id) REFERENCES app.shops (region_id, id)
                        ON UPDATE SET NULL ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED,
                    UNIQUE NULLS NOT DISTINCT (region_id, code) INCLUDE (qty),
                    CHECK (qty < 1000 AND region_id IS NOT NULL),
                    EXCLUDE USING gist (shop_id WITH =, region_id WITH <>) WHERE (qty > 1)
                );""").get(0);

        assertThat(t.columns()).extracting(ColumnDef::name)
                .containsExactly("id", "customer_id", "code", "qty", "region_id", "shop_id");
        assertThat(t.columns().get(0).identity()).isTrue();
        assertThat(t.columns().get(0).notNull()).isTrue();
        assertThat(t.columns().get(2).notNull()).isTrue();
        List<Constraint> c = t.constraints();
        assertThat(c).hasSize(8);

        assertThat(c.get(0)).isEqualTo(new Constraint.PrimaryKey(null, List.of("id"), List.of(), null, c.get(0).range()));
        assertThat(at(c.get(0).range())).isEqualTo("PRIMARY KEY");

        Constraint.ForeignKey customer = (Constraint.ForeignKey) c.get(1);
        assertThat(customer.name()).isEqualTo("orders_customer_fk");
        assertThat(customer.columns()).containsExactly("customer_id");
        assertThat(customer.refTable()).isEqualTo(ObjectName.of("customers"));
        assertThat(customer.refColumns()).isEmpty();
        assertThat(customer.onDelete()).isEqualTo("CASCADE");
        assertThat(customer.onUpdate()).isNull();
        assertThat(at(customer.range())).isEqualTo("CONSTRAINT orders_customer_fk REFERENCES customers ON DELETE CASCADE");

        assertThat(c.get(2)).isInstanceOf(Constraint.Unique.class);
        assertThat(((Constraint.Unique) c.get(2)).columns()).containsExactly("code");
        assertThat(((Constraint.Check) c.get(3)).expression()).isEqualTo("qty > 0");

        Constraint.ForeignKey shop = (Constraint.ForeignKey) c.get(4);
        assertThat(shop.columns()).containsExactly("region_id", "shop_id");
        assertThat(shop.refTable()).isEqualTo(new ObjectName("app", "shops"));
        assertThat(shop.refColumns()).containsExactly("region_id", "id");
        assertThat(shop.onUpdate()).isEqualTo("SET NULL");
        assertThat(shop.onDelete()).isEqualTo("NO ACTION");

        Constraint.Unique unique = (Constraint.Unique) c.get(5);
        assertThat(unique.columns()).containsExactly("region_id", "code");
        assertThat(unique.include()).containsExactly("qty");
        assertThat(unique.nullsNotDistinct()).isTrue();

        assertThat(((Constraint.Check) c.get(6)).expression()).isEqualTo("qty < 1000 and region_id is not null");

        Constraint.Exclusion ex = (Constraint.Exclusion) c.get(7);
        assertThat(ex.method()).isEqualTo("gist");
        assertThat(ex.keys()).extracting(IndexColumn::column).containsExactly("shop_id", "region_id");
        assertThat(ex.operators()).containsExactly("=", "<>");
        assertThat(ex.where()).isEqualTo("qty > 1");
    }

    @Test
    void createTableSources() {
        List<SchemaChange> changes = pg("""
                CREATE TABLE a (LIKE b INCLUDING ALL EXCLUDING COMMENTS, extra int);
                CREATE TABLE c AS SELECT * FROM d;
                CREATE TABLE p PARTITION OF m FOR VALUES FROM (1) TO (10);
                CREATE TABLE k (x int) INHERITS (base1, base2);
                """);
        CreateTable a = (CreateTable) changes.get(0);
        assertThat(a.sources()).containsExactly(new SchemaChange.TableSource(SourceKind.LIKE, ObjectName.of("b"),
                Set.of("all")));
        assertThat(a.columns()).extracting(ColumnDef::name).containsExactly("extra");
        assertThat(((CreateTable) changes.get(1)).sources()).extracting(SchemaChange.TableSource::kind)
                .containsExactly(SourceKind.AS_QUERY);
        assertThat(((CreateTable) changes.get(2)).sources()).containsExactly(
                new SchemaChange.TableSource(SourceKind.PARTITION_OF, ObjectName.of("m"), Set.of()));
        assertThat(((CreateTable) changes.get(3)).sources()).extracting(SchemaChange.TableSource::table)
                .containsExactly(ObjectName.of("base1"), ObjectName.of("base2"));

        CreateTable like = (CreateTable) mysql("CREATE TABLE a LIKE b;").get(0);
        assertThat(like.sources()).containsExactly(new SchemaChange.TableSource(SourceKind.LIKE, ObjectName.of("b"),
                Set.of("all")));
    }

    @Test
    void alterTableConstraintForms() {
        List<SchemaChange> changes = pg("""
                ALTER TABLE IF EXISTS ONLY t
                    ADD CONSTRAINT t_fk FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID,
                    ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_id_idx,
                    ADD UNIQUE USING INDEX t_code_idx,
                    ADD CHECK (a > 0) NOT VALID,
                    VALIDATE CONSTRAINT t_fk,
                    DROP CONSTRAINT IF EXISTS t_old CASCADE;""");
        assertThat(changes).hasSize(6).allMatch(c -> at(c.range()).startsWith("ADD") || at(c.range()).startsWith("VALIDATE")
                || at(c.range()).startsWith("DROP"));
        Constraint.ForeignKey fk = (Constraint.ForeignKey) ((AddConstraint) changes.get(0)).constraint();
        assertThat(fk.notValid()).isTrue();
        assertThat(fk.name()).isEqualTo("t_fk");
        assertThat(at(changes.get(0).range())).isEqualTo("ADD CONSTRAINT t_fk FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID");
        Constraint pk = ((AddConstraint) changes.get(1)).constraint();
        assertThat(pk).isInstanceOf(Constraint.PrimaryKey.class);
        assertThat(pk.usingIndex()).isEqualTo(ObjectName.of("t_id_idx"));
        assertThat(pk.name()).isEqualTo("t_pk");
        Constraint unique = ((AddConstraint) changes.get(2)).constraint();
        assertThat(unique.usingIndex()).isEqualTo(ObjectName.of("t_code_idx"));
        assertThat(unique.name()).isNull();
        assertThat(((AddConstraint) changes.get(3)).constraint().notValid()).isTrue();
        assertThat(changes.get(4)).isEqualTo(new ValidateConstraint(T, "t_fk", changes.get(4).range()));
        assertThat(changes.get(5)).isEqualTo(new DropConstraint(T, "t_old", null, true, true, changes.get(5).range()));
    }

    @Test
    void columnsKeepTheCommentsThatDocumentThem() {
        CreateTable t = (CreateTable) pg("""
                CREATE TABLE t ( -- the table's own comment
                    a int, -- a's comment
                    -- b's comment,
                    /* on two lines */
                    b int,
                    c int
                    -- a comment on the line after the last column is nobody's
                );""").get(0);
        assertThat(t.columns()).extracting(ColumnDef::comment)
                .containsExactly("a's comment", "b's comment,\non two lines", null);
        CreateTable m = (CreateTable) mysql("CREATE TABLE t (a int COMMENT 'no FK: see docs' NOT NULL, b int)").get(0);
        assertThat(m.columns()).extracting(ColumnDef::comment).containsExactly("no FK: see docs", null);
        assertThat(m.columns().get(0).notNull()).isTrue();
    }

    @Test
    void commentOnColumn() {
        List<SchemaChange> changes = pg("COMMENT ON COLUMN s.t.c IS 'it''s no FK'; COMMENT ON COLUMN t.c IS NULL; "
                + "COMMENT ON TABLE t IS 'x';");
        assertThat(changes.get(0)).isEqualTo(new SchemaChange.CommentOnColumn(new ObjectName("s", "t"), "c", "it's no FK",
                changes.get(0).range()));
        assertThat(changes.get(1)).isEqualTo(new SchemaChange.CommentOnColumn(T, "c", null, changes.get(1).range()));
        assertThat(changes).hasSize(2); // COMMENT ON TABLE changes nothing modelled
    }

    @Test
    void mysqlTableNamesKeepTheirSpellingForDisplay() {
        CreateTable t = (CreateTable) mysql("CREATE TABLE `ReleaseHistory` (id int)").get(0);
        assertThat(t.table()).isEqualTo(ObjectName.of("releasehistory"));
        assertThat(t.table().displayName()).isEqualTo("ReleaseHistory");
        // PostgreSQL folds an unquoted name itself: the folded name is the real one
        assertThat(((CreateTable) pg("CREATE TABLE ReleaseHistory (id int)").get(0)).table().displayName())
                .isEqualTo("releasehistory");
        assertThat(((CreateTable) pg("CREATE TABLE \"ReleaseHistory\" (id int)").get(0)).table().displayName())
                .isEqualTo("ReleaseHistory");
    }

    @Test
    void rowLevelSecurity() {
        List<SchemaChange> changes = pg("ALTER TABLE t ENABLE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY, "
                + "FORCE ROW LEVEL SECURITY;");
        assertThat(changes.get(0)).isEqualTo(new SchemaChange.SetRowLevelSecurity(T, true, changes.get(0).range()));
        assertThat(changes.get(1)).isEqualTo(new SchemaChange.SetRowLevelSecurity(T, false, changes.get(1).range()));
        assertThat(changes.get(2)).isInstanceOf(Opaque.class);
    }

    @Test
    void alterColumnForms() {
        List<SchemaChange> changes = pg("""
                ALTER TABLE t
                    ALTER COLUMN a TYPE bigint USING a::bigint,
                    ALTER b SET DATA TYPE varchar(20),
                    ALTER COLUMN c SET DEFAULT now(),
                    ALTER COLUMN c DROP DEFAULT,
                    ALTER COLUMN d DROP NOT NULL,
                    ALTER COLUMN d SET STATISTICS 100;""");
        AlterColumnType a = (AlterColumnType) changes.get(0);
        assertThat(a.column()).isEqualTo("a");
        assertThat(a.type().name()).isEqualTo("bigint");
        assertThat(a.using()).isEqualTo("a::bigint");
        assertThat(a.redefinition()).isNull();
        assertThat(at(a.typeRange())).isEqualTo("bigint");
        AlterColumnType b = (AlterColumnType) changes.get(1);
        assertThat(b.type().args()).containsExactly("20");
        assertThat(at(b.typeRange())).isEqualTo("varchar(20)");
        assertThat(b.newDefinition().name()).isEqualTo("b");
        assertThat(b.newDefinition().type()).isEqualTo(b.type());
        assertThat(b.using()).isNull();
        assertThat(changes.get(2)).isEqualTo(new SetDefault(T, "c", "now()", changes.get(2).range()));
        assertThat(changes.get(3)).isEqualTo(new DropDefault(T, "c", changes.get(3).range()));
        assertThat(changes.get(4)).isEqualTo(new DropNotNull(T, "d", changes.get(4).range()));
        assertThat(changes.get(5)).isInstanceOf(Opaque.class);
        assertThat(at(changes.get(5).range())).isEqualTo("ALTER COLUMN d SET STATISTICS 100");
    }

    @Test
    void addColumnKeepsItsInlineConstraints() {
        AddColumn add = (AddColumn) pg("ALTER TABLE t ADD COLUMN u_id bigint NOT NULL REFERENCES u (id) UNIQUE;").get(0);
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.constraints()).hasSize(2);
        assertThat(add.constraints().get(0)).isInstanceOf(Constraint.ForeignKey.class);
        assertThat(add.constraints().get(1)).isInstanceOf(Constraint.Unique.class);
        DropColumn drop = (DropColumn) pg("ALTER TABLE t DROP COLUMN a CASCADE;").get(0);
        assertThat(drop.cascade()).isTrue();
    }

    @Test
    void renames() {
        List<SchemaChange> changes = pg("""
                ALTER TABLE t RENAME TO t2;
                ALTER TABLE t RENAME COLUMN a TO b;
                ALTER TABLE t RENAME c TO "D";
                ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk;
                ALTER TABLE t SET SCHEMA archive;
                ALTER INDEX IF EXISTS app.t_a_idx RENAME TO t_b_idx;""");
        assertThat(changes).containsExactly(
                new RenameTable(T, ObjectName.of("t2"), false, changes.get(0).range()),
                new RenameColumn(T, "a", "b", changes.get(1).range()),
                new RenameColumn(T, "c", "D", changes.get(2).range()),
                new RenameConstraint(T, "t_pkey", "t_pk", changes.get(3).range()),
                new RenameTable(T, new ObjectName("archive", "t"), false, changes.get(4).range()),
                new RenameIndex(new ObjectName("app", "t_a_idx"), null, "t_b_idx", true, changes.get(5).range()));
    }

    @Test
    void enumTypes() {
        List<SchemaChange> changes = pg("""
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s fine');
                ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' BEFORE 'ok';
                ALTER TYPE mood ADD VALUE 'ecstatic';
                ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
                DROP TYPE IF EXISTS mood, other CASCADE;
                CREATE TYPE pair AS (a int, b int);""");
        assertThat(changes.get(0)).isEqualTo(new CreateEnum(ObjectName.of("mood"), List.of("sad", "ok", "it's fine"),
                changes.get(0).range()));
        AlterEnum add = (AlterEnum) changes.get(1);
        assertThat(add).isEqualTo(new AlterEnum(ObjectName.of("mood"), EnumAction.ADD_VALUE, "happy", null, "ok", true,
                true, add.range()));
        AlterEnum append = (AlterEnum) changes.get(2);
        assertThat(append.neighbor()).isNull();
        assertThat(append.ifNotExists()).isFalse();
        AlterEnum rename = (AlterEnum) changes.get(3);
        assertThat(rename.action()).isEqualTo(EnumAction.RENAME_VALUE);
        assertThat(rename.value()).isEqualTo("sad");
        assertThat(rename.newValue()).isEqualTo("blue");
        assertThat(changes.get(4)).isEqualTo(new DropType(List.of(ObjectName.of("mood"), ObjectName.of("other")), true,
                true, changes.get(4).range()));
        assertThat(changes.get(5)).isInstanceOf(Opaque.class);
    }

    @Test
    void viewsAndSchemas() {
        List<SchemaChange> changes = pg("""
                CREATE OR REPLACE VIEW v AS SELECT a.x FROM app.a a, c AS cc JOIN b ON b.id = a.id WHERE a.y IN (SELECT y FROM d);
                CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1 FROM e WITH NO DATA;
                DROP MATERIALIZED VIEW mv;
                DROP VIEW IF EXISTS v CASCADE;
                CREATE SCHEMA IF NOT EXISTS app;
                DROP SCHEMA app, other CASCADE;""");
        CreateView v = (CreateView) changes.get(0);
        assertThat(v.orReplace()).isTrue();
        assertThat(v.materialized()).isFalse();
        assertThat(v.referencedTables()).containsExactly(new ObjectName("app", "a"), ObjectName.of("c"),
                ObjectName.of("b"), ObjectName.of("d"));
        CreateView mv = (CreateView) changes.get(1);
        assertThat(mv.materialized()).isTrue();
        assertThat(mv.ifNotExists()).isTrue();
        assertThat(changes.get(2)).isEqualTo(new DropView(List.of(ObjectName.of("mv")), true, false, false,
                changes.get(2).range()));
        assertThat(changes.get(3)).isEqualTo(new DropView(List.of(ObjectName.of("v")), false, true, true,
                changes.get(3).range()));
        assertThat(changes.get(4)).isEqualTo(new CreateSchema("app", true, changes.get(4).range()));
        assertThat(changes.get(5)).isEqualTo(new DropSchema(List.of("app", "other"), false, true, changes.get(5).range()));
    }

    @Test
    void mysqlCreateTableIndexesFollowTheTable() {
        List<SchemaChange> changes = mysql("""
                CREATE TABLE `orders` (
                  `id` bigint NOT NULL AUTO_INCREMENT,
                  `code` varchar(20) NOT NULL UNIQUE,
                  `user_id` bigint REFERENCES users (id),
                  `body` text,
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `uk_user_code` (`user_id`, `code`),
                  CONSTRAINT `uk_sym` UNIQUE (`body`(10)),
                  KEY (`user_id`),
                  FULLTEXT INDEX `ft_body` (`body`),
                  CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
                ) ENGINE=InnoDB;""");
        assertThat(changes).hasSize(6);
        CreateTable t = (CreateTable) changes.get(0);
        assertThat(t.columns().get(0).identity()).isTrue();
        // Inline REFERENCES is parsed and ignored by MySQL: only the table-level FK counts.
        assertThat(t.constraints()).hasSize(2);
        assertThat(t.constraints().get(0)).isInstanceOf(Constraint.PrimaryKey.class);
        Constraint.ForeignKey fk = (Constraint.ForeignKey) t.constraints().get(1);
        assertThat(fk.name()).isEqualTo("fk_user");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");

        List<CreateIndex> indexes = changes.subList(1, 6).stream().map(CreateIndex.class::cast).toList();
        assertThat(indexes).extracting(i -> i.name() == null ? null : i.name().name())
                .containsExactly(null, "uk_user_code", "uk_sym", null, "ft_body");
        assertThat(indexes).extracting(CreateIndex::unique).containsExactly(true, true, true, false, false);
        assertThat(indexes.get(0).columns()).extracting(IndexColumn::column).containsExactly("code");
        assertThat(indexes.get(2).columns()).extracting(IndexColumn::column).containsExactly("body");
        assertThat(indexes.get(4).method()).isEqualTo("fulltext");
        assertThat(indexes).allMatch(i -> i.table().equals(ObjectName.of("orders")));
        assertThat(at(indexes.get(1).range())).isEqualTo("UNIQUE KEY `uk_user_code` (`user_id`, `code`)");
    }

    @Test
    void mysqlAlterTableForms() {
        List<SchemaChange> changes = mysql("""
                ALTER TABLE t
                  CHANGE COLUMN old_name new_name varchar(50) NOT NULL DEFAULT '' AFTER id,
                  MODIFY COLUMN price decimal(12,2),
                  CHANGE same same bigint,
                  ADD INDEX idx_a (a),
                  ADD CONSTRAINT uk_b UNIQUE (b),
                  ADD CONSTRAINT fk_c FOREIGN KEY (c_id) REFERENCES c (id),
                  ADD PRIMARY KEY (id),
                  DROP PRIMARY KEY,
                  DROP FOREIGN KEY fk_c,
                  DROP KEY idx_a,
                  RENAME INDEX idx_x TO idx_y,
                  RENAME COLUMN p TO q,
                  RENAME TO t2;
                RENAME TABLE a TO b, c TO d;""");
        assertThat(changes.get(0)).isEqualTo(new RenameColumn(T, "old_name", "new_name", changes.get(0).range()));
        AlterColumnType changed = (AlterColumnType) changes.get(1);
        assertThat(changed.column()).isEqualTo("new_name");
        assertThat(changed.redefinition().notNull()).isTrue();
        assertThat(changed.redefinition().defaultExpression()).isEqualTo("''");
        AlterColumnType modified = (AlterColumnType) changes.get(2);
        assertThat(modified.type().name()).isEqualTo("numeric");
        assertThat(modified.redefinition().notNull()).isFalse();
        assertThat(at(modified.range())).isEqualTo("MODIFY COLUMN price decimal(12,2)");
        assertThat(changes.get(3)).isInstanceOf(AlterColumnType.class); // CHANGE without a new name: no rename
        assertThat(((CreateIndex) changes.get(4)).name()).isEqualTo(ObjectName.of("idx_a"));
        CreateIndex uk = (CreateIndex) changes.get(5);
        assertThat(uk.name()).isEqualTo(ObjectName.of("uk_b"));
        assertThat(uk.unique()).isTrue();
        assertThat(((AddConstraint) changes.get(6)).constraint()).isInstanceOf(Constraint.ForeignKey.class);
        assertThat(((AddConstraint) changes.get(7)).constraint()).isInstanceOf(Constraint.PrimaryKey.class);
        assertThat(changes.get(8)).isEqualTo(new DropConstraint(T, null, ConstraintKind.PRIMARY_KEY, false, false,
                changes.get(8).range()));
        assertThat(changes.get(9)).isEqualTo(new DropConstraint(T, "fk_c", ConstraintKind.FOREIGN_KEY, false, false,
                changes.get(9).range()));
        assertThat(changes.get(10)).isEqualTo(new DropIndex(List.of(ObjectName.of("idx_a")), false, false, T,
                changes.get(10).range()));
        assertThat(changes.get(11)).isEqualTo(new RenameIndex(ObjectName.of("idx_x"), T, "idx_y", false,
                changes.get(11).range()));
        assertThat(changes.get(12)).isEqualTo(new RenameColumn(T, "p", "q", changes.get(12).range()));
        assertThat(changes.get(13)).isEqualTo(new RenameTable(T, ObjectName.of("t2"), false, changes.get(13).range()));
        assertThat(changes.subList(14, 16)).extracting(c -> at(c.range())).containsExactly("a TO b", "c TO d");
        assertThat(changes.get(15)).isEqualTo(new RenameTable(ObjectName.of("c"), ObjectName.of("d"), false,
                changes.get(15).range()));
    }

    @Test
    void createIndexReadsInclude() {
        CreateIndex i = (CreateIndex) pg("CREATE INDEX i ON t (a) INCLUDE (b, c) WHERE d;").get(0);
        assertThat(i.include()).containsExactly("b", "c");
        assertThat(i.where()).isEqualTo("d");
        DropIndex d = (DropIndex) pg("DROP INDEX i CASCADE;").get(0);
        assertThat(d.cascade()).isTrue();
    }

    @Test
    void ddlInsideADoBlockIsReadWithItsOwnRanges() {
        List<SchemaChange> changes = pg("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_u_fk') THEN
                        ALTER TABLE t ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id);
                    END IF;
                    CREATE INDEX IF NOT EXISTS t_u_idx ON t (u_id);
                    PERFORM 1;
                    EXECUTE 'DROP TABLE x';
                END $$;""");
        assertThat(changes).hasSize(1);
        SchemaChange.ProceduralDdl block = (SchemaChange.ProceduralDdl) changes.get(0);
        assertThat(block.changes()).hasSize(2);
        assertThat(block.changes().get(0)).isInstanceOf(AddConstraint.class);
        assertThat(at(block.changes().get(0).range()))
                .isEqualTo("ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id)");
        assertThat(at(block.changes().get(1).range())).isEqualTo("CREATE INDEX IF NOT EXISTS t_u_idx ON t (u_id)");
        // A block without DDL is still read whole: an empty ProceduralDdl, nothing for JSqlParser to do.
        assertThat(pg("DO $$ BEGIN PERFORM 1; END $$;").get(0)).isInstanceOfSatisfying(SchemaChange.ProceduralDdl.class,
                d -> assertThat(d.changes()).isEmpty());
    }
}
