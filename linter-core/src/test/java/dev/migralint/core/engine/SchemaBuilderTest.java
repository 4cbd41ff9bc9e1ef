package dev.migralint.core.engine;

import dev.migralint.core.input.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.config.Config;
import dev.migralint.core.migration.MigrationChain;
import dev.migralint.core.schema.Column;
import dev.migralint.core.schema.ReplayNote;
import dev.migralint.core.schema.Schema;
import dev.migralint.core.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaBuilderTest {
    private final SchemaBuilder builder = new SchemaBuilder(Config.defaults());

    private static List<String> tables(Schema schema) {
        return schema.tables().stream().map(t -> t.name().name()).toList();
    }

    private MigrationChain onlyChain(Path dir) {
        SchemaBuilder.Found found = builder.discover(List.of(dir), dir);
        assertThat(found.problems()).isEmpty();
        assertThat(found.chains()).hasSize(1);
        return found.chains().get(0);
    }

    @Test
    void keepsTheSchemaAfterEachMigrationInChainOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V1.1__orders.sql"),
                "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\n");
        Files.writeString(dir.resolve("V2__drop_users.sql"), "DROP TABLE orders;\nALTER TABLE users ADD COLUMN email text;\n");

        SchemaHistory h = builder.replay(onlyChain(dir));

        assertThat(h.steps()).extracting(s -> s.migration().version()).containsExactly("1", "1.1", "2");
        assertThat(h.steps()).extracting(s -> tables(s.after()))
                .containsExactly(List.of("users"), List.of("orders", "users"), List.of("users"));
        assertThat(h.schema().table(ObjectName.of("users")).orElseThrow().columns()).extracting(Column::name)
                .containsExactly("id", "email");
        assertThat(h.last().orElseThrow().version()).isEqualTo("2");
        assertThat(h.stats().statements()).isEqualTo(4);
        assertThat(h.notes()).isEmpty();
    }

    @Test
    void replayUntilStopsAfterTheNamedVersionAndReadsNothingBeyond(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V1_1__accounts.sql"), "CREATE TABLE accounts (id bigint);\n");
        Files.writeString(dir.resolve("V2__broken.sql"), "CREATE TABLE t (id int,, x int);\n");
        MigrationChain chain = onlyChain(dir);

        SchemaHistory h = builder.replayUntil(chain, "1.1").orElseThrow();

        assertThat(h.steps()).hasSize(2);
        assertThat(tables(h.schema())).containsExactly("accounts", "users");
        assertThat(h.stats().unparsed()).isZero();
        assertThat(builder.replayUntil(chain, "2").orElseThrow().stats().unparsed()).isEqualTo(1);
        assertThat(builder.replayUntil(chain, "3")).isEmpty();
    }

    @Test
    void flywayVersionsMatchAsFlywayComparesThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V01__a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("V1_2__b.sql"), "CREATE TABLE b (id int);\n");
        MigrationChain chain = onlyChain(dir);

        assertThat(builder.replayUntil(chain, "1")).map(h -> h.steps().size()).contains(1);
        assertThat(builder.replayUntil(chain, "1.0")).map(h -> h.steps().size()).contains(1);
        assertThat(builder.replayUntil(chain, "1_2")).map(h -> h.steps().size()).contains(2);
        assertThat(builder.replayUntil(chain, "1.2.0")).map(h -> h.steps().size()).contains(2);
        assertThat(builder.replayUntil(chain, "12")).isEmpty();
        assertThat(builder.replayUntil(chain, "V1")).isEmpty();
    }

    @Test
    void otherLayoutsMatchTheirVersionExactly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240101_users.up.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.resolve("20240101_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("20240202_orders.up.sql"), "CREATE TABLE orders (id int);\n");
        Files.writeString(dir.resolve("20240202_orders.down.sql"), "DROP TABLE orders;\n");
        MigrationChain chain = onlyChain(dir);

        assertThat(builder.replayUntil(chain, "20240101").map(h -> tables(h.schema()))).contains(List.of("users"));
        assertThat(builder.replayUntil(chain, "020240101")).isEmpty();
        // Down scripts are never replayed: the chain ends with both tables.
        assertThat(tables(builder.replay(chain).schema())).containsExactly("orders", "users");
    }

    @Test
    void changesTheDatabaseWouldRefuseAreNotesAndLeaveTheSchemaAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);\nALTER TABLE missing ADD COLUMN x int;\n");

        SchemaHistory h = builder.replay(onlyChain(dir));

        assertThat(h.notes()).extracting(ReplayNote::kind).containsExactly(ReplayNote.Kind.UNKNOWN_TABLE);
        assertThat(h.notes().get(0).location().file().displayPath()).isEqualTo("V1__a.sql");
        assertThat(tables(h.schema())).containsExactly("a");
    }

    @Test
    void looseFilesAreChainsOfTheirOwnAsTheEngineLintsThem(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/V1__a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("structure.sql"), "CREATE TABLE s (id int);\n");

        SchemaBuilder.Found found = builder.discover(List.of(dir.resolve("db"), dir.resolve("structure.sql")), dir);

        assertThat(found.chains()).extracting(MigrationChain::displayRoot).containsExactly("db", "structure.sql");
        assertThat(found.chains().stream().map(c -> tables(builder.replay(c).schema())))
                .containsExactly(List.of("a"), List.of("s"));
    }

    @Test
    void anEmptyChainGivesTheEmptySchema() {
        SchemaHistory h = builder.replay(new MigrationChain("none", dev.migralint.core.migration.Layout.PLAIN, List.of()));
        assertThat(h.steps()).isEmpty();
        assertThat(h.last()).isEmpty();
        assertThat(h.schema().tables()).isEmpty();
        assertThat(h.schema().searchPath()).containsExactly("public");
    }

    @Test
    void theSchemaIsTheOneTheEngineReplays(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id serial PRIMARY KEY, code varchar(10) UNIQUE);\n");

        Table t = builder.replay(onlyChain(dir)).schema().table(ObjectName.of("t")).orElseThrow();

        assertThat(t.column("id").orElseThrow().type().name()).isEqualTo("integer");
        assertThat(t.column("id").orElseThrow().defaultExpression()).isEqualTo("nextval('t_id_seq'::regclass)");
        assertThat(t.uniques()).extracting(u -> u.name()).containsExactly("t_code_key");
    }

    @Test
    void aMissingPathIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> builder.discover(List.of(dir.resolve("nope")), dir))
                .isInstanceOf(InputException.class).hasMessageContaining("nope");
    }
}
